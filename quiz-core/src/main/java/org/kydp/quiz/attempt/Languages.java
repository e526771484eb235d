package org.kydp.quiz.attempt;

import java.util.List;

/** The languages a quiz is written in, so that a view can be rendered in the one a player asks for. */
public record Languages(String defaultLanguage, List<String> available) {

    public Languages {
        available = List.copyOf(available);
    }

    public static Languages of(org.kydp.quiz.model.Quiz quiz) {
        return new Languages(quiz.defaultLanguage(), quiz.languages());
    }

    /** The requested language if the quiz has it, else the quiz's default. */
    public String choose(String requested) {
        return requested != null && available.contains(requested) ? requested : defaultLanguage;
    }
}
