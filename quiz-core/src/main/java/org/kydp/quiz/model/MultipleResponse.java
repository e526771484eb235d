package org.kydp.quiz.model;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.kydp.quiz.error.ValidationException;

/**
 * Pick every right option. The weights of the right options add up to 1; wrong options may carry
 * negative weights. How partial answers score is the quiz's multiple-response grading policy.
 */
public record MultipleResponse(QuestionInfo info, List<WeightedOption> options) implements Question {

    /** How far the right options' weights may be from adding up to 1 (GIFT writes 33.333%). */
    public static final double WEIGHT_SUM_TOLERANCE = 0.01;

    public MultipleResponse {
        options = List.copyOf(options);
        Choices.requireAtLeast(info.id(), "options", options, 2);
        Choices.requireUniqueIds(info.id(), "option", options, WeightedOption::id);
        double rightWeights = options.stream().mapToDouble(WeightedOption::weight).filter(w -> w > 0).sum();
        if (Math.abs(rightWeights - 1.0) > WEIGHT_SUM_TOLERANCE) {
            throw ValidationException.of("options", "question " + info.id()
                    + ": the weights of the right options must add up to 1, got " + rightWeights);
        }
    }

    @Override
    public QuestionType type() {
        return QuestionType.MULTIPLE_RESPONSE;
    }

    @Override
    public Grade grade(Answer answer) {
        if (!(answer instanceof Answer.Choices choices)) {
            throw Choices.wrongShape(type(), Answer.Choices.class, "choices", "{\"choices\": [\"<option id>\", …]}");
        }
        Set<String> known = options.stream().map(WeightedOption::id).collect(Collectors.toSet());
        for (String id : choices.optionIds()) {
            if (!known.contains(id)) {
                throw ValidationException.of("answer.choices", "no option '" + id + "' in question " + id());
            }
        }
        List<WeightedOption> picked = options.stream().filter(o -> choices.optionIds().contains(o.id())).toList();
        LocalizedText feedback = LocalizedText.join(picked.stream().map(WeightedOption::feedback).toList());
        if (choices.optionIds().equals(rightIds())) {
            return new Grade(true, 1.0, 1.0, feedback);
        }
        double withPenalty = picked.stream().mapToDouble(WeightedOption::weight).sum();
        double rightOnly = picked.stream().mapToDouble(WeightedOption::weight).filter(w -> w > 0).sum();
        return new Grade(false, clamp(withPenalty, -1, 1), clamp(rightOnly, 0, 1), feedback);
    }

    @Override
    public Optional<Answer> correctAnswer() {
        return Optional.of(new Answer.Choices(rightIds()));
    }

    @Override
    public List<Choice> choices() {
        return options.stream().map(option -> new Choice(option.id(), option.text())).toList();
    }

    private Set<String> rightIds() {
        return options.stream().filter(WeightedOption::correct).map(WeightedOption::id).collect(Collectors.toSet());
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
