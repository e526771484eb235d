package org.kydp.quiz.live.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.kydp.quiz.attempt.Languages;
import org.kydp.quiz.attempt.QuestionView;
import org.kydp.quiz.live.Distribution;
import org.kydp.quiz.live.LiveEvent;
import org.kydp.quiz.live.LiveListener;
import org.kydp.quiz.live.LiveResults;
import org.kydp.quiz.live.LiveSessionView;
import org.kydp.quiz.live.LiveState;
import org.kydp.quiz.live.LiveSubscription;
import org.kydp.quiz.live.Ranked;
import org.kydp.quiz.live.Standing;
import org.kydp.quiz.live.Viewer;
import org.kydp.quiz.model.LiveAnswer;
import org.kydp.quiz.model.LiveFact;
import org.kydp.quiz.model.LivePhase;
import org.kydp.quiz.model.LivePlayer;
import org.kydp.quiz.model.LiveSession;
import org.kydp.quiz.model.LocalizedText;
import org.kydp.quiz.model.Question;
import org.kydp.quiz.model.Quiz;
import org.kydp.quiz.model.ReviewTiming;
import org.kydp.quiz.store.LiveChange;
import org.kydp.quiz.store.LiveStore;

/**
 * One live session as one server serves it: the session's state, players, results and recent events, built by
 * applying the facts of the session's log in order. Every server applies the same facts in the same order, so all
 * of them tell their clients the same results and rankings; a server that hears of a change (its own, or another
 * server's through the store) catches up by reading the facts it has not applied. Subscribers get the events as
 * they are applied, each as its viewer may see them, in order.
 */
public final class SessionRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(SessionRuntime.class);
    private static final int TOP = 5;
    private static final int PODIUM_RANKS = 3;

    private final LiveStore store;
    private final String sessionId;
    private final Quiz quiz;
    private final List<Question> questions;
    private final Languages languages;
    private final int logCapacity;
    private final Runnable onChange;
    private final ReentrantLock lock = new ReentrantLock();
    private final Roster roster = new Roster();
    /** Players read from the store whose joining fact is not applied yet, by ordinal. */
    private final Map<Integer, LivePlayer> arriving = new HashMap<>();
    private final ArrayDeque<LiveEvent> log = new ArrayDeque<>();
    private final Set<Subscriber> subscribers = new LinkedHashSet<>();
    private final LiveEvent.QuestionResults[] results;
    /** Answers to the open question given through this server (all of them when the store is not shared). */
    /**
     * The answers to the open question given through this server, by player ordinal. Read and written without the
     * session's lock (answering never waits for a fan-out of events), so an entry may be left from an earlier
     * question for a moment: every reader checks its question index.
     */
    private final Map<Integer, LiveAnswer> openAnswers = new java.util.concurrent.ConcurrentHashMap<>();
    /** Replaced (never changed) under the lock; read without it where a recent value is enough. */
    private volatile LiveSession state;
    private LiveEvent.QuestionOpened current;
    private LiveEvent.SessionEnded ended;
    private int[] finalRanks = new int[0];
    /** Whether events are being delivered (under the lock): a subscription cancelled meanwhile is removed after. */
    private boolean delivering;

    private SessionRuntime(LiveStore store, Quiz quiz, LiveSession created, int logCapacity, Runnable onChange) {
        this.store = store;
        this.sessionId = created.id();
        this.quiz = quiz;
        this.questions = created.questionIds().stream().map(id -> quiz.question(id).orElseThrow(
                () -> new IllegalStateException("live session " + created.id() + " asks question " + id
                        + " that quiz " + quiz.id() + " v" + quiz.version() + " does not have"))).toList();
        this.languages = Languages.of(quiz);
        this.logCapacity = logCapacity;
        this.onChange = onChange;
        this.results = new LiveEvent.QuestionResults[questions.size()];
        this.state = LiveSession.create(created.id(), created.code(), created.quizId(), created.quizVersion(),
                created.language(), created.settings(), created.seed(), created.hostTokenHash(),
                created.questionIds(), created.createdAt());
    }

    /**
     * The session as a server serves it, built from its log as stored.
     *
     * @param stored   the session as stored
     * @param quiz     the quiz version it plays
     * @param onChange run (outside the session's lock) after facts were applied, to set the session's timers
     */
    public static SessionRuntime load(LiveStore store, LiveSession stored, Quiz quiz, int logCapacity,
                                      Runnable onChange) {
        SessionRuntime runtime = new SessionRuntime(store, quiz, stored, logCapacity, onChange);
        runtime.catchUp();
        return runtime;
    }

    public String sessionId() {
        return sessionId;
    }

    public Quiz quiz() {
        return quiz;
    }

    public Languages languages() {
        return languages;
    }

    /** The session as applied here so far. */
    public LiveSession state() {
        return locked(() -> state);
    }

    // ---- applying facts

    /** Applies every fact stored after the last one applied here. */
    public void catchUp() {
        boolean changed = locked(() -> {
            List<LiveFact> facts = store.facts(sessionId, state.lastEventId());
            facts.forEach(this::apply);
            return !facts.isEmpty();
        });
        if (changed) {
            onChange.run();
        }
    }

    /**
     * Applies the facts of a change this server just stored, first reading those stored before it by others, if
     * any.
     */
    public void applied(LiveChange change) {
        if (change == null || change.facts().isEmpty()) {
            return;
        }
        locked(() -> {
            long first = change.facts().get(0).id();
            if (first > state.lastEventId() + 1) {
                store.facts(sessionId, state.lastEventId()).forEach(this::apply);
            } else {
                change.facts().stream().filter(fact -> fact.id() > state.lastEventId()).forEach(this::apply);
            }
            return null;
        });
        onChange.run();
    }

    private void apply(LiveFact fact) {
        if (fact.id() != state.lastEventId() + 1) {
            throw new IllegalStateException("live session " + sessionId + ": fact " + fact.id() + " after "
                    + state.lastEventId());
        }
        LiveEvent event;
        if (fact instanceof LiveFact.Joined joined) {
            PlayerSlot slot = join(joined);
            state = state.joinedBy(joined.at());
            event = new LiveEvent.PlayerJoined(fact.id(), fact.at(), slot.id, slot.name, roster.active());
        } else if (fact instanceof LiveFact.Left left) {
            PlayerSlot slot = roster.at(left.ordinal());
            roster.remove(left.ordinal());
            state = state.leftBy(left.at());
            event = new LiveEvent.PlayerLeft(fact.id(), fact.at(), slot.id, slot.name, roster.active(), left.removed());
        } else if (fact instanceof LiveFact.Opened opened) {
            state = state.opened(opened.index(), opened.at(), opened.answersOpenAt(), opened.deadline());
            openAnswers.clear();
            current = new LiveEvent.QuestionOpened(fact.id(), fact.at(), opened.index(), questions.size(),
                    view(opened.index(), opened.answersOpenAt(), opened.deadline()), opened.answersOpenAt(),
                    opened.deadline());
            event = current;
        } else if (fact instanceof LiveFact.Counted counted) {
            state = state.withAnswered(counted.answered());
            event = new LiveEvent.AnswersCounted(fact.id(), fact.at(), counted.index(), counted.answered(),
                    roster.active());
        } else if (fact instanceof LiveFact.Closed closed) {
            state = state.closed(closed.at());
            event = close(closed);
        } else {
            state = state.ended(fact.at());
            ended = end((LiveFact.Ended) fact);
            event = ended;
        }
        state = state.withLastEventId(fact.id());
        log.addLast(event);
        if (log.size() > logCapacity) {
            log.removeFirst();
        }
        deliver(event);
    }

    private PlayerSlot join(LiveFact.Joined joined) {
        LivePlayer player = arriving.remove(joined.ordinal());
        if (player == null) {
            store.players(sessionId, roster.size()).forEach(p -> arriving.put(p.ordinal(), p));
            player = arriving.remove(joined.ordinal());
            if (player == null) {
                throw new IllegalStateException("live session " + sessionId + ": player " + joined.ordinal()
                        + " joined but is not stored");
            }
        }
        PlayerSlot slot = new PlayerSlot(player, joined.id(), questions.size());
        roster.add(slot);
        return slot;
    }

    private QuestionView view(int index, Instant answersOpenAt, Instant deadline) {
        return QuestionView.of(questions.get(index), quiz.rules(), state.seed(), index, questions.size(),
                Duration.between(answersOpenAt, deadline), deadline, languages);
    }

    /** Question {@code index} closed: scores, streaks and ranks of every player after it, and what they are told. */
    private LiveEvent.QuestionResults close(LiveFact.Closed closed) {
        int index = closed.index();
        Question question = questions.get(index);
        List<LiveAnswer> counted = new ArrayList<>();
        for (LiveAnswer answer : store.answers(sessionId, index)) {
            PlayerSlot slot = roster.at(answer.ordinal());
            if (!slot.removed) {
                slot.answered(index, answer);
                counted.add(answer);
            }
        }
        List<PlayerSlot> ranking = rankAll(slot -> slot.close(index, question.scored()));
        int[] ranks = Roster.ranks(ranking);
        for (int i = 0; i < ranking.size(); i++) {
            ranking.get(i).ranked(index, ranks[i]);
        }
        openAnswers.clear();
        boolean answerShown = quiz.rules().review().correctAnswer() != ReviewTiming.NEVER;
        boolean explanationShown = quiz.rules().review().explanation() != ReviewTiming.NEVER;
        LiveEvent.QuestionResults event = new LiveEvent.QuestionResults(closed.id(), closed.at(), index,
                question.id(), question.type(), answerShown ? question.correctAnswer() : Optional.empty(),
                explanationShown ? question.explanation().withDefaultLanguage(languages.defaultLanguage())
                        : LocalizedText.empty(),
                Tally.of(question, counted, roster.active()), top(ranking, ranks, TOP), languages);
        results[index] = event;
        return event;
    }

    private List<PlayerSlot> rankAll(java.util.function.Consumer<PlayerSlot> first) {
        for (PlayerSlot slot : roster.all()) {
            if (!slot.removed) {
                first.accept(slot);
            }
        }
        return roster.ranking();
    }

    private LiveEvent.SessionEnded end(LiveFact.Ended fact) {
        List<PlayerSlot> ranking = roster.ranking();
        int[] ranks = Roster.ranks(ranking);
        finalRanks = new int[roster.size()];
        int podium = 0;
        while (podium < ranking.size() && ranks[podium] <= PODIUM_RANKS) {
            podium++;
        }
        for (int i = 0; i < ranking.size(); i++) {
            finalRanks[ranking.get(i).ordinal] = ranks[i];
        }
        openAnswers.clear();
        return new LiveEvent.SessionEnded(fact.id(), fact.at(), top(ranking, ranks, Math.min(podium, 10)),
                ranking.size());
    }

    private static List<Ranked> top(List<PlayerSlot> ranking, int[] ranks, int count) {
        List<Ranked> top = new ArrayList<>(Math.min(count, ranking.size()));
        for (int i = 0; i < ranking.size() && i < count; i++) {
            PlayerSlot slot = ranking.get(i);
            top.add(new Ranked(ranks[i], slot.id, slot.name, slot.score));
        }
        return top;
    }

    // ---- telling subscribers

    private void deliver(LiveEvent event) {
        delivering = true;
        try {
            deliverEach(event);
        } finally {
            delivering = false;
        }
    }

    private void deliverEach(LiveEvent event) {
        for (Iterator<Subscriber> it = subscribers.iterator(); it.hasNext(); ) {
            Subscriber subscriber = it.next();
            if (subscriber.cancelled) {
                it.remove();
                continue;
            }
            try {
                if (subscriber.slot == null) {
                    subscriber.listener.onEvent(event, Optional.empty());
                } else if (event instanceof LiveEvent.PlayerLeft left && left.playerId().equals(subscriber.slot.id)) {
                    subscriber.listener.onEvent(event, Optional.empty());
                    subscriber.listener.onEnd();
                    it.remove();
                    continue;
                } else if (!event.forHostOnly()) {
                    subscriber.listener.onEvent(event, standing(subscriber.slot, event));
                }
            } catch (RuntimeException e) {
                LOG.error("a listener of live session {} failed; it is dropped", sessionId, e);
                it.remove();
                continue;
            }
            if (subscriber.cancelled) {
                it.remove();
            }
        }
    }

    /** What the player is told of themselves with the event: after a question closed, or at the end. */
    private Optional<Standing> standing(PlayerSlot slot, LiveEvent event) {
        if (slot.joinedEventId > event.id()) {
            return Optional.empty();
        }
        if (event instanceof LiveEvent.QuestionResults results) {
            return Optional.of(slot.after(results.index(), questions.get(results.index()).scored()));
        }
        if (event instanceof LiveEvent.SessionEnded) {
            return Optional.of(finalStanding(slot));
        }
        return Optional.empty();
    }

    private Standing.Final finalStanding(PlayerSlot slot) {
        int rank = slot.ordinal < finalRanks.length ? finalRanks[slot.ordinal] : 0;
        return new Standing.Final(slot.score, rank, slot.streak, slot.answeredCount(), slot.correctCount());
    }

    /**
     * Subscribes a viewer: replays the events after {@code lastEventId} if they are all still kept, else starts with
     * the state; then every event as it comes.
     *
     * @param slot the player, or null for the host
     */
    public LiveSubscription subscribe(Viewer viewer, PlayerSlot slot, Long lastEventId, LiveListener listener) {
        if (lastEventId != null && lastEventId > state().lastEventId()) {
            catchUp(); // the client saw events of another server that this one has not applied yet
        }
        Subscriber subscriber = new Subscriber(slot, listener);
        locked(() -> {
            if (lastEventId != null && canResumeAfter(lastEventId)) {
                for (LiveEvent event : log) {
                    if (event.id() > lastEventId && visible(slot, event)) {
                        listener.onEvent(event, slot == null ? Optional.empty() : standing(slot, event));
                    }
                }
            } else {
                listener.onState(stateFor(viewer, slot));
            }
            if (slot != null && slot.removed) {
                listener.onEnd();
            } else if (!subscriber.cancelled) {
                subscribers.add(subscriber);
            }
            return null;
        });
        return () -> locked(() -> {
            subscriber.cancelled = true;
            if (!delivering) {
                subscribers.remove(subscriber); // while delivering, the loop removes it
            }
            return null;
        });
    }

    private boolean canResumeAfter(long lastEventId) {
        if (lastEventId > state.lastEventId() || lastEventId < 0) {
            return false;
        }
        return lastEventId == state.lastEventId() || !log.isEmpty() && log.getFirst().id() <= lastEventId + 1;
    }

    private static boolean visible(PlayerSlot slot, LiveEvent event) {
        return slot == null || !event.forHostOnly()
                || event instanceof LiveEvent.PlayerLeft left && left.playerId().equals(slot.id);
    }

    /** Ends every subscription (the engine stops). */
    public void endSubscriptions() {
        locked(() -> {
            delivering = true;
            try {
                subscribers.forEach(subscriber -> subscriber.listener.onEnd());
            } finally {
                delivering = false;
            }
            subscribers.clear();
            return null;
        });
    }

    public int subscribers() {
        return locked(subscribers::size);
    }

    // ---- what viewers ask

    /** The session now as the viewer sees it. */
    public LiveState state(Viewer viewer, PlayerSlot slot) {
        return locked(() -> stateFor(viewer, slot));
    }

    private LiveState stateFor(Viewer viewer, PlayerSlot slot) {
        LiveSessionView view = slot == null ? LiveSessionView.of(state) : LiveSessionView.of(state).withoutCode();
        LiveEvent.QuestionResults shownResults = state.phase() == LivePhase.RESULTS ? results[state.questionIndex()]
                : null;
        LiveState.You you = null;
        Standing standing = null;
        if (slot != null) {
            int last = lastClosed();
            boolean ranked = last >= 0 && slot.joinedEventId < results[last].id();
            OptionalInt rank = ranked ? OptionalInt.of(slot.rankAfter(last)) : OptionalInt.empty();
            you = new LiveState.You(slot.id, slot.name, slot.score, rank,
                    slot.streak, state.phase() == LivePhase.QUESTION && answeredOpen(slot));
            if (state.phase() == LivePhase.ENDED) {
                standing = finalStanding(slot);
            } else if (shownResults != null && slot.joinedEventId < shownResults.id()) {
                standing = slot.after(state.questionIndex(), questions.get(state.questionIndex()).scored());
            }
        }
        return new LiveState(view, state.phase() == LivePhase.LOBBY ? Optional.empty() : Optional.ofNullable(current),
                Optional.ofNullable(shownResults), Optional.ofNullable(ended), Optional.ofNullable(you),
                Optional.ofNullable(standing), state.lastEventId(), languages);
    }

    private int lastClosed() {
        for (int i = results.length - 1; i >= 0; i--) {
            if (results[i] != null) {
                return i;
            }
        }
        return -1;
    }

    private boolean answeredOpen(PlayerSlot slot) {
        LiveAnswer open = openAnswers.get(slot.ordinal);
        return open != null && open.questionIndex() == state.questionIndex()
                || store.shared() && store.answer(sessionId, state.questionIndex(), slot.ordinal).isPresent();
    }

    /** The ranking of every player taking part, and how each closed question was answered. */
    public LiveResults results() {
        return locked(() -> {
            List<PlayerSlot> ranking = roster.ranking();
            int[] ranks = Roster.ranks(ranking);
            List<LiveResults.RankedPlayer> players = new ArrayList<>(ranking.size());
            for (int i = 0; i < ranking.size(); i++) {
                PlayerSlot slot = ranking.get(i);
                players.add(new LiveResults.RankedPlayer(ranks[i], slot.id, slot.name, slot.score,
                        slot.answeredCount(), slot.correctCount(), slot.streak));
            }
            List<LiveResults.QuestionSummary> summaries = new ArrayList<>();
            for (int i = 0; i < results.length; i++) {
                if (results[i] != null) {
                    Question question = questions.get(i);
                    summaries.add(new LiveResults.QuestionSummary(i, question.id(), question.type(), question.text(),
                            results[i].distribution()));
                }
            }
            return new LiveResults(LiveSessionView.of(state), players, summaries, languages);
        });
    }

    // ---- players and answers

    public Optional<PlayerSlot> player(String livePlayerId) {
        return roster.byId(livePlayerId);
    }

    /** The player taking part with this token hash, catching up once if another server let them join. */
    public Optional<PlayerSlot> playerByTokenHash(String tokenHash) {
        Optional<PlayerSlot> known = roster.byTokenHash(tokenHash);
        if (known.isPresent()) {
            return known;
        }
        if (store.playerByTokenHash(sessionId, tokenHash).isEmpty()) {
            return Optional.empty();
        }
        catchUp();
        return roster.byTokenHash(tokenHash);
    }

    /** The player a registered player is in the session, if they joined it. */
    public Optional<PlayerSlot> playerOf(String registeredPlayerId) {
        Optional<LivePlayer> stored = store.playerOf(sessionId, registeredPlayerId);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        Optional<PlayerSlot> known = roster.byId(stored.get().id());
        if (known.isEmpty()) {
            catchUp();
            known = roster.byId(stored.get().id());
        }
        return known;
    }

    /**
     * What answering the open question takes, read under the lock; empty when {@code questionId} is not the open
     * question as applied here.
     */
    public Optional<Ticket> ticket(PlayerSlot slot, String questionId) {
        LiveSession now = state; // not under the lock: a fan-out of events to every player holds it for a while
        if (now.phase() != LivePhase.QUESTION || !questionId.equals(now.questionId())) {
            return Optional.empty();
        }
        int index = now.questionIndex();
        LiveAnswer previous = openAnswers.get(slot.ordinal);
        return Optional.of(new Ticket(index, questions.get(index), now.answersOpenAt(), now.deadline(),
                slot.removed, slot.streak, previous != null && previous.questionIndex() == index ? previous : null));
    }

    /** Keeps an answer to the open question given through this server, for repeats and for the state. */
    public void remember(LiveAnswer answer) {
        LiveSession now = state;
        if (now.phase() == LivePhase.QUESTION && now.questionIndex() == answer.questionIndex()) {
            openAnswers.compute(answer.ordinal(), (ordinal, kept) ->
                    kept != null && kept.questionIndex() == answer.questionIndex() ? kept : answer);
        }
    }

    /**
     * What answering needs to know of the open question and the player.
     *
     * @param removed      whether the player was removed
     * @param streakBefore the player's right answers in a row before this question
     * @param previous     the player's answer to it given through this server, if any
     */
    public record Ticket(int index, Question question, Instant answersOpenAt, Instant deadline, boolean removed,
                         int streakBefore, LiveAnswer previous) {
    }

    private <T> T locked(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    private static final class Subscriber {
        final PlayerSlot slot;
        final LiveListener listener;
        /** Set under the session's lock. */
        boolean cancelled;

        Subscriber(PlayerSlot slot, LiveListener listener) {
            this.slot = slot;
            this.listener = listener;
        }
    }
}
