package org.kydp.quiz.model;

import java.util.List;
import java.util.Optional;

import org.kydp.quiz.error.ValidationException;

/** Pick exactly one of several options; exactly one option is right, others may earn partial credit. */
public record SingleChoice(QuestionInfo info, List<Option> options) implements Question {

    public SingleChoice {
        options = List.copyOf(options);
        Choices.requireAtLeast(info.id(), "options", options, 2);
        Choices.requireUniqueIds(info.id(), "option", options, Option::id);
        if (options.stream().filter(Option::correct).count() != 1) {
            throw ValidationException.of("options", "question " + info.id() + ": needs exactly one correct option");
        }
    }

    @Override
    public QuestionType type() {
        return QuestionType.SINGLE_CHOICE;
    }

    @Override
    public Grade grade(Answer answer) {
        if (!(answer instanceof Answer.Choice choice)) {
            throw Choices.wrongShape(type(), Answer.Choice.class, "choice", "{\"choice\": \"<option id>\"}");
        }
        Option picked = options.stream()
                .filter(option -> option.id().equals(choice.optionId()))
                .findFirst()
                .orElseThrow(() -> ValidationException.of("answer.choice",
                        "no option '" + choice.optionId() + "' in question " + id()));
        if (picked.correct()) {
            return Grade.right(picked.feedback());
        }
        return new Grade(false, picked.credit(), picked.credit(), picked.feedback());
    }

    @Override
    public Optional<Answer> correctAnswer() {
        return Optional.of(new Answer.Choice(options.stream().filter(Option::correct).findFirst().orElseThrow().id()));
    }

    @Override
    public List<Choice> choices() {
        return Choices.playerView(options);
    }
}
