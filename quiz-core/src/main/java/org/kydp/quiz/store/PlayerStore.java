package org.kydp.quiz.store;

import java.util.Optional;

import org.kydp.quiz.model.Player;

/** Keeps players. */
public interface PlayerStore {

    void add(Player player);

    Optional<Player> find(String playerId);

    Optional<Player> findByTokenHash(String tokenHash);
}
