package org.kydp.quiz.store.jdbc;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import org.kydp.quiz.content.QuizDocumentReader;
import org.kydp.quiz.content.QuizDocumentWriter;
import org.kydp.quiz.model.Quiz;
import org.kydp.quiz.store.QuizStore;

/**
 * Quiz versions as documents in the native JSON format, and which quizzes are published. Every change is announced
 * to the other stores in its transaction, and a store that hears of one forgets what it keeps of the quizzes.
 *
 * <p>What it keeps is in caches of at most {@link CacheSizes#quizVersions()} entries each, and only of quizzes that
 * exist: an id that names no quiz is read again each time it is asked for, so that ids asked for at random take no
 * room from the quizzes being played.
 */
final class JdbcQuizStore implements QuizStore {

    private final Jdbi jdbi;
    private final Clock clock;
    /** Parsed documents by their text: a version is parsed once, and a replaced version is parsed anew. */
    private final Cache<String, Quiz> parsed;
    /**
     * Versions as last read, by id, version and the time the version was saved, for reads that check what is kept
     * (while other stores may change quizzes unheard, see {@link Freshness}): a play reads its quiz version on every
     * request, and reading the document (tens of KiB) each time was the largest cost of a play request. The small
     * {@code saved_at_ms} is read instead: a version replaced here is dropped from the cache, one replaced by another
     * server has a new {@code saved_at_ms} (unless replaced within the same millisecond as it was read).
     */
    private final Cache<VersionKey, Quiz> versions;

    private record VersionKey(String quizId, int version, long savedAtMs) {
    }

    private final Freshness freshness;
    private final Writes.Announcer announcer;
    /**
     * While what is kept is current ({@link Freshness#keptIsCurrent()}): versions by id and version, the latest
     * version of each quiz and whether each is published, as stored, so that a play request reads no quiz row at
     * all. Only what was found is kept: a quiz version that exists, a quiz that is published. A change, here or heard
     * of from elsewhere, counts a new {@link #generation} and empties these caches; a read that began before a change
     * does not keep its result (see {@link #keep}).
     */
    private final Cache<String, Quiz> keptVersions;
    private final Cache<String, Quiz> keptLatest;
    private final Cache<String, Boolean> keptPublished;
    /**
     * The published quizzes as last read, with the versions they were read at; null until read, and after a change.
     * Every request for the catalogue reads it: served from here while nothing changed, it costs no document read,
     * and no query at all while what is kept is current.
     */
    private Catalogue catalogue;
    private long generation;

    JdbcQuizStore(Jdbi jdbi, Clock clock, Freshness freshness, Writes.Announcer announcer, StoreCaches caches,
                  int size) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.freshness = freshness;
        this.announcer = announcer;
        this.parsed = caches.bounded("quizzes.parsed", size);
        this.versions = caches.bounded("quizzes.documents", size);
        this.keptVersions = caches.bounded("quizzes.versions", size);
        this.keptLatest = caches.bounded("quizzes.latest", size);
        this.keptPublished = caches.bounded("quizzes.published", size);
    }

    private synchronized long generation() {
        return generation;
    }

    /** Forgets what is kept, before and after a change here, and when a change made elsewhere is heard of. */
    synchronized void forgetKept() {
        generation++;
        keptVersions.invalidateAll();
        keptLatest.invalidateAll();
        keptPublished.invalidateAll();
        catalogue = null;
    }

    /** Keeps a value read in the given generation, unless the quizzes changed since. */
    private synchronized <V> void keep(Cache<String, V> kept, String key, V value, long readIn) {
        if (readIn == generation) {
            kept.put(key, value);
        }
    }

    /**
     * A value kept, or read (and kept if found); read, and checked, every time while what is kept may not be current.
     * What was not found is not kept.
     */
    private <V> Optional<V> keptOr(Cache<String, V> kept, String key, Supplier<Optional<V>> read) {
        if (!freshness.keptIsCurrent()) {
            return read.get();
        }
        V known = kept.getIfPresent(key);
        if (known != null) {
            return Optional.of(known);
        }
        long readIn = generation();
        Optional<V> value = read.get();
        value.ifPresent(found -> keep(kept, key, found, readIn));
        return value;
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
        Quiz known = versions.getIfPresent(new VersionKey(quizId, version, savedAtMs));
        if (known != null) {
            return Optional.of(known);
        }
        return jdbi.withHandle(handle -> handle.createQuery("SELECT document, saved_at_ms FROM quiz_versions "
                        + "WHERE quiz_id = :id AND quiz_version = :version")
                .bind("id", quizId).bind("version", version)
                .map((rs, ctx) -> {
                    Quiz quiz = parse(rs.getString("document"));
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

    /**
     * The catalogue as kept while what is kept is current; otherwise one small query lists the latest version of each
     * published quiz and when it was saved, and only when that list differs from the one kept are the versions read
     * (from {@link #versions} where they are there).
     */
    @Override
    public List<Quiz> published() {
        Catalogue known = keptCatalogue();
        if (known != null && freshness.keptIsCurrent()) {
            return known.quizzes();
        }
        long readIn = generation();
        List<VersionKey> listing = readCatalogueListing();
        if (known != null && known.listing().equals(listing)) {
            return known.quizzes();
        }
        List<Quiz> quizzes = listing.stream()
                .flatMap(key -> kept(key.quizId(), key.version(), key.savedAtMs()).stream())
                .toList();
        keepCatalogue(new Catalogue(listing, quizzes), readIn);
        return quizzes;
    }

    /** The published quizzes, and the version of each they were read at. */
    private record Catalogue(List<VersionKey> listing, List<Quiz> quizzes) {
    }

    private synchronized Catalogue keptCatalogue() {
        return catalogue;
    }

    private synchronized void keepCatalogue(Catalogue read, long readIn) {
        if (readIn == generation) {
            catalogue = read;
        }
    }

    /** The latest version of each published quiz and when it was saved, by id in the order of Java's strings. */
    private List<VersionKey> readCatalogueListing() {
        List<VersionKey> listing = new ArrayList<>(jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT v.quiz_id, v.quiz_version, v.saved_at_ms FROM quiz_versions v "
                                + "JOIN published_quizzes p ON p.quiz_id = v.quiz_id "
                                + "WHERE v.quiz_version = (SELECT MAX(w.quiz_version) FROM quiz_versions w "
                                + "WHERE w.quiz_id = v.quiz_id)")
                .map((rs, ctx) -> new VersionKey(rs.getString("quiz_id"), rs.getInt("quiz_version"),
                        rs.getLong("saved_at_ms")))
                .list()));
        listing.sort(Comparator.comparing(VersionKey::quizId));
        return listing;
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
            parsed.invalidateAll();
            versions.invalidateAll();
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
        return keptOr(keptPublished, quizId,
                () -> readPublished(quizId) ? Optional.of(Boolean.TRUE) : Optional.empty()).isPresent();
    }

    private boolean readPublished(String quizId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT COUNT(*) FROM published_quizzes WHERE quiz_id = :id")
                .bind("id", quizId).mapTo(Integer.class).one()) > 0;
    }

    private Quiz parse(String document) {
        Quiz quiz = parsed.getIfPresent(document);
        if (quiz == null) {
            // checked strictly when saved; read back leniently, so that a field a later version no longer knows
            // cannot make a stored quiz unreadable
            quiz = QuizDocumentReader.readLeniently(document).quiz();
            parsed.put(document, quiz);
        }
        return quiz;
    }
}
