package org.kydp.quiz.player;

import org.kydp.quiz.model.Player;

/** A new player and the secret token that authenticates them. The token is shown once and never stored. */
public record Registration(Player player, String token) {

    @Override
    public String toString() {
        return "Registration[player=" + player.id() + ", token=<hidden>]";
    }
}
