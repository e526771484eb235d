package org.kydp.quiz.store;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.UnaryOperator;
import java.util.function.Consumer;

import org.kydp.quiz.error.ConflictException;
import org.kydp.quiz.model.Attempt;
import org.kydp.quiz.model.Quiz;
import org.kydp.quiz.model.Player;
import org.kydp.quiz.model.RecordedAnswer;

/** A store in memory: fast, thread-safe, and gone when the JVM stops. */
public final class InMemoryStore implements Store {

    private final Quizzes quizzes = new Quizzes();
    private final Players players = new Players();
    private final Polls polls = new Polls();
    private final RunningSums sums = new RunningSums();
    private final Attempts attempts = new Attempts(polls, sums);
    private final List<StoreListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final InMemoryLiveStore live = new InMemoryLiveStore(listeners, true);

    @Override
    public QuizStore quizzes() {
        return quizzes;
    }

    @Override
    public PlayerStore players() {
        return players;
    }

    @Override
    public AttemptStore attempts() {
        return attempts;
    }

    @Override
    public PollStore polls() {
        return polls;
    }

    @Override
    public LiveStore live() {
        return live;
    }

    @Override
    public StatisticsStore statistics() {
        return sums;
    }

    /** Engines sharing this store hear of each other's live session changes; nothing else is announced. */
    @Override
    public void addListener(StoreListener listener) {
        listeners.add(listener);
    }

    private static final class Polls implements PollStore {
        private final Map<String, Map<String, java.util.concurrent.atomic.LongAdder>> votesByQuestion =
                new ConcurrentHashMap<>();

        @Override
        public void recordVote(String quizId, String questionId, String optionId) {
            votesByQuestion.computeIfAbsent(quizId + '\n' + questionId, k -> new ConcurrentHashMap<>())
                    .computeIfAbsent(optionId, k -> new java.util.concurrent.atomic.LongAdder())
                    .increment();
        }

        @Override
        public Map<String, Long> votes(String quizId, String questionId) {
            Map<String, Long> counts = new java.util.TreeMap<>();
            votesByQuestion.getOrDefault(quizId + '\n' + questionId, Map.of())
                    .forEach((option, count) -> counts.put(option, count.sum()));
            return counts;
        }
    }

    private static final class Quizzes implements QuizStore {
        private final Map<String, NavigableMap<Integer, Quiz>> versionsById = new ConcurrentHashMap<>();
        private final Set<String> published = ConcurrentHashMap.newKeySet();

        @Override
        public boolean save(Quiz quiz) {
            Quiz stored = versionsById.computeIfAbsent(quiz.id(), id -> new ConcurrentSkipListMap<>())
                    .putIfAbsent(quiz.version(), quiz);
            if (stored != null && !stored.equals(quiz)) {
                throw QuizStore.versionTaken(quiz);
            }
            return stored == null;
        }

        @Override
        public Optional<Quiz> find(String quizId, int version) {
            return Optional.ofNullable(versionsById.get(quizId)).map(versions -> versions.get(version));
        }

        @Override
        public Optional<Quiz> latest(String quizId) {
            return Optional.ofNullable(versionsById.get(quizId)).map(versions -> versions.lastEntry().getValue());
        }

        @Override
        public List<Quiz> latestAll() {
            return versionsById.values().stream()
                    .map(versions -> versions.lastEntry().getValue())
                    .sorted(Comparator.comparing(Quiz::id))
                    .toList();
        }

        @Override
        public void setPublished(String quizId, boolean isPublished) {
            if (isPublished) {
                published.add(quizId);
            } else {
                published.remove(quizId);
            }
        }

        @Override
        public boolean isPublished(String quizId) {
            return published.contains(quizId);
        }

        @Override
        public void delete(String quizId) {
            versionsById.remove(quizId);
            published.remove(quizId);
        }
    }

    private static final class Players implements PlayerStore {
        private final Map<String, Player> byId = new ConcurrentHashMap<>();
        private final Map<String, Player> byTokenHash = new ConcurrentHashMap<>();

        @Override
        public void add(Player player) {
            if (byId.putIfAbsent(player.id(), player) != null) {
                throw new IllegalStateException("duplicate player id " + player.id());
            }
            byTokenHash.put(player.tokenHash(), player);
        }

        @Override
        public Optional<Player> find(String playerId) {
            return Optional.ofNullable(byId.get(playerId));
        }

        @Override
        public Optional<Player> findByTokenHash(String tokenHash) {
            return Optional.ofNullable(byTokenHash.get(tokenHash));
        }
    }

    private static final class Attempts implements AttemptStore {
        private final Polls polls;
        private final RunningSums sums;
        private final Map<String, Attempt> byId = new ConcurrentHashMap<>();
        private final Map<String, Set<String>> idsByQuiz = new ConcurrentHashMap<>();
        private final Map<String, Set<String>> idsByPlayerAndQuiz = new ConcurrentHashMap<>();

        Attempts(Polls polls, RunningSums sums) {
            this.polls = polls;
            this.sums = sums;
        }

        @Override
        public boolean create(Attempt attempt, int allowed, Tally started) {
            boolean[] added = {false};
            idsByPlayerAndQuiz.compute(attempt.playerId() + '\n' + attempt.quizId(), (key, ids) -> {
                Set<String> attemptIds = ids == null ? ConcurrentHashMap.newKeySet() : ids;
                if (allowed > 0 && attemptIds.size() >= allowed) {
                    return attemptIds;
                }
                if (byId.putIfAbsent(attempt.id(), attempt) != null) {
                    throw new IllegalStateException("duplicate attempt id " + attempt.id());
                }
                attemptIds.add(attempt.id());
                sums.add(started, attemptIds.size() == 1);
                added[0] = true;
                return attemptIds;
            });
            if (added[0]) {
                idsByQuiz.computeIfAbsent(attempt.quizId(), k -> ConcurrentHashMap.newKeySet()).add(attempt.id());
            }
            return added[0];
        }

        @Override
        public void markServed(Attempt read, String questionId, Instant at) {
            change(read.id(), attempt -> attempt.servedAt().containsKey(questionId) ? attempt
                    : attempt.served(questionId, at));
        }

        @Override
        public void recordAnswer(Attempt read, RecordedAnswer answer, PollVote vote) {
            String attemptId = read.id();
            change(attemptId, attempt -> {
                if (attempt.answers().containsKey(answer.questionId())) {
                    throw new ConflictException("question " + answer.questionId() + " of attempt " + attemptId
                            + " already has an answer");
                }
                return attempt.answered(answer);
            });
            if (vote != null) {
                polls.recordVote(vote.quizId(), vote.questionId(), vote.optionId());
            }
        }

        @Override
        public boolean finish(Attempt read, Instant finishedAt, Tally tally) {
            boolean[] finished = {false};
            change(read.id(), attempt -> {
                if (attempt.isFinished()) {
                    return attempt;
                }
                sums.add(tally, false);
                finished[0] = true;
                return attempt.finished(finishedAt);
            });
            return finished[0];
        }

        private void change(String attemptId, UnaryOperator<Attempt> change) {
            if (byId.computeIfPresent(attemptId, (id, attempt) -> change.apply(attempt)) == null) {
                throw new IllegalStateException("no attempt " + attemptId);
            }
        }

        @Override
        public Optional<Attempt> find(String attemptId) {
            return Optional.ofNullable(byId.get(attemptId));
        }

        @Override
        public int countFor(String playerId, String quizId) {
            return idsByPlayerAndQuiz.getOrDefault(playerId + '\n' + quizId, Set.of()).size();
        }

        @Override
        public boolean existsForQuiz(String quizId) {
            return !idsByQuiz.getOrDefault(quizId, Set.of()).isEmpty();
        }

        @Override
        public List<Attempt> finished(String quizId) {
            return idsByQuiz.getOrDefault(quizId, Set.of()).stream()
                    .map(byId::get)
                    .filter(Attempt::isFinished)
                    .toList();
        }

        @Override
        public void forEachFinished(Consumer<Attempt> visitor) {
            for (Attempt attempt : byId.values()) {
                if (attempt.isFinished()) {
                    visitor.accept(attempt);
                }
            }
        }
    }
}
