package org.kydp.quiz.stats;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import org.kydp.quiz.error.FieldError;
import org.kydp.quiz.error.ValidationException;

/**
 * Which attempts the statistics of a quiz count: those of the days from {@code from} to {@code to} (both included,
 * in the engine's zone; either open), of one version or of all.
 */
public record StatsQuery(Optional<LocalDate> from, Optional<LocalDate> to, OptionalInt version) {

    /** The longest range of days a query may name: a year, leap day included. */
    public static final int MAX_DAYS = 366;

    public StatsQuery {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(version, "version");
        List<FieldError> errors = new ArrayList<>();
        if (from.isPresent() && to.isPresent()) {
            if (to.get().isBefore(from.get())) {
                errors.add(new FieldError("to", "must not be before from (" + from.get() + ")"));
            } else if (ChronoUnit.DAYS.between(from.get(), to.get()) + 1 > MAX_DAYS) {
                errors.add(new FieldError("to", "the range may span at most " + MAX_DAYS + " days; "
                        + from.get() + " to " + to.get() + " spans " + (ChronoUnit.DAYS.between(from.get(),
                        to.get()) + 1)));
            }
        }
        if (version.isPresent() && version.getAsInt() < 1) {
            errors.add(new FieldError("version", "must be 1 or more"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** Every attempt at every version. */
    public static StatsQuery all() {
        return new StatsQuery(Optional.empty(), Optional.empty(), OptionalInt.empty());
    }

    /** The attempts of these days, both included. */
    public static StatsQuery between(LocalDate from, LocalDate to) {
        return new StatsQuery(Optional.of(from), Optional.of(to), OptionalInt.empty());
    }

    /** The same days, of this version only. */
    public StatsQuery ofVersion(int quizVersion) {
        return new StatsQuery(from, to, OptionalInt.of(quizVersion));
    }
}
