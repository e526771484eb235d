package org.kydp.quiz.live;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.kydp.quiz.attempt.QuestionOrder;
import org.kydp.quiz.error.AlreadyAnsweredException;
import org.kydp.quiz.error.ConflictException;
import org.kydp.quiz.error.LiveSessionLimitException;
import org.kydp.quiz.error.LiveSessionNotFoundException;
import org.kydp.quiz.error.NotFoundException;
import org.kydp.quiz.error.QuestionClosedException;
import org.kydp.quiz.error.UnauthorizedException;
import org.kydp.quiz.error.ValidationException;
import org.kydp.quiz.internal.Arguments;
import org.kydp.quiz.internal.TimeOrderedIds;
import org.kydp.quiz.live.internal.Moves;
import org.kydp.quiz.live.internal.PlayerSlot;
import org.kydp.quiz.live.internal.SessionRuntime;
import org.kydp.quiz.live.internal.SessionTimer;
import org.kydp.quiz.metrics.EngineMetrics;
import org.kydp.quiz.model.Answer;
import org.kydp.quiz.model.Grade;
import org.kydp.quiz.model.LiveAnswer;
import org.kydp.quiz.model.LiveFact;
import org.kydp.quiz.model.LivePhase;
import org.kydp.quiz.model.LivePlayer;
import org.kydp.quiz.model.LiveSession;
import org.kydp.quiz.model.LiveSettings;
import org.kydp.quiz.model.Player;
import org.kydp.quiz.model.Question;
import org.kydp.quiz.model.Quiz;
import org.kydp.quiz.player.PlayerNames;
import org.kydp.quiz.player.Tokens;
import org.kydp.quiz.scoring.AnswerScoring;
import org.kydp.quiz.scoring.Points;
import org.kydp.quiz.store.LiveChange;
import org.kydp.quiz.store.LiveStore;
import org.kydp.quiz.store.PlayerStore;
import org.kydp.quiz.store.QuizStore;

/**
 * Live sessions: a host runs one quiz for a crowd in real time, one question at a time, and everyone answers the
 * same question at once. The host creates a session from a published quiz and gets a token that controls it;
 * players join with its 6-digit code and a name (or as a registered player) and get a token of their own. The
 * host advances from the lobby and from each question's results; a question closes at its deadline on the
 * server's clock, or when the host closes it. Answers are graded and scored by the quiz's rules when they are
 * given, and revealed when the question closes. Thread-safe.
 *
 * <p>Several engines (servers) sharing a store serve a session together: every change is stored as a fact of the
 * session's log, which each server applies in order (see {@link SessionRuntime}); one server at a time runs a
 * session's timers, holding a lease on it in the store that another server takes over when it lapses.
 */
public final class LiveSessions implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveSessions.class);
    private static final int CODE_TRIES = 50;
    private static final Duration KEEP_ENDED = Duration.ofMinutes(10);

    private final LiveStore store;
    private final QuizStore quizzes;
    private final PlayerStore registered;
    private final Clock clock;
    private final SecureRandom random;
    private final Tokens tokens;
    private final LiveScheduler scheduler;
    private final LiveOptions options;
    private final EngineMetrics metrics;
    private final String serverId = UUID.randomUUID().toString();
    private final Map<String, SessionRuntime> runtimes = new ConcurrentHashMap<>();
    private final Map<String, SessionTimer> timers = new ConcurrentHashMap<>();
    private final AtomicBoolean leasing = new AtomicBoolean();
    private volatile boolean closed;

    public LiveSessions(LiveStore store, QuizStore quizzes, PlayerStore registered, Clock clock, SecureRandom random,
                        LiveScheduler scheduler, LiveOptions options, EngineMetrics metrics) {
        this.store = Objects.requireNonNull(store, "store");
        this.quizzes = Objects.requireNonNull(quizzes, "quizzes");
        this.registered = Objects.requireNonNull(registered, "registered");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.tokens = new Tokens(random);
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.options = Objects.requireNonNull(options, "options");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        if (store.countOpen() > 0) {
            startLeasing(); // sessions not ended from before a restart: their timers must run again
        }
    }

    // ---- the host

    /**
     * Creates a session of the latest version of a published quiz, in the lobby.
     *
     * @param language the language the session is shown in, one of the quiz's; null for the quiz's default
     * @param settings null for {@link LiveSettings#defaults()}
     */
    public CreatedSession create(String quizId, String language, LiveSettings settings) {
        Arguments.required("quizId", quizId);
        Quiz quiz = quizzes.latest(quizId).filter(q -> quizzes.isPublished(quizId))
                .orElseThrow(() -> new NotFoundException("quiz " + quizId + " not found"));
        if (language != null && !quiz.languages().contains(language)) {
            throw ValidationException.of("language", "must be one of the quiz's languages " + quiz.languages()
                    + ", got '" + language + "'");
        }
        if (store.countOpen() >= options.maxOpenSessions()) {
            throw new LiveSessionLimitException("at most " + options.maxOpenSessions()
                    + " live sessions may be open at once: end one first");
        }
        long seed = random.nextLong();
        String hostToken = tokens.newToken();
        Instant now = clock.instant();
        for (int i = 0; i < CODE_TRIES; i++) {
            String code = String.format(Locale.ROOT, "%06d", random.nextInt(1_000_000));
            LiveSession session = LiveSession.create(TimeOrderedIds.next(now.toEpochMilli()), code, quizId,
                    quiz.version(), language, settings == null ? LiveSettings.defaults() : settings, seed,
                    Tokens.hash(hostToken), QuestionOrder.of(quiz, seed), now);
            if (store.create(session)) {
                startLeasing();
                return new CreatedSession(LiveSessionView.of(runtime(session.id()).state()), hostToken);
            }
        }
        throw new IllegalStateException("no free join code found in " + CODE_TRIES + " tries");
    }

    /** How many live sessions are open now (not ended), on every server sharing the store: one query. */
    public int countOpen() {
        return store.countOpen();
    }

    /** The session as its host sees it, with the exact number of answers to the open question. */
    public LiveSessionView session(String sessionId) {
        Arguments.required("sessionId", sessionId);
        LiveSessionView view = LiveSessionView.of(runtime(sessionId).state());
        return store.find(sessionId).map(stored -> exactlyAnswered(view, stored)).orElse(view);
    }

    /**
     * The view with the number of answers as stored, which the replica here learns only every
     * {@link LiveOptions#countInterval()}, when the stored session is at the same question.
     */
    private static LiveSessionView exactlyAnswered(LiveSessionView view, LiveSession stored) {
        return stored.phase() == view.phase() && stored.questionIndex() == view.questionIndex()
                ? view.withAnswered(stored.answered()) : view;
    }

    /** From the lobby or results: opens the next question, or ends the session after the last one's results. */
    public LiveSessionView advance(String sessionId) {
        Arguments.required("sessionId", sessionId);
        SessionRuntime runtime = runtime(sessionId);
        return move(runtime, session -> Moves.advance(session, runtime.quiz(), clock.instant()));
    }

    /** Closes the open question now. */
    public LiveSessionView close(String sessionId) {
        Arguments.required("sessionId", sessionId);
        return move(runtime(sessionId), session -> Moves.close(session, clock.instant()));
    }

    /** Ends the session (an open question closes first). */
    public LiveSessionView end(String sessionId) {
        Arguments.required("sessionId", sessionId);
        return move(runtime(sessionId), session -> Moves.end(session, clock.instant()));
    }

    /** Removes a player: their token stops working for the session and they leave the ranking. */
    public void remove(String sessionId, String livePlayerId) {
        Arguments.required("sessionId", sessionId);
        Arguments.required("livePlayerId", livePlayerId);
        SessionRuntime runtime = runtime(sessionId);
        PlayerSlot slot = runtime.player(livePlayerId).filter(p -> !p.isRemoved())
                .orElseThrow(() -> new NotFoundException("player " + livePlayerId + " is not in live session "
                        + sessionId));
        try {
            move(runtime, session -> Moves.leave(session, slot.ordinal(), true, clock.instant()));
        } catch (ConflictException e) {
            throw new NotFoundException("player " + livePlayerId + " is not in live session " + sessionId);
        }
    }

    /** A player leaves the session for good: their token stops working and they leave the ranking. */
    public void leave(String sessionId, String livePlayerId) {
        Arguments.required("sessionId", sessionId);
        Arguments.required("livePlayerId", livePlayerId);
        SessionRuntime runtime = runtime(sessionId);
        PlayerSlot slot = runtime.player(livePlayerId).orElseThrow(() -> new NotFoundException("player "
                + livePlayerId + " is not in live session " + sessionId));
        try {
            move(runtime, session -> Moves.leave(session, slot.ordinal(), false, clock.instant()));
        } catch (ConflictException e) {
            // left already: leaving again changes nothing
        }
    }

    /** The ranking and how each closed question was answered; final once the session ended. */
    public LiveResults results(String sessionId) {
        Arguments.required("sessionId", sessionId);
        return runtime(sessionId).results();
    }

    private LiveSessionView move(SessionRuntime runtime, Function<LiveSession, LiveChange> move) {
        LiveChange stored = store.change(runtime.sessionId(), move);
        runtime.applied(stored);
        LiveSessionView view = LiveSessionView.of(runtime.state());
        return stored == null ? view : exactlyAnswered(view, stored.session());
    }

    // ---- players

    /** A new player joins by the session's code and a name (unique in the session, case aside). */
    public JoinedPlayer join(String code, String name) {
        Arguments.required("code", code);
        Arguments.required("name", name);
        SessionRuntime runtime = runtime(openSessionByCode(code).id());
        String normalised = PlayerNames.normalise(name);
        String token = tokens.newToken();
        Instant now = clock.instant();
        LivePlayer player = new LivePlayer(runtime.sessionId(), 0, TimeOrderedIds.next(now.toEpochMilli()),
                normalised, Tokens.hash(token), null, now, null);
        runtime.applied(store.change(runtime.sessionId(), session -> Moves.join(session, player, now)));
        startLeasing();
        return new JoinedPlayer(runtime.sessionId(), player.id(), normalised, token, false);
    }

    /**
     * A registered player joins by the session's code, under their own name unless {@code name} gives another; they
     * play with their own token. Joining again (after a reload, on another device) is the same player, with their
     * points.
     */
    public JoinedPlayer join(String code, Player player, String token, String name) {
        Arguments.required("code", code);
        Arguments.required("player", player);
        Arguments.required("token", token);
        if (!MessageDigest.isEqual(Tokens.hash(token).getBytes(StandardCharsets.US_ASCII),
                player.tokenHash().getBytes(StandardCharsets.US_ASCII))) {
            throw new UnauthorizedException("the token is not this player's");
        }
        SessionRuntime runtime = runtime(openSessionByCode(code).id());
        Optional<JoinedPlayer> again = rejoin(runtime, player, token);
        if (again.isPresent()) {
            return again.get();
        }
        String normalised = name == null ? player.name() : PlayerNames.normalise(name);
        Instant now = clock.instant();
        LivePlayer live = new LivePlayer(runtime.sessionId(), 0, TimeOrderedIds.next(now.toEpochMilli()), normalised,
                player.tokenHash(), player.id(), now, null);
        try {
            runtime.applied(store.change(runtime.sessionId(), session -> Moves.join(session, live, now)));
        } catch (ConflictException e) {
            return rejoin(runtime, player, token).orElseThrow(() -> e); // joined at the same moment elsewhere
        }
        startLeasing();
        return new JoinedPlayer(runtime.sessionId(), live.id(), normalised, token, false);
    }

    private static Optional<JoinedPlayer> rejoin(SessionRuntime runtime, Player player, String token) {
        return runtime.playerOf(player.id()).map(slot -> {
            if (slot.isRemoved()) {
                throw new UnauthorizedException("you were removed from this live session");
            }
            return new JoinedPlayer(runtime.sessionId(), slot.id(), slot.name(), token, true);
        });
    }

    private LiveSession openSessionByCode(String code) {
        if (code == null || !code.matches("[0-9]{6}")) {
            throw ValidationException.of("code", "must be the session's 6 digits");
        }
        return store.findOpenByCode(code).orElseThrow(() -> new LiveSessionNotFoundException(
                "no live session is open with code " + code));
    }

    /**
     * Records a player's answer to the open question: graded and scored now, by the quiz's rules, with speed
     * measured from when answers opened; revealed when the question closes. The same answer again gets the same
     * reply; another answer is refused.
     */
    public AcceptedAnswer answer(String sessionId, String livePlayerId, String questionId, Answer answer) {
        Arguments.required("sessionId", sessionId);
        Arguments.required("livePlayerId", livePlayerId);
        Arguments.required("questionId", questionId);
        Arguments.required("answer", answer);
        SessionRuntime runtime = runtime(sessionId);
        PlayerSlot slot = runtime.player(livePlayerId).orElseThrow(() -> new NotFoundException("player "
                + livePlayerId + " is not in live session " + sessionId));
        Instant now = clock.instant();
        SessionRuntime.Ticket ticket = runtime.ticket(slot, questionId).or(() -> {
            runtime.catchUp(); // the question may have opened through another server
            return runtime.ticket(slot, questionId);
        }).orElseThrow(() -> new QuestionClosedException("question " + questionId + " is not open"));
        if (ticket.removed()) {
            throw new UnauthorizedException("you were removed from this live session");
        }
        if (ticket.previous() != null) {
            return repeat(ticket.previous(), answer, questionId);
        }
        if (now.isBefore(ticket.answersOpenAt())) {
            throw new QuestionClosedException("answers to question " + questionId + " open at "
                    + ticket.answersOpenAt());
        }
        if (!now.isBefore(ticket.deadline())) {
            throw new QuestionClosedException("question " + questionId + " closed at " + ticket.deadline());
        }
        Grade grade = ticket.question().grade(answer);
        Points points = new AnswerScoring(runtime.quiz().rules().scoring()).score(ticket.question(), grade,
                Duration.between(ticket.answersOpenAt(), now), Duration.between(ticket.answersOpenAt(),
                        ticket.deadline()), ticket.streakBefore());
        LiveAnswer given = new LiveAnswer(sessionId, ticket.index(), slot.ordinal(), answer, grade.correct(),
                grade.fraction(), points.total(), points.streakBonus(), now);
        switch (store.recordAnswer(given)) {
            case RECORDED -> {
                runtime.remember(given);
                Question question = ticket.question();
                metrics.liveAnswerRecorded(question.type(), question.scored() ? grade.correct() : null);
                return new AcceptedAnswer(questionId, now);
            }
            case DUPLICATE -> {
                LiveAnswer stored = store.answer(sessionId, ticket.index(), slot.ordinal()).orElseThrow();
                runtime.remember(stored);
                return repeat(stored, answer, questionId);
            }
            default -> {
                runtime.catchUp();
                throw new QuestionClosedException("question " + questionId + " is closed");
            }
        }
    }

    private static AcceptedAnswer repeat(LiveAnswer previous, Answer answer, String questionId) {
        if (!previous.answer().equals(answer)) {
            throw new AlreadyAnsweredException("question " + questionId + " already has a different answer");
        }
        return new AcceptedAnswer(questionId, previous.at());
    }

    // ---- viewers

    /**
     * Who a token belongs to in the session: its host (the host token), or one of its players (their session
     * token, or a registered player's own token if they joined with it).
     */
    public Viewer authenticate(String sessionId, String token) {
        Arguments.required("sessionId", sessionId);
        if (token == null || token.isBlank()) {
            throw new UnauthorizedException("a token is required");
        }
        SessionRuntime runtime = runtime(sessionId);
        String hash = Tokens.hash(token.strip());
        if (MessageDigest.isEqual(hash.getBytes(StandardCharsets.US_ASCII),
                runtime.state().hostTokenHash().getBytes(StandardCharsets.US_ASCII))) {
            return new Viewer.Host(sessionId);
        }
        return runtime.playerByTokenHash(hash)
                .<Viewer>map(slot -> new Viewer.Participant(sessionId, slot.id(), slot.name()))
                .orElseThrow(() -> new UnauthorizedException("the token is not valid for live session " + sessionId));
    }

    /**
     * The language a viewer of the session gets: the one asked for if the quiz has it, else the session's, else the
     * quiz's default.
     *
     * @param requested the language asked for, or null
     */
    public String language(String sessionId, String requested) {
        Arguments.required("sessionId", sessionId);
        SessionRuntime runtime = runtime(sessionId);
        return runtime.languages().choose(requested != null && runtime.languages().available().contains(requested)
                ? requested : runtime.state().language());
    }

    /** The session now as the viewer sees it. */
    public LiveState state(Viewer viewer) {
        Arguments.required("viewer", viewer);
        SessionRuntime runtime = runtime(viewer.sessionId());
        return runtime.state(viewer, slotOf(runtime, viewer));
    }

    /**
     * Subscribes a viewer to the session's events. With {@code lastEventId} (the last event the viewer saw, from
     * an earlier connection) the events after it are replayed if they are still kept, else the viewer first gets
     * the state; without, the state first.
     */
    public LiveSubscription subscribe(Viewer viewer, Long lastEventId, LiveListener listener) {
        Arguments.required("viewer", viewer);
        Arguments.required("listener", listener);
        SessionRuntime runtime = runtime(viewer.sessionId());
        return runtime.subscribe(viewer, slotOf(runtime, viewer), lastEventId, listener);
    }

    private static PlayerSlot slotOf(SessionRuntime runtime, Viewer viewer) {
        if (viewer instanceof Viewer.Participant participant) {
            return runtime.player(participant.playerId()).orElseThrow(() -> new UnauthorizedException(
                    "player " + participant.playerId() + " is not in live session " + viewer.sessionId()));
        }
        return null;
    }

    // ---- serving sessions

    private SessionRuntime runtime(String sessionId) {
        if (sessionId == null) {
            throw new LiveSessionNotFoundException("live session not found");
        }
        SessionRuntime known = runtimes.get(sessionId);
        return known != null ? known : runtimes.computeIfAbsent(sessionId, this::load);
    }

    private SessionRuntime load(String sessionId) {
        LiveSession stored = store.find(sessionId).orElseThrow(() -> new LiveSessionNotFoundException(
                "live session " + sessionId + " not found"));
        Quiz quiz = quizzes.find(stored.quizId(), stored.quizVersion()).orElseThrow(() -> new IllegalStateException(
                "live session " + sessionId + " plays quiz " + stored.quizId() + " v" + stored.quizVersion()
                        + ", which is not stored"));
        return SessionRuntime.load(store, stored, quiz, options.eventLog(), () -> changed(sessionId));
    }

    /** After a session's facts were applied here: its timers follow, if this server runs them. */
    private void changed(String sessionId) {
        SessionTimer timer = timers.get(sessionId);
        SessionRuntime runtime = runtimes.get(sessionId);
        if (timer != null && runtime != null) {
            timer.arm(runtime.state());
        }
    }

    /** Another engine sharing the store changed a session: catch up, off the store's thread. */
    public void changedElsewhere(String sessionId) {
        Arguments.required("sessionId", sessionId);
        startLeasing();
        SessionRuntime runtime = runtimes.get(sessionId);
        if (runtime != null && !closed) {
            scheduler.schedule(clock.instant(), () -> catchUp(runtime));
        }
    }

    /** The store may have missed telling of changes: every session served here catches up. */
    public void notificationsMissed() {
        if (!closed) {
            scheduler.schedule(clock.instant(), () -> runtimes.values().forEach(this::catchUp));
        }
    }

    private void catchUp(SessionRuntime runtime) {
        try {
            runtime.catchUp();
        } catch (RuntimeException e) {
            LOG.warn("live session {} could not catch up: {}", runtime.sessionId(), e.toString());
        }
    }

    private void startLeasing() {
        if (!closed && leasing.compareAndSet(false, true)) {
            scheduler.schedule(clock.instant(), this::holdLeases);
        }
    }

    /**
     * Renews this server's leases and takes lapsed ones; runs the timers of the sessions it holds and stops those
     * of the sessions it lost. Also catches up every session with subscribers, in case a notification went
     * missing, and forgets sessions that ended a while ago and have none. Runs again after
     * {@link LiveOptions#leaseRenewal()}.
     */
    private void holdLeases() {
        if (closed) {
            return;
        }
        Instant now = clock.instant();
        try {
            Set<String> held = new HashSet<>(store.holdLeases(serverId, now, options.leaseLength()));
            for (String sessionId : held) {
                try {
                    SessionRuntime runtime = runtime(sessionId);
                    SessionTimer timer = timers.computeIfAbsent(sessionId, id -> new SessionTimer(id, scheduler,
                            clock, options, timerMoves()));
                    catchUp(runtime);
                    timer.arm(runtime.state());
                } catch (RuntimeException e) {
                    LOG.error("cannot run the timers of live session {}", sessionId, e);
                }
            }
            timers.keySet().removeIf(sessionId -> {
                if (held.contains(sessionId)) {
                    return false;
                }
                timers.get(sessionId).cancel();
                return true;
            });
            runtimes.values().removeIf(runtime -> {
                LiveSession state = runtime.state();
                boolean forgotten = state.isEnded() && runtime.subscribers() == 0
                        && state.endedAt().plus(KEEP_ENDED).isBefore(now);
                if (!forgotten && !held.contains(runtime.sessionId()) && runtime.subscribers() > 0) {
                    catchUp(runtime);
                }
                return forgotten;
            });
        } catch (RuntimeException e) {
            LOG.warn("could not renew the leases of live sessions: {}", e.toString());
        } finally {
            if (!closed) {
                scheduler.schedule(now.plus(options.leaseRenewal()), this::holdLeases);
            }
        }
    }

    private SessionTimer.Moves timerMoves() {
        return new SessionTimer.Moves() {
            @Override
            public void closeIfDue(String sessionId, int index) {
                timed(sessionId, session -> {
                    Instant now = clock.instant();
                    boolean due = session.phase() == LivePhase.QUESTION && session.questionIndex() == index
                            && !now.isBefore(session.deadline());
                    return due ? Moves.close(session, now) : null;
                });
            }

            @Override
            public void countAnswers(String sessionId, int index) {
                SessionRuntime runtime = runtimes.get(sessionId);
                Optional<LiveSession> stored = store.find(sessionId);
                if (runtime == null || stored.isEmpty() || stored.get().answered() == runtime.state().answered()) {
                    return;
                }
                timed(sessionId, session -> session.phase() == LivePhase.QUESTION && session.questionIndex() == index
                        && session.answered() != runtime.state().answered()
                        ? LiveChange.of(session, new LiveFact.Counted(0, clock.instant(), index, session.answered()))
                        : null);
            }

            @Override
            public void advanceIfDue(String sessionId, int index) {
                SessionRuntime runtime = runtimes.get(sessionId);
                timed(sessionId, session -> session.phase() == LivePhase.RESULTS && session.questionIndex() == index
                        && runtime != null ? Moves.advance(session, runtime.quiz(), clock.instant()) : null);
            }

            @Override
            public void endIfIdle(String sessionId, long lastEventId) {
                timed(sessionId, session -> !session.isEnded() && session.lastEventId() == lastEventId
                        ? Moves.end(session, clock.instant()) : null);
            }
        };
    }

    /** A move of a timer: done only if still due against the session as stored; a failure is logged, not thrown. */
    private void timed(String sessionId, Function<LiveSession, LiveChange> move) {
        if (closed) {
            return;
        }
        try {
            SessionRuntime runtime = runtime(sessionId);
            runtime.applied(store.change(sessionId, move));
            SessionTimer timer = timers.get(sessionId);
            if (timer != null) {
                timer.arm(runtime.state()); // a move not due yet (the clock was early) is tried again
            }
        } catch (RuntimeException e) {
            LOG.warn("a timer of live session {} failed: {}", sessionId, e.toString());
        }
    }

    /** Stops the timers, gives up the leases (another server takes them at once) and ends every subscription. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        timers.values().forEach(SessionTimer::cancel);
        timers.clear();
        try {
            store.releaseLeases(serverId);
        } catch (RuntimeException e) {
            LOG.warn("could not give up the leases of live sessions: {}", e.toString());
        }
        runtimes.values().forEach(SessionRuntime::endSubscriptions);
        scheduler.close();
    }
}
