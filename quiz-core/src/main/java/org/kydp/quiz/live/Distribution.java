package org.kydp.quiz.live;

import java.util.List;
import java.util.OptionalInt;

/**
 * How the players answered one question.
 *
 * @param players  players taking part when it closed
 * @param answered how many answered
 * @param correct  how many answered right; empty for a poll
 * @param choices  for a question with options (single choice, multiple response, poll) how often each option was
 *                 chosen, and for true/false how often {@code true} and {@code false}; in the question's order
 * @param common   for short text and numeric questions the most common answers (at most five), most common first
 */
public record Distribution(int players, int answered, OptionalInt correct, List<Count> choices, List<Count> common) {

    public Distribution {
        java.util.Objects.requireNonNull(correct, "correct");
        choices = List.copyOf(choices);
        common = List.copyOf(common);
    }

    /** How often one option was chosen, or one answer given. */
    public record Count(String value, int count) {
    }
}
