package org.kydp.quiz;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.kydp.quiz.admin.QuizAdministration;
import org.kydp.quiz.attempt.AnswerResult;
import org.kydp.quiz.internal.Arguments;
import org.kydp.quiz.model.Attempt;
import org.kydp.quiz.attempt.AttemptService;
import org.kydp.quiz.attempt.AttemptSummary;
import org.kydp.quiz.attempt.FinishResult;
import org.kydp.quiz.attempt.FinishedAttempt;
import org.kydp.quiz.attempt.QuestionView;
import org.kydp.quiz.error.NotFoundException;
import org.kydp.quiz.error.ValidationException;
import org.kydp.quiz.leaderboard.AroundMe;
import org.kydp.quiz.leaderboard.LeaderboardPage;
import org.kydp.quiz.leaderboard.Leaderboards;
import org.kydp.quiz.leaderboard.Page;
import org.kydp.quiz.leaderboard.Window;
import org.kydp.quiz.live.LiveOptions;
import org.kydp.quiz.live.LiveScheduler;
import org.kydp.quiz.live.LiveSessions;
import org.kydp.quiz.metrics.EngineMetrics;
import org.kydp.quiz.model.Answer;
import org.kydp.quiz.model.Quiz;
import org.kydp.quiz.model.Player;
import org.kydp.quiz.player.PlayerService;
import org.kydp.quiz.player.Registration;
import org.kydp.quiz.player.Tokens;
import org.kydp.quiz.store.AttemptStore;
import org.kydp.quiz.store.InMemoryStore;
import org.kydp.quiz.store.Tally;
import org.kydp.quiz.stats.LiveStatistics;
import org.kydp.quiz.stats.Statistics;
import org.kydp.quiz.stats.Tallies;
import org.kydp.quiz.store.Store;
import org.kydp.quiz.store.StoreListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The quiz engine: everything a quiz app needs, with no HTTP. Thread-safe.
 *
 * <p>Every refusal is a {@link org.kydp.quiz.error.QuizException} with a stable
 * {@link org.kydp.quiz.error.ErrorCode}; each method lists the ones it throws. A null argument is a
 * {@link ValidationException} naming it, never a {@code NullPointerException}. Failures of the store itself (a
 * database out of reach) are not refusals and are not listed. Results are never null: what may be missing is an
 * {@code Optional} or an empty text.
 *
 * <pre>{@code
 * QuizEngine engine = QuizEngine.builder().build();   // in memory, system clock
 * engine.publishRevision(quiz);                      // a new version only if the content changed
 * Registration asha = engine.registerPlayer("Asha");
 * AttemptSummary attempt = engine.startAttempt(asha.player().id(), quiz.id());
 * }</pre>
 */
public final class QuizEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(QuizEngine.class);

    private final Store store;
    private final Clock clock;
    private final ZoneId zone;
    private final PlayerService players;
    private final AttemptService attempts;
    private final Leaderboards leaderboards;
    private final QuizAdministration administration;
    private final LiveSessions live;
    private final Statistics statistics;
    private final EngineMetrics metrics;
    private final List<Consumer<FinishedAttempt>> finishListeners = new CopyOnWriteArrayList<>();

    private QuizEngine(Builder builder) {
        this.store = builder.store;
        this.clock = Clock.tick(builder.clock, Duration.ofMillis(1)); // times are kept to the millisecond
        this.zone = builder.zone;
        this.metrics = builder.metrics;
        this.players = new PlayerService(store.players(), new Tokens(builder.random), clock);
        this.leaderboards = new Leaderboards(store.quizzes(), store.attempts(), store.players(), clock, zone);
        Tallies tallies = new Tallies(zone);
        this.attempts = new AttemptService(store.quizzes(), store.attempts(), store.polls(), clock, builder.random,
                tallies, this::finishTold, metrics);
        this.administration = new QuizAdministration(store.quizzes(), store.attempts(), leaderboards::regrade);
        this.live = new LiveSessions(store.live(), store.quizzes(), store.players(), clock, builder.random,
                builder.liveScheduler != null ? builder.liveScheduler : LiveScheduler.system(clock),
                builder.liveOptions, metrics);
        this.statistics = new Statistics(store.quizzes(), store.statistics(),
                new LiveStatistics(store.live(), store.quizzes(), tallies));
        store.addListener(new StoreListener() {
            @Override
            public void onAttemptFinishedElsewhere(String attemptId) {
                try {
                    store.attempts().find(attemptId).filter(Attempt::isFinished)
                            .ifPresent(finished -> finishStored(finished, true));
                } catch (RuntimeException e) {
                    LOG.warn("attempt {}, finished elsewhere, could not be read: the leaderboards count it when "
                            + "it is finished again or rebuilt", attemptId, e);
                }
            }

            @Override
            public void onQuizChangedElsewhere(String quizId) {
                leaderboards.regrade(quizId);
            }

            @Override
            public void onLiveSessionChanged(String sessionId) {
                live.changedElsewhere(sessionId);
            }

            @Override
            public void onNotificationsMissed() {
                leaderboards.rebuild();
                live.notificationsMissed();
            }
        });
        leaderboards.rebuild();
        countInStatistics(tallies);
    }

    /** Counts in the statistics the attempts a database from an earlier release holds (once, on first start). */
    private void countInStatistics(Tallies tallies) {
        int counted = store.attempts().countInStatistics(new AttemptStore.Counting() {
            @Override
            public Tally started(Attempt attempt) {
                return tallies.started(attempt);
            }

            @Override
            public Tally finished(Attempt attempt) {
                return tallies.finished(attempt, attempts.quizOf(attempt));
            }
        });
        if (counted > 0) {
            LOG.info("counted {} attempts stored earlier in the statistics", counted);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Clock clock() {
        return clock;
    }

    public ZoneId zone() {
        return zone;
    }

    // ---- quizzes

    /** Creating, editing, publishing and deleting quizzes. */
    public QuizAdministration administration() {
        return administration;
    }

    /** Live sessions: a host runs a quiz for a crowd in real time. */
    public LiveSessions live() {
        return live;
    }

    /** Statistics for quiz owners: how the crowd answered each question, how many played and scored what. */
    public Statistics statistics() {
        return statistics;
    }

    /**
     * Stores this version of the quiz and publishes the quiz. A stored version never changes, as attempts in
     * progress play it: publishing a version stored already publishes it again if its content is the same, and is
     * refused otherwise; {@link #publishRevision} stores changed content as a new version. If the new version grades
     * attempts by another rule, the quiz's leaderboards are re-ranked by it.
     *
     * @throws ValidationException (VALIDATION) naming the argument that is null
     * @throws org.kydp.quiz.error.ConflictException (CONFLICT) if this version is stored with other content
     */
    public void publish(Quiz quiz) {
        Arguments.required("quiz", quiz);
        administration.publishVersion(quiz);
    }

    /**
     * Publishes the quiz's content as a new version, unless its latest stored version has the same content, in
     * which case that version is published again: publishing the same content on every start adds no versions.
     * The first version of a quiz keeps the version the quiz carries. If the new version grades attempts by another
     * rule, the quiz's leaderboards are re-ranked by it.
     *
     * @return the version published
     * @throws ValidationException (VALIDATION) naming the argument that is null
     * @throws org.kydp.quiz.error.ConflictException (CONFLICT) if other servers sharing the store keep storing new
     *                                               versions of the quiz at the same moment
     */
    public Quiz publishRevision(Quiz quiz) {
        Arguments.required("quiz", quiz);
        return administration.publishRevision(quiz);
    }

    /** The latest version of every published quiz, ordered by id. */
    public List<Quiz> quizzes() {
        return store.quizzes().published();
    }

    /**
     * The latest version of a published quiz; empty if no quiz of that id is published.
     *
     * @throws ValidationException (VALIDATION) naming the argument that is null
     */
    public Optional<Quiz> quiz(String quizId) {
        Arguments.required("quizId", quizId);
        return store.quizzes().latest(quizId)
                .filter(quiz -> store.quizzes().isPublished(quizId));
    }

    /** The latest version of a published quiz, for a command that needs it. */
    private Quiz publishedQuiz(String quizId) {
        return quiz(quizId).orElseThrow(() -> NotFoundException.quiz(quizId));
    }

    // ---- players

    /**
     * Registers a player under a validated display name; the registration carries their secret token.
     *
     * @throws ValidationException (VALIDATION) on field {@code name} if it is null, blank or too long
     */
    public Registration registerPlayer(String name) {
        Arguments.required("name", name);
        Registration registration = players.register(name);
        metrics.playerRegistered();
        return registration;
    }

    /**
     * The player a token belongs to. A missing token (null or blank) is refused as a wrong one is, since it usually
     * comes from a request that carried none.
     *
     * @throws org.kydp.quiz.error.UnauthorizedException (UNAUTHORIZED) if the token is null, blank or no player's
     */
    public Player authenticate(String token) {
        return players.authenticate(token);
    }

    // ---- attempts

    /**
     * Starts an attempt of the latest version of a published quiz. Its time, if the quiz has a limit, starts now.
     *
     * @throws ValidationException (VALIDATION) naming the argument that is null
     * @throws NotFoundException (NOT_FOUND) if there is no such player, or no published quiz of that id
     * @throws org.kydp.quiz.error.AttemptsExhaustedException (ATTEMPTS_EXHAUSTED) if the player has used every
     *                                                        attempt the quiz allows
     */
    public AttemptSummary startAttempt(String playerId, String quizId) {
        Arguments.required("playerId", playerId);
        Arguments.required("quizId", quizId);
        players.player(playerId);
        AttemptSummary started = attempts.start(playerId, publishedQuiz(quizId));
        metrics.attemptStarted();
        return started;
    }

    /**
     * The player's attempt as it stands now: in progress, expired (its time is up) or finished.
     *
     * @throws ValidationException (VALIDATION) naming the argument that is null
     * @throws NotFoundException (NOT_FOUND) if the player has no attempt of that id
     */
    public AttemptSummary attempt(String playerId, String attemptId) {
        Arguments.required("playerId", playerId);
        Arguments.required("attemptId", attemptId);
        return attempts.summary(playerId, attemptId);
    }

    /**
     * The first unanswered question, as the player may see it, served now if it was not served before (its time
     * starts then). Empty when every question is answered, the attempt is finished, or its time is up:
     * {@link #attempt} tells which.
     *
     * @throws ValidationException (VALIDATION) naming the argument that is null
     * @throws NotFoundException (NOT_FOUND) if the player has no attempt of that id
     */
    public Optional<QuestionView> currentQuestion(String playerId, String attemptId) {
        Arguments.required("playerId", playerId);
        Arguments.required("attemptId", attemptId);
        return attempts.currentQuestion(playerId, attemptId);
    }

    /**
     * Records the player's answer to a question of the attempt, served before, and tells what the quiz's review
     * policy shows right away. Answering again with the same answer returns the same result.
     *
     * @throws ValidationException (VALIDATION) naming the argument that is null, or if the answer does not fit the
     *                             question (another shape, an unknown option …)
     * @throws NotFoundException (NOT_FOUND) if the player has no attempt of that id, or it has no such question
     * @throws org.kydp.quiz.error.NotServedException (NOT_SERVED) if the question was not served yet
     *                                                ({@link #currentQuestion} serves it)
     * @throws org.kydp.quiz.error.DeadlinePassedException (DEADLINE_PASSED) if the question's or the attempt's time
     *                                                     ran out (past the grace period)
     * @throws org.kydp.quiz.error.AlreadyAnsweredException (ALREADY_ANSWERED) if it has another answer already
     * @throws org.kydp.quiz.error.AttemptFinishedException (ATTEMPT_FINISHED) if the attempt is finished
     */
    public AnswerResult answer(String playerId, String attemptId, String questionId, Answer answer) {
        Arguments.required("playerId", playerId);
        Arguments.required("attemptId", attemptId);
        Arguments.required("questionId", questionId);
        Arguments.required("answer", answer);
        return attempts.answer(playerId, attemptId, questionId, answer);
    }

    /**
     * Finishes the attempt; finishing again returns the same result. An attempt whose time is up is finished as of
     * its deadline.
     *
     * @throws ValidationException (VALIDATION) naming the argument that is null
     * @throws NotFoundException (NOT_FOUND) if the player has no attempt of that id
     */
    public FinishResult finish(String playerId, String attemptId) {
        Arguments.required("playerId", playerId);
        Arguments.required("attemptId", attemptId);
        Attempt finished = attempts.finish(playerId, attemptId);
        return attempts.finishResult(finished,
                attempt -> leaderboards.rankOf(attempt.quizId(), Window.ALL, attempt.playerId()));
    }

    /**
     * Tells {@code listener} of every attempt finished from now on: by this engine, once its finish is stored,
     * and by other engines sharing this engine's store, as soon as the store hears of it (within about a second
     * on PostgreSQL). Listeners run on the finishing thread or a thread of the store, return quickly and never
     * throw; each finished attempt is told once per engine.
     *
     * @throws ValidationException (VALIDATION) naming the argument that is null
     */
    public void onAttemptFinished(Consumer<FinishedAttempt> listener) {
        Arguments.required("listener", listener);
        finishListeners.add(listener);
    }

    /** A finish the attempt service tells of: counted in the metrics when this call finished the attempt. */
    private void finishTold(Attempt attempt, boolean now) {
        if (now) {
            metrics.attemptFinished();
        }
        finishStored(attempt, now);
    }

    /**
     * Counts a stored finish on the leaderboards, every time it is told (counting is idempotent per attempt, so a
     * finish asked for again after its counting failed is counted then), and tells the listeners of a new one.
     */
    private void finishStored(Attempt attempt, boolean now) {
        leaderboards.record(attempt);
        if (!now || finishListeners.isEmpty()) {
            return;
        }
        FinishedAttempt told = FinishedAttempt.of(attempt);
        for (Consumer<FinishedAttempt> listener : finishListeners) {
            try {
                listener.accept(told);
            } catch (RuntimeException e) {
                LOG.warn("a finish listener failed on attempt {}", attempt.id(), e);
            }
        }
    }

    /**
     * Checks that the engine's store can be reached now.
     *
     * @throws org.kydp.quiz.error.StorageException (STORAGE) if it cannot
     */
    public void checkStore() {
        store.check();
    }

    /** Stops the engine's timers and gives up what it holds for other servers (the timers of live sessions). */
    @Override
    public void close() {
        live.close();
    }

    // ---- leaderboards

    /**
     * A page of the quiz's all-time leaderboard; see {@link #leaderboard(String, Window, Page)}.
     *
     * @throws ValidationException (VALIDATION) naming the argument that is null
     * @throws NotFoundException (NOT_FOUND) if no quiz of that id is published
     */
    public LeaderboardPage leaderboard(String quizId, Page page) {
        Arguments.required("quizId", quizId);
        Arguments.required("page", page);
        return leaderboard(quizId, Window.ALL, page);
    }

    /**
     * A page of the quiz's leaderboard in a window (all time, today or this week in the engine's zone): up to
     * {@code page.limit()} entries from position {@code page.offset()} (0 is the top; past the end gives no
     * entries), and how many players the window ranks.
     *
     * @throws ValidationException (VALIDATION) naming the argument that is null
     * @throws NotFoundException (NOT_FOUND) if no quiz of that id is published
     */
    public LeaderboardPage leaderboard(String quizId, Window window, Page page) {
        Arguments.required("quizId", quizId);
        Arguments.required("window", window);
        Arguments.required("page", page);
        publishedQuiz(quizId);
        return leaderboards.page(quizId, window, page.limit(), page.offset());
    }

    /**
     * The player's rank on the quiz's leaderboard in a window, with up to {@code around} neighbours either side;
     * empty if the player is not ranked there (no finished attempt in the window).
     *
     * @throws ValidationException (VALIDATION) naming the argument that is null, or {@code around} if negative
     * @throws NotFoundException (NOT_FOUND) if no quiz of that id is published
     */
    public Optional<AroundMe> leaderboardAround(String quizId, Window window, String playerId, int around) {
        Arguments.required("quizId", quizId);
        Arguments.required("window", window);
        Arguments.required("playerId", playerId);
        requireNotNegative("around", around);
        publishedQuiz(quizId);
        return leaderboards.around(quizId, window, playerId, around);
    }

    private static void requireNotNegative(String field, int value) {
        if (value < 0) {
            throw ValidationException.of(field, "must not be negative, got " + value);
        }
    }

    /**
     * Builds an engine; every setting has a default. Each setter refuses null with a {@link ValidationException}
     * (VALIDATION) naming its parameter.
     */
    public static final class Builder {
        private Store store = new InMemoryStore();
        private Clock clock = Clock.systemUTC();
        private ZoneId zone = ZoneId.of("Asia/Kolkata");
        private SecureRandom random = new SecureRandom();
        private LiveScheduler liveScheduler;
        private LiveOptions liveOptions = LiveOptions.defaults();
        private EngineMetrics metrics = EngineMetrics.NONE;

        private Builder() {
        }

        public Builder store(Store store) {
            this.store = Arguments.required("store", store);
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Arguments.required("clock", clock);
            return this;
        }

        public Builder zone(ZoneId zone) {
            this.zone = Arguments.required("zone", zone);
            return this;
        }

        public Builder random(SecureRandom random) {
            this.random = Arguments.required("random", random);
            return this;
        }

        /** Runs the timers of live sessions; by default a daemon thread on the engine's clock. */
        public Builder liveScheduler(LiveScheduler scheduler) {
            this.liveScheduler = Arguments.required("scheduler", scheduler);
            return this;
        }

        public Builder liveOptions(LiveOptions options) {
            this.liveOptions = Arguments.required("options", options);
            return this;
        }

        /**
         * Where the engine counts players registered, attempts started and finished and answers recorded; by default
         * {@link EngineMetrics#NONE}, which records nothing.
         */
        public Builder metrics(EngineMetrics metrics) {
            this.metrics = Arguments.required("metrics", metrics);
            return this;
        }

        public QuizEngine build() {
            return new QuizEngine(this);
        }
    }
}
