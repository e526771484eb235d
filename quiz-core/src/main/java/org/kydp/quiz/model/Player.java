package org.kydp.quiz.model;

import java.time.Instant;

import org.kydp.quiz.internal.Arguments;

/** A registered player. The token is never kept: only its hash. */
public record Player(String id, String name, String tokenHash, Instant createdAt) {

    public Player {
        Arguments.required("id", id);
        Arguments.required("name", name);
        Arguments.required("tokenHash", tokenHash);
        Arguments.required("createdAt", createdAt);
    }
}
