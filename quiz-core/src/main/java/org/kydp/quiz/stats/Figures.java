package org.kydp.quiz.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;

import org.kydp.quiz.model.Answer;
import org.kydp.quiz.model.LocalizedText;
import org.kydp.quiz.model.Question;
import org.kydp.quiz.model.QuestionType;
import org.kydp.quiz.stats.QuestionStatistics.AnswerCount;
import org.kydp.quiz.stats.QuestionStatistics.Flag;
import org.kydp.quiz.stats.QuestionStatistics.ItemCount;
import org.kydp.quiz.stats.QuestionStatistics.OptionCount;
import org.kydp.quiz.store.StatisticsStore.StatsRows;
import org.kydp.quiz.store.Tally;

/** Turns running sums into the figures a quiz owner reads: the formulas, in one place. */
final class Figures {

    static final double LOW_FACILITY = 0.3;
    static final double LOW_DISCRIMINATION = 0.1;
    /** Below this many attempts (answers, for options) a low discrimination or an unchosen option says little. */
    static final long FLAG_SAMPLE = 30;
    static final int TOP_WRONG_ANSWERS = 5;

    private Figures() {
    }

    /** The figures of each question with sums whose content is known. */
    static List<QuestionStatistics> questions(StatsRows rows, Function<String, Question> contentOf) {
        Map<String, List<StatsRows.Response>> responses = new HashMap<>();
        rows.responses().forEach(r -> responses.computeIfAbsent(r.questionId(), k -> new ArrayList<>()).add(r));
        List<QuestionStatistics> figures = new ArrayList<>();
        for (StatsRows.Question sums : rows.questions()) {
            Question question = contentOf.apply(sums.questionId());
            if (question != null) {
                figures.add(question(sums, question, responses.getOrDefault(sums.questionId(), List.of())));
            }
        }
        return figures;
    }

    static QuestionStatistics question(StatsRows.Question sums, Question question,
                                       List<StatsRows.Response> responses) {
        OptionalDouble facility = question.scored() && sums.scored() > 0
                ? OptionalDouble.of(sums.sumX() / sums.scored()) : OptionalDouble.empty();
        OptionalDouble discrimination = question.scored() ? correlation(sums) : OptionalDouble.empty();
        OptionalLong meanTime = sums.timed() > 0 ? OptionalLong.of(Math.round((double) sums.timeMs() / sums.timed()))
                : OptionalLong.empty();
        OptionalDouble fullyRight = question.scored() && sums.attempts() > 0
                ? OptionalDouble.of((double) sums.fullyRight() / sums.attempts()) : OptionalDouble.empty();
        List<OptionCount> options = options(question, count(responses, Tally.ResponseKind.OPTION));
        List<AnswerCount> wrong = topWrong(count(responses, Tally.ResponseKind.WRONG));
        List<ItemCount> items = items(question, count(responses, Tally.ResponseKind.ITEM));
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        if (facility.isPresent() && facility.getAsDouble() < LOW_FACILITY) {
            flags.add(Flag.LOW_FACILITY);
        }
        if (discrimination.isPresent() && discrimination.getAsDouble() < LOW_DISCRIMINATION
                && sums.attempts() >= FLAG_SAMPLE) {
            flags.add(Flag.LOW_DISCRIMINATION);
        }
        if (question.scored() && sums.answered() >= FLAG_SAMPLE
                && options.stream().anyMatch(option -> !option.right() && option.chosen() == 0)) {
            flags.add(Flag.UNCHOSEN_WRONG_OPTION);
        }
        return new QuestionStatistics(question.id(), question.type(), question.text(), sums.attempts(),
                sums.served(), sums.answered(), sums.skipped(), sums.timedOut(), facility, discrimination, meanTime,
                fullyRight, options, wrong, items, flags);
    }

    /**
     * Pearson's r from the sums: (nΣxy − ΣxΣy) / √((nΣx² − (Σx)²)(nΣy² − (Σy)²)); empty when either side never
     * varies or there are fewer than two attempts.
     */
    static OptionalDouble correlation(StatsRows.Question sums) {
        double n = sums.scored();
        if (n < 2) {
            return OptionalDouble.empty();
        }
        double covariance = n * sums.sumXy() - sums.sumX() * sums.sumY();
        double varianceX = n * sums.sumXx() - sums.sumX() * sums.sumX();
        double varianceY = n * sums.sumYy() - sums.sumY() * sums.sumY();
        double scale = Math.max(1, n * n);
        if (varianceX <= 1e-12 * scale * Math.max(1, sums.sumXx() / n)
                || varianceY <= 1e-12 * scale * Math.max(1, sums.sumYy() / n)) {
            return OptionalDouble.empty();
        }
        double r = covariance / Math.sqrt(varianceX * varianceY);
        return OptionalDouble.of(Math.max(-1, Math.min(1, r)));
    }

    private static Map<String, Long> count(List<StatsRows.Response> responses, Tally.ResponseKind kind) {
        Map<String, Long> counts = new LinkedHashMap<>();
        responses.stream().filter(r -> r.kind() == kind).forEach(r -> counts.merge(r.response(), r.times(), Long::sum));
        return counts;
    }

    private static List<OptionCount> options(Question question, Map<String, Long> chosen) {
        if (question.type() == QuestionType.TRUE_FALSE) {
            boolean right = question.correctAnswer().orElse(null) instanceof Answer.Bool bool && bool.value();
            return List.of(
                    new OptionCount("true", LocalizedText.bilingual("True", "सही"), right, chosen.getOrDefault("true", 0L)),
                    new OptionCount("false", LocalizedText.bilingual("False", "गलत"), !right,
                            chosen.getOrDefault("false", 0L)));
        }
        if (question.type() != QuestionType.SINGLE_CHOICE && question.type() != QuestionType.MULTIPLE_RESPONSE
                && question.type() != QuestionType.POLL) {
            return List.of();
        }
        Set<String> right = rightOptions(question);
        return question.choices().stream()
                .map(choice -> new OptionCount(choice.id(), choice.text(), right.contains(choice.id()),
                        chosen.getOrDefault(choice.id(), 0L)))
                .toList();
    }

    private static Set<String> rightOptions(Question question) {
        Answer answer = question.correctAnswer().orElse(null);
        if (answer instanceof Answer.Choice choice) {
            return Set.of(choice.optionId());
        }
        if (answer instanceof Answer.Choices choices) {
            return choices.optionIds();
        }
        return Set.of();
    }

    private static List<AnswerCount> topWrong(Map<String, Long> wrong) {
        return wrong.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_WRONG_ANSWERS)
                .map(entry -> new AnswerCount(entry.getKey(), entry.getValue()))
                .toList();
    }

    private static List<ItemCount> items(Question question, Map<String, Long> right) {
        List<Question.Choice> items = question.type() == QuestionType.MATCHING ? question.left()
                : question.type() == QuestionType.ORDERING ? question.choices() : List.of();
        return items.stream().sorted(Comparator.comparing(Question.Choice::id))
                .map(item -> new ItemCount(item.id(), item.text(), right.getOrDefault(item.id(), 0L)))
                .toList();
    }
}
