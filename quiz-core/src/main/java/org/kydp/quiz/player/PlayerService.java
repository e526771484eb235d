package org.kydp.quiz.player;

import java.time.Clock;
import java.time.Instant;

import org.kydp.quiz.error.NotFoundException;
import org.kydp.quiz.error.UnauthorizedException;
import org.kydp.quiz.internal.TimeOrderedIds;
import org.kydp.quiz.model.Player;
import org.kydp.quiz.store.PlayerStore;

/** Registers players and recognises them by token. */
public final class PlayerService {

    private final PlayerStore players;
    private final Tokens tokens;
    private final Clock clock;

    public PlayerService(PlayerStore players, Tokens tokens, Clock clock) {
        this.players = players;
        this.tokens = tokens;
        this.clock = clock;
    }

    public Registration register(String rawName) {
        String name = PlayerNames.normalise(rawName);
        String token = tokens.newToken();
        Instant now = clock.instant();
        Player player = new Player(TimeOrderedIds.next(now.toEpochMilli()), name, Tokens.hash(token), now);
        players.add(player);
        return new Registration(player, token);
    }

    public Player authenticate(String token) {
        if (token == null || token.isBlank()) {
            throw new UnauthorizedException("a player token is required");
        }
        return players.findByTokenHash(Tokens.hash(token.strip()))
                .orElseThrow(() -> new UnauthorizedException("unknown player token"));
    }

    public Player player(String playerId) {
        return players.find(playerId).orElseThrow(() -> new NotFoundException("player " + playerId + " not found"));
    }
}
