package org.kydp.quiz.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.kydp.quiz.error.ConflictException;
import org.kydp.quiz.error.LiveSessionNotFoundException;
import org.kydp.quiz.error.NameTakenException;
import org.kydp.quiz.model.LiveAnswer;
import org.kydp.quiz.model.LiveFact;
import org.kydp.quiz.model.LivePlayer;
import org.kydp.quiz.model.LivePhase;
import org.kydp.quiz.model.LiveSession;

/**
 * Live sessions in memory. Each session's data sits behind its own monitor; engines sharing the store hear of
 * every change through their {@link StoreListener}s, as servers sharing a database do.
 */
final class InMemoryLiveStore implements LiveStore {

    /** One session: its state, log, players and answers. Guarded by itself. */
    private static final class Data {
        LiveSession session;
        final List<LiveFact> facts = new ArrayList<>();
        final List<LivePlayer> players = new ArrayList<>();
        final Map<String, Integer> ordinalByNameKey = new HashMap<>();
        final Map<Long, LiveAnswer> answers = new HashMap<>(); // by question index << 32 | ordinal
        String leaseOwner;
        Instant leaseUntil = Instant.EPOCH;

        Data(LiveSession session) {
            this.session = session;
        }
    }

    private final Map<String, Data> sessions = new ConcurrentHashMap<>();
    private final Map<String, String> openCodes = new ConcurrentHashMap<>(); // code -> session id
    private final List<StoreListener> listeners;
    private final boolean shared;

    /**
     * @param listeners told of every change
     * @param shared    whether several engines may use the store (as servers share a database); when not, a lease
     *                  is always the asking server's
     */
    InMemoryLiveStore(List<StoreListener> listeners, boolean shared) {
        this.listeners = listeners;
        this.shared = shared;
    }

    @Override
    public boolean create(LiveSession session) {
        if (openCodes.putIfAbsent(session.code(), session.id()) != null) {
            return false;
        }
        if (sessions.putIfAbsent(session.id(), new Data(session)) != null) {
            openCodes.remove(session.code(), session.id());
            throw new IllegalStateException("duplicate live session id " + session.id());
        }
        return true;
    }

    private Data data(String sessionId) {
        Data data = sessions.get(sessionId);
        if (data == null) {
            throw new LiveSessionNotFoundException("live session " + sessionId + " not found");
        }
        return data;
    }

    @Override
    public Optional<LiveSession> find(String sessionId) {
        Data data = sessions.get(sessionId);
        if (data == null) {
            return Optional.empty();
        }
        synchronized (data) {
            return Optional.of(data.session);
        }
    }

    @Override
    public Optional<LiveSession> findOpenByCode(String code) {
        return Optional.ofNullable(openCodes.get(code)).flatMap(this::find).filter(s -> !s.isEnded());
    }

    @Override
    public int countOpen() {
        return openCodes.size();
    }

    @Override
    public List<String> openIds() {
        return List.copyOf(openCodes.values());
    }

    @Override
    public LiveChange change(String sessionId, Function<LiveSession, LiveChange> decide) {
        Data data = data(sessionId);
        LiveChange stored;
        synchronized (data) {
            LiveChange change = decide.apply(data.session);
            if (change == null) {
                return null;
            }
            LivePlayer joining = change.joining();
            if (joining != null) {
                if (joining.ordinal() != data.players.size()) {
                    throw new IllegalStateException("player " + joining.id() + " joins with ordinal "
                            + joining.ordinal() + ", expected " + data.players.size());
                }
                if (joining.playerId() != null
                        && data.players.stream().anyMatch(p -> joining.playerId().equals(p.playerId()))) {
                    throw new ConflictException("player " + joining.playerId() + " is in this session already");
                }
                if (data.ordinalByNameKey.containsKey(joining.nameKey())) {
                    throw new NameTakenException("the name '" + joining.name() + "' is taken in this session");
                }
            }
            if (change.removing() != null && data.players.get(change.removing()).isRemoved()) {
                throw new ConflictException("player " + change.removing() + " was removed already");
            }
            stored = change.numbered(data.session.lastEventId());
            data.session = stored.session();
            data.facts.addAll(stored.facts());
            if (joining != null) {
                data.players.add(joining);
                data.ordinalByNameKey.put(joining.nameKey(), joining.ordinal());
            }
            if (change.removing() != null) {
                LivePlayer removed = data.players.get(change.removing()).removed(data.session.changedAt());
                data.players.set(removed.ordinal(), removed);
                data.ordinalByNameKey.remove(removed.nameKey());
            }
            if (data.session.isEnded()) {
                openCodes.remove(data.session.code(), sessionId);
            }
        }
        listeners.forEach(listener -> listener.onLiveSessionChanged(sessionId));
        return stored;
    }

    private static long answerKey(int questionIndex, int ordinal) {
        return (long) questionIndex << 32 | ordinal;
    }

    @Override
    public AnswerOutcome recordAnswer(LiveAnswer answer) {
        Data data = data(answer.sessionId());
        synchronized (data) {
            LiveSession session = data.session;
            if (session.phase() != LivePhase.QUESTION || session.questionIndex() != answer.questionIndex()) {
                return AnswerOutcome.QUESTION_CLOSED;
            }
            if (data.answers.putIfAbsent(answerKey(answer.questionIndex(), answer.ordinal()), answer) != null) {
                return AnswerOutcome.DUPLICATE;
            }
            data.session = session.withAnswered(session.answered() + 1);
            return AnswerOutcome.RECORDED;
        }
    }

    @Override
    public Optional<LiveAnswer> answer(String sessionId, int questionIndex, int ordinal) {
        Data data = data(sessionId);
        synchronized (data) {
            return Optional.ofNullable(data.answers.get(answerKey(questionIndex, ordinal)));
        }
    }

    @Override
    public List<LiveAnswer> answers(String sessionId, int questionIndex) {
        Data data = data(sessionId);
        synchronized (data) {
            return data.answers.values().stream().filter(a -> a.questionIndex() == questionIndex).toList();
        }
    }

    @Override
    public List<LiveFact> facts(String sessionId, long afterId) {
        Data data = data(sessionId);
        synchronized (data) {
            // ids start at 1 and follow each other, so the fact with id n is at index n - 1
            int from = (int) Math.min(Math.max(afterId, 0), data.facts.size());
            return List.copyOf(data.facts.subList(from, data.facts.size()));
        }
    }

    @Override
    public List<LivePlayer> players(String sessionId, int fromOrdinal) {
        Data data = data(sessionId);
        synchronized (data) {
            int from = Math.min(Math.max(fromOrdinal, 0), data.players.size());
            return List.copyOf(data.players.subList(from, data.players.size()));
        }
    }

    @Override
    public Optional<LivePlayer> playerByTokenHash(String sessionId, String tokenHash) {
        Data data = data(sessionId);
        synchronized (data) {
            return data.players.stream().filter(p -> !p.isRemoved() && p.tokenHash().equals(tokenHash)).findFirst();
        }
    }

    @Override
    public Optional<LivePlayer> playerOf(String sessionId, String playerId) {
        Data data = data(sessionId);
        synchronized (data) {
            return data.players.stream().filter(p -> playerId.equals(p.playerId())).findFirst();
        }
    }

    @Override
    public List<String> holdLeases(String serverId, Instant now, Duration length) {
        List<String> held = new ArrayList<>();
        for (String sessionId : openCodes.values()) {
            Data data = sessions.get(sessionId);
            synchronized (data) {
                if (data.session.isEnded()) {
                    continue;
                }
                if (serverId.equals(data.leaseOwner) || !data.leaseUntil.isAfter(now) || !shared) {
                    data.leaseOwner = serverId;
                    data.leaseUntil = now.plus(length);
                    held.add(sessionId);
                }
            }
        }
        return held;
    }

    @Override
    public void releaseLeases(String serverId) {
        for (Data data : sessions.values()) {
            synchronized (data) {
                if (serverId.equals(data.leaseOwner)) {
                    data.leaseOwner = null;
                    data.leaseUntil = Instant.EPOCH;
                }
            }
        }
    }

    @Override
    public boolean shared() {
        return shared;
    }
}
