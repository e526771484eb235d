package org.kydp.quiz.store.jdbc;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jdbi.v3.core.Jdbi;

import org.kydp.quiz.model.Player;
import org.kydp.quiz.store.PlayerStore;

/** Players, with the hash of their token (never the token). */
final class JdbcPlayerStore implements PlayerStore {

    private static final String COLUMNS = "player_id, display_name, token_hash, created_at_ms";

    /**
     * At most this many players are kept in memory (about 4 MB); past it the cache starts again, and players who
     * are playing are read once more.
     */
    private static final int MAX_CACHED = 10_000;

    private final Jdbi jdbi;
    private final Writes writes;
    /**
     * Players as stored, by token hash and by id. A stored player never changes and is never deleted (the port has
     * no such operation), so a player read once, here or from another server's write, stays right: every play
     * request authenticates, and this saves it a query.
     */
    private final Map<String, Player> byTokenHash = new ConcurrentHashMap<>();
    private final Map<String, Player> byId = new ConcurrentHashMap<>();

    JdbcPlayerStore(Jdbi jdbi, Writes writes) {
        this.jdbi = jdbi;
        this.writes = writes;
    }

    @Override
    public void add(Player player) {
        try {
            writes.execute(List.of(new Writes.Statement("INSERT INTO players (" + COLUMNS + ") "
                    + "VALUES (:id, :name, :tokenHash, :createdAt)", Map.of("id", player.id(), "name", player.name(),
                    "tokenHash", player.tokenHash(), "createdAt", player.createdAt().toEpochMilli()))));
        } catch (RuntimeException e) {
            if (SqlErrors.isDuplicateKey(e)) {
                throw new IllegalStateException("duplicate player id or token " + player.id(), e);
            }
            throw e;
        }
        remember(player);
    }

    private Player remember(Player player) {
        if (byId.size() >= MAX_CACHED) {
            byId.clear();
            byTokenHash.clear();
        }
        byId.put(player.id(), player);
        byTokenHash.put(player.tokenHash(), player);
        return player;
    }

    @Override
    public Optional<Player> find(String playerId) {
        Player known = byId.get(playerId);
        return known != null ? Optional.of(known) : findBy("player_id", playerId);
    }

    @Override
    public Optional<Player> findByTokenHash(String tokenHash) {
        Player known = byTokenHash.get(tokenHash);
        return known != null ? Optional.of(known) : findBy("token_hash", tokenHash);
    }

    private Optional<Player> findBy(String column, String value) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM players WHERE "
                        + column + " = :value")
                .bind("value", value)
                .map((rs, ctx) -> new Player(rs.getString("player_id"), rs.getString("display_name"),
                        rs.getString("token_hash"), Instant.ofEpochMilli(rs.getLong("created_at_ms"))))
                .findOne()).map(this::remember);
    }
}
