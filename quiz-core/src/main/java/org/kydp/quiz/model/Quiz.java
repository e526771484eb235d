package org.kydp.quiz.model;

import java.util.List;
import java.util.Optional;

import org.kydp.quiz.error.ValidationException;
import org.kydp.quiz.internal.Arguments;

/**
 * A quiz: localised title and description, tags, rules and questions. Immutable; an edit is a new
 * version.
 */
public record Quiz(
        String id,
        int version,
        String defaultLanguage,
        List<String> languages,
        LocalizedText title,
        LocalizedText description,
        List<String> tags,
        QuizRules rules,
        List<Question> questions,
        List<FeedbackBand> feedbackBands) {

    public Quiz {
        Arguments.required("id", id);
        Arguments.required("defaultLanguage", defaultLanguage);
        Arguments.required("title", title);
        Arguments.required("rules", rules);
        languages = List.copyOf(languages);
        title = title.withDefaultLanguage(defaultLanguage);
        description = description == null ? LocalizedText.empty() : description.withDefaultLanguage(defaultLanguage);
        tags = List.copyOf(tags);
        questions = QuestionList.of(questions);
        feedbackBands = feedbackBands == null ? List.of() : feedbackBands.stream()
                .sorted(java.util.Comparator.comparingDouble(FeedbackBand::minPercent)).toList();
        if (version < 1) {
            throw ValidationException.of("version", "quiz " + id + ": version starts at 1, got " + version);
        }
        if (!languages.contains(defaultLanguage)) {
            throw ValidationException.of("defaultLanguage", "quiz " + id + ": default language " + defaultLanguage
                    + " is not among its languages " + languages);
        }
        if (questions.isEmpty()) {
            throw ValidationException.of("questions", "quiz " + id + ": needs at least one question");
        }
        if (!((QuestionList) questions).idsAreUnique()) {
            throw ValidationException.of("questions", "quiz " + id + ": question ids must be unique");
        }
        if (rules.scoring().mode() == ScoringRules.Mode.SPEED) {
            for (Question question : questions) {
                if (rules.timeLimitOf(question).isEmpty()) {
                    throw ValidationException.of("rules.scoring",
                            "quiz " + id + ": speed scoring needs a time limit for question "
                            + question.id() + " (its own, or the quiz's questionTimeLimit)");
                }
            }
        }
        if (rules.draw().isPresent() && rules.draw().get().pool(questions).size() < rules.draw().get().count()) {
            throw ValidationException.of("rules.draw", "quiz " + id + ": draws " + rules.draw().get().count()
                    + " questions from a pool of " + rules.draw().get().pool(questions).size());
        }
    }

    public Quiz(String id, int version, String defaultLanguage, List<String> languages, LocalizedText title,
                LocalizedText description, List<String> tags, QuizRules rules, List<Question> questions) {
        this(id, version, defaultLanguage, languages, title, description, tags, rules, questions, List.of());
    }

    /** The overall feedback for a score, by the highest band it reaches; empty if no band applies. */
    public LocalizedText feedbackFor(int score, int maxScore) {
        double percent = maxScore <= 0 ? 0 : 100.0 * score / maxScore;
        LocalizedText chosen = LocalizedText.empty();
        for (FeedbackBand band : feedbackBands) {
            if (percent >= band.minPercent()) {
                chosen = band.text();
            }
        }
        return chosen;
    }

    public Optional<Question> question(String questionId) {
        return Optional.ofNullable(((QuestionList) questions).byId(questionId));
    }

    /** How many questions each attempt asks: all of them, or as many as the draw takes. */
    public int questionsPerAttempt() {
        return rules.draw().map(QuestionDraw::count).orElse(questions.size());
    }

    /** The most points one attempt can score: the drawn questions (the best-scoring ones, if drawn), bonuses aside. */
    public int maxScore() {
        List<Question> scored = questions.stream().filter(Question::scored).toList();
        if (rules.draw().isEmpty()) {
            return scored.stream().mapToInt(Question::points).sum();
        }
        QuestionDraw draw = rules.draw().get();
        return draw.pool(scored).stream().mapToInt(Question::points).boxed()
                .sorted(java.util.Comparator.reverseOrder()).limit(draw.count()).mapToInt(Integer::intValue).sum();
    }

    public Quiz withVersion(int newVersion) {
        return new Quiz(id, newVersion, defaultLanguage, languages, title, description, tags, rules, questions,
                feedbackBands);
    }

    public Quiz withRules(QuizRules newRules) {
        return new Quiz(id, version, defaultLanguage, languages, title, description, tags, newRules, questions,
                feedbackBands);
    }
}
