package org.kydp.quiz.model;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.kydp.quiz.error.ValidationException;
import org.kydp.quiz.internal.Arguments;

/**
 * What every question has, whatever its type.
 *
 * @param points      the points a fully right answer earns (before speed or streak bonuses)
 * @param explanation what the question teaches, shown as the review policy allows
 * @param source      where the fact comes from
 * @param tags        for drawing questions from a pool
 * @param difficulty  for drawing questions from a pool; empty if not rated
 * @param timeLimit   this question's own time limit; empty to use the quiz's per-question limit, if any
 *
 * <p>A null explanation, source or tags is taken as empty, and so is a null {@code Optional}.
 */
public record QuestionInfo(String id, LocalizedText text, int points, LocalizedText explanation, String source,
                           List<String> tags, Optional<Difficulty> difficulty, Optional<Duration> timeLimit) {

    public QuestionInfo {
        Arguments.required("id", id);
        Arguments.required("text", text);
        if (id.isBlank()) {
            throw ValidationException.of("id", "question id must not be blank");
        }
        if (points <= 0) {
            throw ValidationException.of("points", "question " + id + ": points must be positive, got " + points);
        }
        difficulty = difficulty == null ? Optional.empty() : difficulty;
        timeLimit = timeLimit == null ? Optional.empty() : timeLimit;
        if (timeLimit.isPresent() && (timeLimit.get().isZero() || timeLimit.get().isNegative())) {
            throw ValidationException.of("timeLimit",
                    "question " + id + ": time limit must be positive: " + timeLimit.get());
        }
        explanation = explanation == null ? LocalizedText.empty() : explanation;
        source = source == null ? "" : source;
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** A question with just an id, a text and points. */
    public static QuestionInfo of(String id, LocalizedText text, int points) {
        return new QuestionInfo(id, text, points, null, null, null, Optional.empty(), Optional.empty());
    }

    public QuestionInfo explained(LocalizedText newExplanation, String newSource) {
        return new QuestionInfo(id, text, points, newExplanation, newSource, tags, difficulty, timeLimit);
    }

    public QuestionInfo withTimeLimit(Duration limit) {
        return new QuestionInfo(id, text, points, explanation, source, tags, difficulty,
                Optional.of(Arguments.required("limit", limit)));
    }

    /** This question tagged and rated for drawing from a pool; {@code newDifficulty} may be null for not rated. */
    public QuestionInfo withPool(List<String> newTags, Difficulty newDifficulty) {
        return new QuestionInfo(id, text, points, explanation, source, newTags, Optional.ofNullable(newDifficulty),
                timeLimit);
    }
}
