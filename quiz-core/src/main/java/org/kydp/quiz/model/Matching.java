package org.kydp.quiz.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.kydp.quiz.error.ValidationException;

/**
 * Pair each left item with a right item. The right side may hold extra items that match nothing. Each
 * right pair earns its share of the points.
 */
public record Matching(QuestionInfo info, List<Choice> left, List<Choice> right, Map<String, String> pairs)
        implements Question {

    public Matching {
        left = List.copyOf(left);
        right = List.copyOf(right);
        pairs = Map.copyOf(pairs);
        Choices.requireAtLeast(info.id(), "left items", left, 2);
        Choices.requireUniqueIds(info.id(), "left item", left, Choice::id);
        Choices.requireUniqueIds(info.id(), "right item", right, Choice::id);
        Set<String> leftIds = left.stream().map(Choice::id).collect(Collectors.toSet());
        Set<String> rightIds = right.stream().map(Choice::id).collect(Collectors.toSet());
        if (!pairs.keySet().equals(leftIds) || !rightIds.containsAll(pairs.values())) {
            throw ValidationException.of("pairs", "question " + info.id()
                    + ": every left item needs exactly one right item from the list");
        }
    }

    @Override
    public QuestionType type() {
        return QuestionType.MATCHING;
    }

    @Override
    public Grade grade(Answer answer) {
        if (!(answer instanceof Answer.Pairs given)) {
            throw Choices.wrongShape(type(), Answer.Pairs.class, "pairs",
                    "{\"pairs\": {\"<left id>\": \"<right id>\", …}}");
        }
        if (!given.pairs().keySet().equals(pairs.keySet())) {
            throw ValidationException.of("answer.pairs", "must pair each of the left items "
                    + pairs.keySet().stream().sorted().toList() + " exactly once");
        }
        Set<String> rightIds = right.stream().map(Choice::id).collect(Collectors.toSet());
        for (Map.Entry<String, String> pair : given.pairs().entrySet()) {
            if (!rightIds.contains(pair.getValue())) {
                throw ValidationException.of("answer.pairs." + pair.getKey(),
                        "no right item '" + pair.getValue() + "' in question " + id());
            }
        }
        long rightPairs = pairs.entrySet().stream()
                .filter(pair -> pair.getValue().equals(given.pairs().get(pair.getKey())))
                .count();
        return Grade.of((double) rightPairs / pairs.size(), null);
    }

    @Override
    public Optional<Answer> correctAnswer() {
        return Optional.of(new Answer.Pairs(pairs));
    }
}
