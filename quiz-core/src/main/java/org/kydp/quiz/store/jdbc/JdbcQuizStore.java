package org.kydp.quiz.store.jdbc;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import org.kydp.quiz.content.QuizDocumentReader;
import org.kydp.quiz.content.QuizDocumentWriter;
import org.kydp.quiz.model.Quiz;
import org.kydp.quiz.store.QuizStore;

/**
 * Quiz versions as documents in the native JSON format, and which quizzes are published. Every change is announced
 * to the other stores in its transaction, and a store that hears of one forgets what it keeps of the quizzes.
 */
final class JdbcQuizStore implements QuizStore {

    private static final int MAX_PARSED = 256;

    private final Jdbi jdbi;
    private final Clock clock;
    /** Parsed documents by their text: a version is parsed once, and a replaced version is parsed anew. */
    private final Map<String, Quiz> parsed = new ConcurrentHashMap<>();
    /**
     * Versions as last read, by id, version and the time the version was saved, for reads that check what is kept
     * (while other stores may change quizzes unheard, see {@link Freshness}): a play reads its quiz version on every
     * request, and reading the document (tens of KiB) each time was the largest cost of a play request. The small
     * {@code saved_at_ms} is read instead: a version replaced here is dropped from the map, one replaced by another
     * server has a new {@code saved_at_ms} (unless replaced within the same millisecond as it was read).
     */
    private final Map<VersionKey, Quiz> versions = new ConcurrentHashMap<>();

    private record VersionKey(String quizId, int version, long savedAtMs) {
    }

    private final Freshness freshness;
    private final Writes.Announcer announcer;
    /**
     * While what is kept is current ({@link Freshness#keptIsCurrent()}): versions by id and version, the latest
     * version of each quiz and whether each is published, as stored, so that a play request reads no quiz row at
     * all. A change, here or heard of from elsewhere, counts a new {@link #generation} and empties these maps; a read
     * that began before a change does not keep its result (see {@link #keep}).
     */
    private final Map<String, Optional<Quiz>> keptVersions = new ConcurrentHashMap<>();
    private final Map<String, Optional<Quiz>> keptLatest = new ConcurrentHashMap<>();
    private final Map<String, Boolean> keptPublished = new ConcurrentHashMap<>();
    private long generation;

    JdbcQuizStore(Jdbi jdbi, Clock clock, Freshness freshness, Writes.Announcer announcer) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.freshness = freshness;
        this.announcer = announcer;
    }

    private synchronized long generation() {
        return generation;
    }

    /** Forgets what is kept, before and after a change here, and when a change made elsewhere is heard of. */
    synchronized void forgetKept() {
        generation++;
        keptVersions.clear();
        keptLatest.clear();
        keptPublished.clear();
    }

    /** Keeps a value read in the given generation, unless the quizzes changed since. */
    private synchronized <V> V keep(Map<String, V> kept, String key, V value, long readIn) {
        if (readIn == generation && kept.size() < MAX_PARSED) {
            kept.put(key, value);
        }
        return value;
    }

    /** A value kept, or read (and kept); read, and checked, every time while what is kept may not be current. */
    private <V> V keptOr(Map<String, V> kept, String key, java.util.function.Supplier<V> read) {
        if (!freshness.keptIsCurrent()) {
            return read.get();
        }
        V known = kept.get(key);
        if (known != null) {
            return known;
        }
        long readIn = generation();
        return keep(kept, key, read.get(), readIn);
    }

    /**
     * One INSERT: a stored version is never written again. When the version is there already (saved before, or at
     * the same moment elsewhere), its stored content decides: the same, and nothing is added; other, and the save
     * is refused.
     */
    @Override
    public boolean save(Quiz quiz) {
        String document = QuizDocumentWriter.write(quiz);
        QuizDocumentReader.read(document); // refuse now, not at the next read, what could not be read back
        forgetKept();
        try {
            jdbi.useTransaction(handle -> {
                handle.createUpdate("INSERT INTO quiz_versions (quiz_id, quiz_version, document, saved_at_ms) "
                                + "VALUES (:id, :version, :document, :now)")
                        .bind("id", quiz.id()).bind("version", quiz.version())
                        .bind("document", document).bind("now", clock.millis())
                        .execute();
                announcer.announce(handle, List.of(Change.quiz(quiz.id())));
            });
            return true;
        } catch (RuntimeException e) {
            if (!SqlErrors.isDuplicateKey(e)) {
                throw e;
            }
            Optional<String> stored = jdbi.withHandle(handle -> handle.createQuery("SELECT document FROM "
                            + "quiz_versions WHERE quiz_id = :id AND quiz_version = :version")
                    .bind("id", quiz.id()).bind("version", quiz.version()).mapTo(String.class).findOne());
            if (stored.map(this::parse).filter(quiz::equals).isEmpty()) {
                throw QuizStore.versionTaken(quiz);
            }
            return false;
        } finally {
            forgetKept();
        }
    }

    @Override
    public Optional<Quiz> find(String quizId, int version) {
        return keptOr(keptVersions, quizId + '\n' + version, () -> read(quizId, version));
    }

    private Optional<Quiz> read(String quizId, int version) {
        Optional<Long> savedAt = jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT saved_at_ms FROM quiz_versions WHERE quiz_id = :id AND quiz_version = :version")
                .bind("id", quizId).bind("version", version)
                .mapTo(Long.class).findOne());
        return savedAt.flatMap(at -> kept(quizId, version, at));
    }

    /** The version as kept here if it was saved at that time, else read (and kept). */
    private Optional<Quiz> kept(String quizId, int version, long savedAtMs) {
        Quiz known = versions.get(new VersionKey(quizId, version, savedAtMs));
        if (known != null) {
            return Optional.of(known);
        }
        return jdbi.withHandle(handle -> handle.createQuery("SELECT document, saved_at_ms FROM quiz_versions "
                        + "WHERE quiz_id = :id AND quiz_version = :version")
                .bind("id", quizId).bind("version", version)
                .map((rs, ctx) -> {
                    Quiz quiz = parse(rs.getString("document"));
                    if (versions.size() >= MAX_PARSED) {
                        versions.clear();
                    }
                    versions.put(new VersionKey(quizId, version, rs.getLong("saved_at_ms")), quiz);
                    return quiz;
                })
                .findOne());
    }

    @Override
    public Optional<Quiz> latest(String quizId) {
        return keptOr(keptLatest, quizId, () -> readLatest(quizId));
    }

    private Optional<Quiz> readLatest(String quizId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT quiz_version, saved_at_ms FROM quiz_versions "
                        + "WHERE quiz_id = :id ORDER BY quiz_version DESC LIMIT 1")
                .bind("id", quizId)
                .map((rs, ctx) -> new long[] {rs.getInt("quiz_version"), rs.getLong("saved_at_ms")})
                .findOne())
                .flatMap(latest -> kept(quizId, (int) latest[0], latest[1]));
    }

    @Override
    public List<Quiz> latestAll() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT v.document FROM quiz_versions v "
                        + "WHERE v.quiz_version = (SELECT MAX(w.quiz_version) FROM quiz_versions w "
                        + "WHERE w.quiz_id = v.quiz_id) ORDER BY v.quiz_id")
                .mapTo(String.class).list())
                .stream().map(this::parse).toList();
    }

    @Override
    public void delete(String quizId) {
        forgetKept();
        try {
            jdbi.useTransaction(handle -> {
                handle.createUpdate("DELETE FROM published_quizzes WHERE quiz_id = :id").bind("id", quizId).execute();
                handle.createUpdate("DELETE FROM quiz_versions WHERE quiz_id = :id").bind("id", quizId).execute();
                announcer.announce(handle, List.of(Change.quiz(quizId)));
            });
        } finally {
            parsed.clear();
            versions.clear();
            forgetKept();
        }
    }

    @Override
    public void setPublished(String quizId, boolean published) {
        forgetKept();
        try {
            publish(quizId, published);
        } finally {
            forgetKept();
        }
    }

    private void publish(String quizId, boolean published) {
        if (!published) {
            jdbi.useTransaction(handle -> {
                if (handle.createUpdate("DELETE FROM published_quizzes WHERE quiz_id = :id")
                        .bind("id", quizId).execute() > 0) {
                    announcer.announce(handle, List.of(Change.quiz(quizId)));
                }
            });
            return;
        }
        if (readPublished(quizId)) {
            return;
        }
        try {
            jdbi.useTransaction(handle -> {
                handle.createUpdate("INSERT INTO published_quizzes (quiz_id) VALUES (:id)").bind("id", quizId)
                        .execute();
                announcer.announce(handle, List.of(Change.quiz(quizId)));
            });
        } catch (RuntimeException e) {
            if (!SqlErrors.isDuplicateKey(e)) { // published at the same moment elsewhere: published it is
                throw e;
            }
        }
    }

    @Override
    public boolean isPublished(String quizId) {
        return keptOr(keptPublished, quizId, () -> readPublished(quizId));
    }

    private boolean readPublished(String quizId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT COUNT(*) FROM published_quizzes WHERE quiz_id = :id")
                .bind("id", quizId).mapTo(Integer.class).one()) > 0;
    }

    private Quiz parse(String document) {
        Quiz quiz = parsed.get(document);
        if (quiz == null) {
            quiz = QuizDocumentReader.read(document);
            if (parsed.size() >= MAX_PARSED) {
                parsed.clear();
            }
            parsed.put(document, quiz);
        }
        return quiz;
    }
}
