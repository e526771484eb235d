package org.kydp.quiz.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.kydp.quiz.error.FieldError;
import org.kydp.quiz.error.ValidationException;

/**
 * How a host runs a live session.
 *
 * @param questionTimeLimit how long each question is open for answers; {@code null} to take each question's own
 *                          limit, else the quiz's per-question limit, else {@link #DEFAULT_QUESTION_TIME}
 * @param readingTime       how long a question is shown before answers open (Kahoot! shows it 5 s); zero for none
 * @param lateJoin          whether players may join after the first question opened
 * @param autoAdvance       how long results are shown before the next question opens by itself; {@code null} for
 *                          the host to advance
 */
public record LiveSettings(Duration questionTimeLimit, Duration readingTime, boolean lateJoin, Duration autoAdvance) {

    /** The time a question is open when neither the session nor the quiz sets one: a live question always closes. */
    public static final Duration DEFAULT_QUESTION_TIME = Duration.ofSeconds(20);
    public static final Duration MIN_QUESTION_TIME = Duration.ofSeconds(1);
    public static final Duration MAX_QUESTION_TIME = Duration.ofHours(1);
    public static final Duration MAX_READING_TIME = Duration.ofMinutes(1);
    public static final Duration MIN_AUTO_ADVANCE = Duration.ofSeconds(1);
    public static final Duration MAX_AUTO_ADVANCE = Duration.ofMinutes(10);

    public LiveSettings {
        readingTime = readingTime == null ? Duration.ZERO : readingTime;
        List<FieldError> errors = new ArrayList<>();
        within(errors, "settings.questionTimeLimitMs", questionTimeLimit, MIN_QUESTION_TIME, MAX_QUESTION_TIME);
        within(errors, "settings.readingTimeMs", readingTime, Duration.ZERO, MAX_READING_TIME);
        within(errors, "settings.autoAdvanceMs", autoAdvance, MIN_AUTO_ADVANCE, MAX_AUTO_ADVANCE);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** The question's time from the quiz, no reading time, late joining allowed, the host advances. */
    public static LiveSettings defaults() {
        return new LiveSettings(null, Duration.ZERO, true, null);
    }

    private static void within(List<FieldError> errors, String field, Duration value, Duration min, Duration max) {
        if (value != null && (value.compareTo(min) < 0 || value.compareTo(max) > 0)) {
            errors.add(new FieldError(field, "must be between " + min.toMillis() + " and " + max.toMillis()
                    + " ms, got " + value.toMillis()));
        }
    }
}
