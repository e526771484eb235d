package org.kydp.quiz.model;

import java.util.List;
import java.util.Optional;

import org.kydp.quiz.error.ValidationException;

/** An opinion poll: pick one option; no answer is right and none scores. Players see how others voted. */
public record Poll(QuestionInfo info, List<Choice> options) implements Question {

    public Poll {
        options = List.copyOf(options);
        Choices.requireAtLeast(info.id(), "options", options, 2);
        Choices.requireUniqueIds(info.id(), "option", options, Choice::id);
    }

    @Override
    public QuestionType type() {
        return QuestionType.POLL;
    }

    @Override
    public Grade grade(Answer answer) {
        if (!(answer instanceof Answer.Choice choice)) {
            throw Choices.wrongShape(type(), Answer.Choice.class, "choice", "{\"choice\": \"<option id>\"}");
        }
        if (options.stream().noneMatch(option -> option.id().equals(choice.optionId()))) {
            throw ValidationException.of("answer.choice", "no option '" + choice.optionId() + "' in poll " + id());
        }
        return Grade.wrong(null);
    }

    @Override
    public Optional<Answer> correctAnswer() {
        return Optional.empty();
    }

    @Override
    public boolean scored() {
        return false;
    }

    @Override
    public List<Choice> choices() {
        return options;
    }
}
