package org.kydp.quiz.store;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Consumer;

import org.kydp.quiz.model.Attempt;
import org.kydp.quiz.model.Quiz;
import org.kydp.quiz.model.Player;

/** A store in memory: fast, thread-safe, and gone when the JVM stops. */
public final class InMemoryStore implements Store {

    private final Quizzes quizzes = new Quizzes();
    private final Players players = new Players();
    private final Attempts attempts = new Attempts();

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

    private static final class Quizzes implements QuizStore {
        private final Map<String, NavigableMap<Integer, Quiz>> versionsById = new ConcurrentHashMap<>();
        private final Set<String> published = ConcurrentHashMap.newKeySet();

        @Override
        public void save(Quiz quiz) {
            versionsById.computeIfAbsent(quiz.id(), id -> new ConcurrentSkipListMap<>()).put(quiz.version(), quiz);
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
        private final Map<String, Attempt> byId = new ConcurrentHashMap<>();
        private final Map<String, Set<String>> idsByQuiz = new ConcurrentHashMap<>();
        private final Map<String, Set<String>> idsByPlayerAndQuiz = new ConcurrentHashMap<>();

        @Override
        public void save(Attempt attempt) {
            if (byId.put(attempt.id(), attempt) == null) {
                idsByQuiz.computeIfAbsent(attempt.quizId(), k -> ConcurrentHashMap.newKeySet()).add(attempt.id());
                idsByPlayerAndQuiz.computeIfAbsent(attempt.playerId() + '\n' + attempt.quizId(),
                        k -> ConcurrentHashMap.newKeySet()).add(attempt.id());
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
