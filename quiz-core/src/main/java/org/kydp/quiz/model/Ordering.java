package org.kydp.quiz.model;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;

import org.kydp.quiz.error.ValidationException;

/**
 * Put items in sequence. The items are stored in the right order and always shown shuffled. Each item in
 * its right place earns its share of the points.
 */
public record Ordering(QuestionInfo info, List<Choice> items) implements Question {

    public Ordering {
        items = List.copyOf(items);
        Choices.requireAtLeast(info.id(), "items", items, 2);
        Choices.requireUniqueIds(info.id(), "item", items, Choice::id);
    }

    @Override
    public QuestionType type() {
        return QuestionType.ORDERING;
    }

    @Override
    public Grade grade(Answer answer) {
        if (!(answer instanceof Answer.Order order)) {
            throw Choices.wrongShape(type(), Answer.Order.class, "order",
                    "{\"order\": [\"<item id>\", …]} with every item once");
        }
        List<String> right = rightOrder();
        if (order.itemIds().size() != right.size() || !new HashSet<>(order.itemIds()).equals(new HashSet<>(right))) {
            throw ValidationException.of("answer.order", "must list each of the " + right.size()
                    + " items of question " + id() + " exactly once");
        }
        long inPlace = java.util.stream.IntStream.range(0, right.size())
                .filter(i -> right.get(i).equals(order.itemIds().get(i)))
                .count();
        return Grade.of((double) inPlace / right.size(), null);
    }

    @Override
    public Optional<Answer> correctAnswer() {
        return Optional.of(new Answer.Order(rightOrder()));
    }

    @Override
    public List<Choice> choices() {
        return items;
    }

    @Override
    public boolean choicesRevealTheAnswer() {
        return true;
    }

    private List<String> rightOrder() {
        return items.stream().map(Choice::id).toList();
    }
}
