package org.kydp.quiz.stats;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

import org.kydp.quiz.model.LocalizedText;
import org.kydp.quiz.model.QuestionType;

/**
 * How the crowd answered one question, over the finished attempts that had it (the players of a live session for
 * a session's statistics). The definitions follow Moodle's quiz statistics, so figures can be compared with it.
 *
 * @param attempts   finished attempts that had the question
 * @param served     of those, how many showed it
 * @param answered   how many answered it in time
 * @param skipped    how many showed it and had no answer when the attempt finished
 * @param timedOut   how many showed it and let its time run out
 * @param facility   the mean fraction of the question's points earned, 0–1: (points − lowest possible) / (points
 *                   possible − lowest possible), streak bonus aside, an unanswered question counting 0; empty for a
 *                   poll or no attempts
 * @param discrimination the correlation coefficient between the question's fraction and the rest of the attempt's
 *                   score (the attempt's score less the question's points), −1 to 1: Moodle's discrimination index
 *                   divided by 100; empty for a poll, fewer than two attempts, or either side never varying
 * @param meanTimeMs the mean time from showing the question to its answer, over the answers in time
 * @param fullyRight the share of the attempts that got the question fully right, 0–1
 * @param options    single choice, multiple response, true/false and poll: every option with how many chose it
 * @param topWrongAnswers short text and numeric: the five most common wrong answers, normalised as grading does
 * @param items      ordering and matching: every item with how many put it in its right place (or pair)
 * @param flags      what a quiz owner may want to act on
 */
public record QuestionStatistics(String questionId, QuestionType type, LocalizedText text, long attempts,
                                 long served, long answered, long skipped, long timedOut, OptionalDouble facility,
                                 OptionalDouble discrimination, OptionalLong meanTimeMs, OptionalDouble fullyRight,
                                 List<OptionCount> options, List<AnswerCount> topWrongAnswers, List<ItemCount> items,
                                 Set<Flag> flags) {

    public QuestionStatistics {
        options = List.copyOf(options);
        topWrongAnswers = List.copyOf(topWrongAnswers);
        items = List.copyOf(items);
        flags = Set.copyOf(flags);
    }

    /** An option and how many answers chose it; {@code right} if choosing it is (part of) the right answer. */
    public record OptionCount(String id, LocalizedText text, boolean right, long chosen) {
    }

    /** A wrong answer as given (normalised) and how many gave it. */
    public record AnswerCount(String text, long count) {
    }

    /** An item of an ordering or matching question and how many answers put it right. */
    public record ItemCount(String id, LocalizedText text, long right) {
    }

    /** What a quiz owner may want to act on. */
    public enum Flag {
        /** Facility below 0.3: most citizens do not know this; worth a post. */
        LOW_FACILITY,
        /** Discrimination below 0.1 over at least 30 attempts: the question may be ambiguous. */
        LOW_DISCRIMINATION,
        /** A wrong option nobody chose over at least 30 answers: it distracts nobody. */
        UNCHOSEN_WRONG_OPTION
    }
}
