package org.kydp.quiz.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.kydp.quiz.attempt.Languages;
import org.kydp.quiz.live.AcceptedAnswer;
import org.kydp.quiz.live.CreatedSession;
import org.kydp.quiz.live.Distribution;
import org.kydp.quiz.live.JoinedPlayer;
import org.kydp.quiz.live.LiveEvent;
import org.kydp.quiz.live.LiveResults;
import org.kydp.quiz.live.LiveSessionView;
import org.kydp.quiz.live.LiveState;
import org.kydp.quiz.live.Ranked;
import org.kydp.quiz.live.Standing;
import org.kydp.quiz.model.LiveSettings;
import org.kydp.quiz.model.LocalizedText;

/**
 * The JSON bodies of live sessions, REST replies and event data alike, in one language. A question is sent as the
 * player-safe view attempts use; correctness, points and the right answer come only with a question's results.
 */
final class LiveRepresentations {

    /** Where players join a session, relative to the server (the demo serves its live page there). */
    static final String JOIN_PATH = "/live?code=";

    private LiveRepresentations() {
    }

    record SettingsBody(Long questionTimeLimitMs, long readingTimeMs, boolean lateJoin, Long autoAdvanceMs) {
    }

    record SessionBody(String id, String code, String quizId, int quizVersion, String language, String phase,
                       int questionIndex, int questionCount, int players, int answered, Instant openedAt,
                       Instant answersOpenAt, Instant deadline, Instant closedAt, Instant createdAt, Instant endedAt,
                       long lastEventId, SettingsBody settings, String joinUrl) {
    }

    record CreatedBody(String id, String code, String hostToken, String quizId, int quizVersion, String language,
                       String phase, int questionCount, Instant createdAt, SettingsBody settings, String joinUrl) {
    }

    record JoinedBody(String sessionId, String playerId, String name, String token, boolean rejoined) {
    }

    record AcceptedBody(String questionId, boolean accepted, Instant answeredAt) {
    }

    record PlayerJoinedBody(String playerId, String name, int players) {
    }

    record PlayerLeftBody(String playerId, String name, int players, boolean removed) {
    }

    record QuestionEventBody(int index, int count, Representations.QuestionBody question, Instant openedAt,
                             Instant answersOpenAt, Instant deadline) {
    }

    record AnswersBody(int index, int answered, int players) {
    }

    record CountBody(String value, int count) {
    }

    record DistributionBody(int players, int answered, Integer correct, List<CountBody> choices,
                            List<CountBody> common) {
    }

    record RankedBody(int rank, String playerId, String name, int score) {
    }

    record AfterQuestionBody(boolean answered, Boolean correct, int points, int score, int rank, int streak) {
    }

    record FinalBody(int score, int rank, int streak, int answered, int correct) {
    }

    record ResultsBody(int index, String questionId, String type, Map<String, Object> correctAnswer,
                       String explanation, DistributionBody distribution, List<RankedBody> top,
                       @JsonInclude(JsonInclude.Include.NON_NULL) AfterQuestionBody you) {
    }

    record EndedBody(List<RankedBody> podium, int total, @JsonInclude(JsonInclude.Include.NON_NULL) FinalBody you) {
    }

    record YouBody(String playerId, String name, int score, Integer rank, int streak, boolean answered) {
    }

    record StateBody(String sessionId, @JsonInclude(JsonInclude.Include.NON_NULL) String code, String quizId,
                     String language, String phase, int questionIndex, int questionCount, int players, int answered,
                     QuestionEventBody question, ResultsBody results, EndedBody ended,
                     @JsonInclude(JsonInclude.Include.NON_NULL) YouBody you, long lastEventId) {
    }

    record RankedPlayerBody(int rank, String playerId, String name, int score, int answered, int correct,
                            int streak) {
    }

    record QuestionSummaryBody(int index, String questionId, String type, String text, DistributionBody distribution) {
    }

    record ResultsPageBody(SessionBody session, List<RankedPlayerBody> ranking, List<QuestionSummaryBody> questions) {
    }

    static SettingsBody settings(LiveSettings settings) {
        return new SettingsBody(millis(settings.questionTimeLimit()), settings.readingTime().toMillis(),
                settings.lateJoin(), millis(settings.autoAdvance()));
    }

    static SessionBody session(LiveSessionView s) {
        return new SessionBody(s.id(), s.code().orElse(null), s.quizId(), s.quizVersion(), s.language().orElse(null),
                s.phase().wireName(), s.questionIndex(), s.questionCount(), s.players(), s.answered(),
                s.openedAt().orElse(null), s.answersOpenAt().orElse(null), s.deadline().orElse(null),
                s.closedAt().orElse(null), s.createdAt(), s.endedAt().orElse(null), s.lastEventId(),
                settings(s.settings()), s.code().map(code -> JOIN_PATH + code).orElse(null));
    }

    static CreatedBody created(CreatedSession created) {
        LiveSessionView s = created.session();
        String code = s.code().orElseThrow();
        return new CreatedBody(s.id(), code, created.hostToken(), s.quizId(), s.quizVersion(),
                s.language().orElse(null), s.phase().wireName(), s.questionCount(), s.createdAt(),
                settings(s.settings()), JOIN_PATH + code);
    }

    static JoinedBody joined(JoinedPlayer joined) {
        return new JoinedBody(joined.sessionId(), joined.playerId(), joined.name(), joined.token(), joined.rejoined());
    }

    static AcceptedBody accepted(AcceptedAnswer accepted) {
        return new AcceptedBody(accepted.questionId(), true, accepted.answeredAt());
    }

    /** The name of an event on the stream. */
    static String eventName(LiveEvent event) {
        if (event instanceof LiveEvent.PlayerJoined) {
            return "player-joined";
        }
        if (event instanceof LiveEvent.PlayerLeft) {
            return "player-left";
        }
        if (event instanceof LiveEvent.QuestionOpened) {
            return "question";
        }
        if (event instanceof LiveEvent.AnswersCounted) {
            return "answers";
        }
        if (event instanceof LiveEvent.QuestionResults) {
            return "results";
        }
        return "ended";
    }

    /** The data of an event, in a language, with the player's own standing when it carries one. */
    static Object event(LiveEvent event, Standing you, String language) {
        if (event instanceof LiveEvent.PlayerJoined joined) {
            return new PlayerJoinedBody(joined.playerId(), joined.name(), joined.players());
        }
        if (event instanceof LiveEvent.PlayerLeft left) {
            return new PlayerLeftBody(left.playerId(), left.name(), left.players(), left.removed());
        }
        if (event instanceof LiveEvent.QuestionOpened opened) {
            return question(opened, language);
        }
        if (event instanceof LiveEvent.AnswersCounted counted) {
            return new AnswersBody(counted.index(), counted.answered(), counted.players());
        }
        if (event instanceof LiveEvent.QuestionResults results) {
            return results(results, you, language);
        }
        return ended((LiveEvent.SessionEnded) event, you);
    }

    static QuestionEventBody question(LiveEvent.QuestionOpened opened, String language) {
        return new QuestionEventBody(opened.index(), opened.count(),
                Representations.question(opened.question(), language), opened.at(), opened.answersOpenAt(),
                opened.deadline());
    }

    static ResultsBody results(LiveEvent.QuestionResults results, Standing you, String language) {
        return new ResultsBody(results.index(), results.questionId(), results.type().wireName(),
                Representations.answerJson(results.correctAnswer().orElse(null)),
                text(results.explanation(), language, results.languages()), distribution(results.distribution()),
                ranked(results.top()), you instanceof Standing.AfterQuestion after ? afterQuestion(after) : null);
    }

    static EndedBody ended(LiveEvent.SessionEnded ended, Standing you) {
        return new EndedBody(ranked(ended.podium()), ended.total(),
                you instanceof Standing.Final last ? finalStanding(last) : null);
    }

    static AfterQuestionBody afterQuestion(Standing.AfterQuestion after) {
        return new AfterQuestionBody(after.answered(), after.correct().orElse(null), after.points(), after.score(),
                after.rank(),
                after.streak());
    }

    static FinalBody finalStanding(Standing.Final last) {
        return new FinalBody(last.score(), last.rank(), last.streak(), last.answered(), last.correct());
    }

    static DistributionBody distribution(Distribution d) {
        return new DistributionBody(d.players(), d.answered(),
                d.correct().isPresent() ? (Integer) d.correct().getAsInt() : null, counts(d.choices()),
                counts(d.common()));
    }

    private static List<CountBody> counts(List<Distribution.Count> counts) {
        return counts.stream().map(count -> new CountBody(count.value(), count.count())).toList();
    }

    private static List<RankedBody> ranked(List<Ranked> ranked) {
        return ranked.stream().map(r -> new RankedBody(r.rank(), r.playerId(), r.name(), r.score())).toList();
    }

    static StateBody state(LiveState state, String language) {
        LiveSessionView s = state.session();
        LiveState.You you = state.you().orElse(null);
        Standing standing = state.standing().orElse(null);
        return new StateBody(s.id(), s.code().orElse(null), s.quizId(), language, s.phase().wireName(),
                s.questionIndex(), s.questionCount(), s.players(), s.answered(),
                state.question().map(opened -> question(opened, language)).orElse(null),
                state.results().map(results -> results(results, standing, language)).orElse(null),
                state.ended().map(ended -> ended(ended, standing)).orElse(null),
                you == null ? null : new YouBody(you.playerId(), you.name(), you.score(),
                        you.rank().isPresent() ? (Integer) you.rank().getAsInt() : null, you.streak(),
                        you.answeredCurrent()),
                state.lastEventId());
    }

    static ResultsPageBody resultsPage(LiveResults results, String language) {
        String fallback = results.languages().defaultLanguage();
        return new ResultsPageBody(session(results.session()),
                results.ranking().stream().map(p -> new RankedPlayerBody(p.rank(), p.playerId(), p.name(), p.score(),
                        p.answered(), p.correct(), p.streak())).toList(),
                results.questions().stream().map(q -> new QuestionSummaryBody(q.index(), q.questionId(),
                        q.type().wireName(), q.text().in(language, fallback), distribution(q.distribution())))
                        .toList());
    }

    private static String text(LocalizedText text, String language, Languages languages) {
        return text.isEmpty() ? null : text.in(language, languages.defaultLanguage());
    }

    private static Long millis(Optional<Duration> duration) {
        return duration.map(Duration::toMillis).orElse(null);
    }
}
