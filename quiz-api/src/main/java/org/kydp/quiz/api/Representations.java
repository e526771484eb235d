package org.kydp.quiz.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.kydp.quiz.attempt.AnswerResult;
import org.kydp.quiz.attempt.AttemptSummary;
import org.kydp.quiz.attempt.FinishResult;
import org.kydp.quiz.attempt.QuestionView;
import org.kydp.quiz.attempt.ReviewItem;
import org.kydp.quiz.leaderboard.LeaderboardEntry;
import org.kydp.quiz.model.Answer;
import org.kydp.quiz.model.Difficulty;
import org.kydp.quiz.model.LocalizedText;
import org.kydp.quiz.model.Player;
import org.kydp.quiz.model.Question;
import org.kydp.quiz.model.QuestionType;
import org.kydp.quiz.model.Quiz;
import org.kydp.quiz.model.QuizRules;
import org.kydp.quiz.model.ReviewPolicy;
import org.kydp.quiz.model.ScoringRules;

/**
 * The JSON bodies of the API, built only from the engine's player-safe views, in one language. Nothing
 * here has a field that could carry an answer key before the quiz's review policy allows it.
 */
public final class Representations {

    private Representations() {
    }

    public record PlayerCreated(String id, String name, String token) {
    }

    public record QuizSummary(String id, String title, String description, List<String> tags, int questionCount,
                              Long timeLimitMs, List<String> languages, String defaultLanguage, String language) {
    }

    public record QuizPage(List<QuizSummary> items, String next) {
    }

    public record Scoring(String mode, double negativeMarking, int floor, String multipleResponse,
                          boolean streakBonus) {
    }

    public record Review(String correctness, String points, String feedback, String explanation,
                         String correctAnswer) {
    }

    public record Draw(int count, List<String> tags, List<String> difficulties) {
    }

    public record Rules(Scoring scoring, int attemptsAllowed, Review review, String grading, Long timeLimitMs,
                        Long questionTimeLimitMs, long gracePeriodMs, boolean shuffleQuestions,
                        boolean shuffleOptions, @JsonInclude(JsonInclude.Include.NON_NULL) Draw draw) {
    }

    public record QuizDetail(String id, int version, String title, String description, List<String> tags,
                             int questionCount, int maxScore, Long timeLimitMs, List<String> languages,
                             String defaultLanguage, String language, Rules rules) {
    }

    public record AttemptBody(String id, String quizId, int quizVersion, String status, int answered,
                              int questionCount, Integer score, int maxScore, Instant startedAt, Instant deadline,
                              Instant finishedAt) {
    }

    public record Choice(String id, String text) {
    }

    public record QuestionBody(String id, int index, int count, String type, String text,
                               @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Choice> options,
                               @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Choice> left,
                               @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Choice> right,
                               int points, Long timeLimitMs, Instant deadline) {
    }

    public record AnswerBody(String questionId, Boolean correct, Integer points, Integer streakBonus, Integer score,
                             int answered, int questionCount, String feedback, String explanation,
                             Map<String, Object> correctAnswer,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Long> votes) {
    }

    public record ReviewBody(String questionId, int index, String type, String text, Map<String, Object> answer,
                             Boolean correct, Integer points, int maxPoints, String feedback, String explanation,
                             String source, Map<String, Object> correctAnswer) {
    }

    public record FinishBody(String id, String quizId, String status, int score, int maxScore, Integer correct,
                             int answered, int questionCount, long durationMs, int rank, String feedback,
                             List<ReviewBody> review) {
    }

    public record EntryBody(int rank, String playerId, String name, int score, long durationMs) {
    }

    public record LeaderboardBody(String quizId, String window, int total, int limit, int offset,
                                  List<EntryBody> entries) {
    }

    public record AroundMeBody(String quizId, String window, int rank, int total, double percentile,
                               List<EntryBody> entries) {
    }

    static PlayerCreated playerCreated(Player player, String token) {
        return new PlayerCreated(player.id(), player.name(), token);
    }

    static QuizSummary summary(Quiz quiz, String language) {
        return new QuizSummary(quiz.id(), text(quiz.title(), language, quiz), text(quiz.description(), language, quiz),
                quiz.tags(), quiz.questionsPerAttempt(), millis(quiz.rules().timeLimit()), quiz.languages(),
                quiz.defaultLanguage(), language);
    }

    static QuizDetail detail(Quiz quiz, String language) {
        QuizRules r = quiz.rules();
        ScoringRules s = r.scoring();
        ReviewPolicy v = r.review();
        Rules rules = new Rules(
                new Scoring(s.mode().wireName(), s.negativeMarking(), s.floor(), s.multipleResponse().wireName(),
                        s.streakBonus()),
                r.attemptsAllowed(),
                new Review(v.correctness().wireName(), v.points().wireName(), v.feedback().wireName(),
                        v.explanation().wireName(), v.correctAnswer().wireName()),
                r.grading().wireName(), millis(r.timeLimit()), millis(r.questionTimeLimit()),
                r.gracePeriod().toMillis(), r.shuffleQuestions(), r.shuffleOptions(),
                r.draw().map(draw -> new Draw(draw.count(), draw.tags().stream().sorted().toList(),
                        draw.difficulties().stream().map(Difficulty::wireName).sorted().toList())).orElse(null));
        return new QuizDetail(quiz.id(), quiz.version(), text(quiz.title(), language, quiz),
                text(quiz.description(), language, quiz), quiz.tags(), quiz.questionsPerAttempt(), quiz.maxScore(),
                millis(quiz.rules().timeLimit()), quiz.languages(), quiz.defaultLanguage(), language, rules);
    }

    static AttemptBody attempt(AttemptSummary a) {
        return new AttemptBody(a.id(), a.quizId(), a.quizVersion(), a.status().name(), a.answered(),
                a.questionCount(), orNull(a.score()), a.maxScore(), a.startedAt(), a.deadline().orElse(null),
                a.finishedAt().orElse(null));
    }

    static QuestionBody question(QuestionView q, String language) {
        String fallback = q.languages().defaultLanguage();
        return new QuestionBody(q.id(), q.index(), q.count(), q.type().wireName(), q.text().in(language, fallback),
                choices(q.choices(), language, fallback), choices(q.left(), language, fallback),
                choices(q.right(), language, fallback), q.points(), millis(q.timeLimit()),
                q.deadline().orElse(null));
    }

    private static List<Choice> choices(List<Question.Choice> choices, String language, String fallback) {
        return choices.stream().map(c -> new Choice(c.id(), c.text().in(language, fallback))).toList();
    }

    static AnswerBody answer(AnswerResult r, String language) {
        String fallback = r.languages().defaultLanguage();
        return new AnswerBody(r.questionId(), r.correct().orElse(null), orNull(r.points()), orNull(r.streakBonus()),
                orNull(r.score()), r.answered(), r.questionCount(), optionalText(r.feedback(), language, fallback),
                optionalText(r.explanation(), language, fallback), answerJson(r.correctAnswer().orElse(null)),
                r.type() == QuestionType.POLL ? r.votes() : null);
    }

    static FinishBody finish(FinishResult f, String language) {
        String fallback = f.languages().defaultLanguage();
        List<ReviewBody> review = f.review().stream().map(item -> review(item, language, fallback)).toList();
        return new FinishBody(f.id(), f.quizId(), f.status().name(), f.score(), f.maxScore(), orNull(f.correct()),
                f.answered(), f.questionCount(), f.duration().toMillis(), f.rank(),
                optionalText(f.feedback(), language, fallback), review);
    }

    static EntryBody entry(LeaderboardEntry e) {
        return new EntryBody(e.rank(), e.playerId(), e.name(), e.score(), e.duration().toMillis());
    }

    /** An answer in the same shape a player submits it: {@code {"choice": "b"}}, {@code {"value": true}}. */
    static Map<String, Object> answerJson(Answer answer) {
        if (answer == null) {
            return null;
        }
        Object value;
        if (answer instanceof Answer.Choice choice) {
            value = choice.optionId();
        } else if (answer instanceof Answer.Choices choices) {
            value = List.copyOf(choices.optionIds());
        } else if (answer instanceof Answer.Bool bool) {
            value = bool.value();
        } else if (answer instanceof Answer.Text text) {
            value = text.text();
        } else if (answer instanceof Answer.Number number) {
            value = number.value() == Math.rint(number.value()) && Math.abs(number.value()) < 1e15
                    ? (Object) (long) number.value() : (Object) number.value();
        } else if (answer instanceof Answer.Order order) {
            value = order.itemIds();
        } else if (answer instanceof Answer.Pairs pairs) {
            value = pairs.pairs();
        } else {
            throw new IllegalArgumentException("no JSON shape for " + answer.getClass().getSimpleName());
        }
        return Map.of(answer.field(), value);
    }

    private static ReviewBody review(ReviewItem item, String language, String fallback) {
        return new ReviewBody(item.questionId(), item.index(), item.type().wireName(),
                item.text().in(language, fallback), answerJson(item.given().orElse(null)),
                item.correct().orElse(null), orNull(item.points()), item.maxPoints(),
                optionalText(item.feedback(), language, fallback), optionalText(item.explanation(), language, fallback),
                item.source().isEmpty() ? null : item.source(), answerJson(item.correctAnswer().orElse(null)));
    }

    private static String text(LocalizedText text, String language, Quiz quiz) {
        return text.in(language, quiz.defaultLanguage());
    }

    /** A text the engine may leave empty, as JSON has it: absent (null) when empty. */
    private static String optionalText(LocalizedText text, String language, String fallback) {
        return text.isEmpty() ? null : text.in(language, fallback);
    }

    /** A number the engine may leave empty, as JSON has it: absent (null) when empty. */
    private static Integer orNull(OptionalInt value) {
        return value.isPresent() ? value.getAsInt() : null;
    }

    private static Long millis(Optional<Duration> duration) {
        return duration.map(Duration::toMillis).orElse(null);
    }
}
