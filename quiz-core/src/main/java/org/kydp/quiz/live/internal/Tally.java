package org.kydp.quiz.live.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.kydp.quiz.live.Distribution;
import org.kydp.quiz.model.Answer;
import org.kydp.quiz.model.LiveAnswer;
import org.kydp.quiz.model.Question;
import org.kydp.quiz.model.ShortText;

/** Counts how the players answered one question: per option, or the most common answers. */
final class Tally {

    static final int COMMON = 5;

    private Tally() {
    }

    static Distribution of(Question question, List<LiveAnswer> answers, int players) {
        OptionalInt correct = question.scored()
                ? OptionalInt.of((int) answers.stream().filter(LiveAnswer::correct).count()) : OptionalInt.empty();
        return new Distribution(players, answers.size(), correct, choices(question, answers), common(question, answers));
    }

    private static List<Distribution.Count> choices(Question question, List<LiveAnswer> answers) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        switch (question.type()) {
            case SINGLE_CHOICE, MULTIPLE_RESPONSE, POLL -> question.choices().forEach(c -> counts.put(c.id(), 0));
            case TRUE_FALSE -> {
                counts.put("true", 0);
                counts.put("false", 0);
            }
            default -> {
                return List.of();
            }
        }
        for (LiveAnswer given : answers) {
            if (given.answer() instanceof Answer.Choice choice) {
                counts.computeIfPresent(choice.optionId(), (id, n) -> n + 1);
            } else if (given.answer() instanceof Answer.Choices choices) {
                choices.optionIds().forEach(id -> counts.computeIfPresent(id, (key, n) -> n + 1));
            } else if (given.answer() instanceof Answer.Bool bool) {
                counts.computeIfPresent(Boolean.toString(bool.value()), (id, n) -> n + 1);
            }
        }
        List<Distribution.Count> result = new ArrayList<>(counts.size());
        counts.forEach((id, n) -> result.add(new Distribution.Count(id, n)));
        return result;
    }

    /** The most common answers to a short-text (as first typed, counted after normalising) or numeric question. */
    private static List<Distribution.Count> common(Question question, List<LiveAnswer> answers) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, String> shown = new LinkedHashMap<>();
        for (LiveAnswer given : answers) {
            String value;
            String key;
            if (given.answer() instanceof Answer.Text text) {
                value = text.text().strip();
                key = ShortText.normalise(text.text());
            } else if (given.answer() instanceof Answer.Number number) {
                double n = number.value();
                value = n == Math.rint(n) && Math.abs(n) < 1e15 ? Long.toString((long) n) : Double.toString(n);
                key = value;
            } else {
                continue;
            }
            counts.computeIfAbsent(key, k -> new int[1])[0]++;
            shown.putIfAbsent(key, value);
        }
        return counts.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, int[]> e) -> -e.getValue()[0]))
                .limit(COMMON)
                .map(e -> new Distribution.Count(shown.get(e.getKey()), e.getValue()[0]))
                .toList();
    }
}
