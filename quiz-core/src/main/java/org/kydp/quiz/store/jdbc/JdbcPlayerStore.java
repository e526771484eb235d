package org.kydp.quiz.store.jdbc;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import org.jdbi.v3.core.Jdbi;

import org.kydp.quiz.model.Player;
import org.kydp.quiz.store.PlayerStore;

/** Players, with the hash of their token (never the token). */
final class JdbcPlayerStore implements PlayerStore {

    private static final String COLUMNS = "player_id, display_name, token_hash, created_at_ms";

    private final Jdbi jdbi;
    private final Writes writes;
    /**
     * Players as stored, by token hash and by id. A stored player never changes and is never deleted (the port has
     * no such operation), so a player read once, here or from another server's write, stays right: every play
     * request authenticates, and this saves it a query. Each bounded ({@link CacheSizes#players()}, about 4 MB for
     * both at the default): past the bound, the players least seen lately are dropped, and read again if they come
     * back.
     */
    private final Cache<String, Player> byTokenHash;
    private final Cache<String, Player> byId;

    JdbcPlayerStore(Jdbi jdbi, Writes writes, Cache<String, Player> byId, Cache<String, Player> byTokenHash) {
        this.jdbi = jdbi;
        this.writes = writes;
        this.byId = byId;
        this.byTokenHash = byTokenHash;
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
        byId.put(player.id(), player);
        byTokenHash.put(player.tokenHash(), player);
        return player;
    }

    @Override
    public Optional<Player> find(String playerId) {
        Player known = byId.getIfPresent(playerId);
        return known != null ? Optional.of(known) : findBy("player_id", playerId);
    }

    @Override
    public Optional<Player> findByTokenHash(String tokenHash) {
        Player known = byTokenHash.getIfPresent(tokenHash);
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
