package org.kydp.quiz.model;

import java.util.HashSet;
import java.util.List;

import org.kydp.quiz.error.ValidationException;

/** Pick exactly one of several options; exactly one option is correct. */
public record SingleChoice(
        String id,
        LocalizedText text,
        int points,
        List<Option> options,
        LocalizedText explanation,
        String source) implements Question {

    public SingleChoice {
        QuestionChecks.common(id, text, points);
        options = List.copyOf(options);
        if (options.size() < 2) {
            throw new IllegalArgumentException("question " + id + ": needs at least two options");
        }
        if (options.stream().filter(Option::correct).count() != 1) {
            throw new IllegalArgumentException("question " + id + ": needs exactly one correct option");
        }
        if (new HashSet<>(options.stream().map(Option::id).toList()).size() != options.size()) {
            throw new IllegalArgumentException("question " + id + ": option ids must be unique");
        }
        explanation = QuestionChecks.orEmpty(explanation);
        source = QuestionChecks.orEmpty(source);
    }

    @Override
    public QuestionType type() {
        return QuestionType.SINGLE_CHOICE;
    }

    @Override
    public Grade grade(Answer answer) {
        if (!(answer instanceof Answer.Choice choice)) {
            throw ValidationException.of("answer.choice",
                    "a single_choice question takes {\"choice\": \"<option id>\"}");
        }
        Option picked = options.stream()
                .filter(option -> option.id().equals(choice.optionId()))
                .findFirst()
                .orElseThrow(() -> ValidationException.of("answer.choice",
                        "no option '" + choice.optionId() + "' in question " + id));
        return picked.correct() ? Grade.right(picked.feedback()) : Grade.wrong(picked.feedback());
    }

    @Override
    public Answer correctAnswer() {
        return new Answer.Choice(options.stream().filter(Option::correct).findFirst().orElseThrow().id());
    }

    @Override
    public List<Choice> choices() {
        return options.stream().map(option -> new Choice(option.id(), option.text())).toList();
    }
}
