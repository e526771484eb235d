package org.kydp.quiz.store.jdbc;

import java.nio.file.Path;

/**
 * Opens a {@link JdbcStore} on an H2 file in the directory {@code args[0]} and closes it: a program that
 * {@code LeanClassPathTest} runs on a class path without H2, to see what a JDBC-store user without it is told.
 */
public final class OpenH2Store {

    private OpenH2Store() {
    }

    public static void main(String[] args) {
        try (JdbcStore store = JdbcStore.open(JdbcConfig.h2(Path.of(args[0])))) {
            System.out.println("opened");
        }
    }
}
