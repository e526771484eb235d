package org.kydp.quiz.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.kydp.quiz.error.FieldError;
import org.kydp.quiz.error.ValidationException;
import org.kydp.quiz.internal.Arguments;

/**
 * How a host runs a live session.
 *
 * @param questionTimeLimit how long each question is open for answers; empty to take each question's own
 *                          limit, else the quiz's per-question limit, else {@link #DEFAULT_QUESTION_TIME}
 * @param readingTime       how long a question is shown before answers open (Kahoot! shows it 5 s); zero for none
 * @param lateJoin          whether players may join after the first question opened
 * @param autoAdvance       how long results are shown before the next question opens by itself; empty for the host
 *                          to advance
 *
 * <p>A null {@code Optional} is taken as empty, and a null reading time as none.
 */
public record LiveSettings(Optional<Duration> questionTimeLimit, Duration readingTime, boolean lateJoin,
                           Optional<Duration> autoAdvance) {

    /** The time a question is open when neither the session nor the quiz sets one: a live question always closes. */
    public static final Duration DEFAULT_QUESTION_TIME = Duration.ofSeconds(20);
    public static final Duration MIN_QUESTION_TIME = Duration.ofSeconds(1);
    public static final Duration MAX_QUESTION_TIME = Duration.ofHours(1);
    public static final Duration MAX_READING_TIME = Duration.ofMinutes(1);
    public static final Duration MIN_AUTO_ADVANCE = Duration.ofSeconds(1);
    public static final Duration MAX_AUTO_ADVANCE = Duration.ofMinutes(10);

    public LiveSettings {
        questionTimeLimit = questionTimeLimit == null ? Optional.empty() : questionTimeLimit;
        autoAdvance = autoAdvance == null ? Optional.empty() : autoAdvance;
        readingTime = readingTime == null ? Duration.ZERO : readingTime;
        List<FieldError> errors = new ArrayList<>();
        within(errors, "settings.questionTimeLimitMs", questionTimeLimit, MIN_QUESTION_TIME, MAX_QUESTION_TIME);
        within(errors, "settings.readingTimeMs", Optional.of(readingTime), Duration.ZERO, MAX_READING_TIME);
        within(errors, "settings.autoAdvanceMs", autoAdvance, MIN_AUTO_ADVANCE, MAX_AUTO_ADVANCE);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** The question's time from the quiz, no reading time, late joining allowed, the host advances. */
    public static LiveSettings defaults() {
        return new LiveSettings(Optional.empty(), Duration.ZERO, true, Optional.empty());
    }

    /** These settings with each question open this long, whatever the quiz says. */
    public LiveSettings withQuestionTimeLimit(Duration limit) {
        return new LiveSettings(Optional.of(Arguments.required("limit", limit)), readingTime, lateJoin, autoAdvance);
    }

    /** These settings with each question shown this long before answers open. */
    public LiveSettings withReadingTime(Duration time) {
        return new LiveSettings(questionTimeLimit, Arguments.required("time", time), lateJoin, autoAdvance);
    }

    public LiveSettings withLateJoin(boolean allowed) {
        return new LiveSettings(questionTimeLimit, readingTime, allowed, autoAdvance);
    }

    /** These settings with the next question opening by itself once results were shown this long. */
    public LiveSettings withAutoAdvance(Duration pause) {
        return new LiveSettings(questionTimeLimit, readingTime, lateJoin,
                Optional.of(Arguments.required("pause", pause)));
    }

    private static void within(List<FieldError> errors, String field, Optional<Duration> value, Duration min,
                               Duration max) {
        value.filter(given -> given.compareTo(min) < 0 || given.compareTo(max) > 0)
                .ifPresent(given -> errors.add(new FieldError(field, "must be between " + min.toMillis() + " and "
                        + max.toMillis() + " ms, got " + given.toMillis())));
    }
}
