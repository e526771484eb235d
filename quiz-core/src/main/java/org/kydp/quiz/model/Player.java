package org.kydp.quiz.model;

import java.time.Instant;
import java.util.Objects;

/** A registered player. The token is never kept: only its hash. */
public record Player(String id, String name, String tokenHash, Instant createdAt) {

    public Player {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
