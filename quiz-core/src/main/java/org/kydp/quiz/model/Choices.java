package org.kydp.quiz.model;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.function.Function;

import org.kydp.quiz.error.ValidationException;

/** Checks shared by the types whose parts have ids. */
final class Choices {

    private Choices() {
    }

    static <T> void requireUniqueIds(String questionId, String what, Collection<T> parts, Function<T, String> id) {
        if (new HashSet<>(parts.stream().map(id).toList()).size() != parts.size()) {
            throw ValidationException.of("options", "question " + questionId + ": " + what + " ids must be unique");
        }
    }

    static <T> void requireAtLeast(String questionId, String what, List<T> parts, int count) {
        if (parts.size() < count) {
            throw ValidationException.of("options",
                    "question " + questionId + ": needs at least " + count + " " + what);
        }
    }

    /** The refusal of an answer of another shape: what the type takes, in JSON and in Java. */
    static ValidationException wrongShape(QuestionType type, Class<? extends Answer> java, String field, String shape) {
        return ValidationException.of("answer." + field, "a " + type.wireName() + " question takes " + shape
                + " (Answer." + java.getSimpleName() + ")");
    }

    static List<Question.Choice> playerView(List<Option> options) {
        return options.stream().map(option -> new Question.Choice(option.id(), option.text())).toList();
    }
}
