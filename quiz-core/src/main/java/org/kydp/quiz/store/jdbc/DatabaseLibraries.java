package org.kydp.quiz.store.jdbc;

import org.kydp.quiz.error.StorageException;

/**
 * The libraries a database URL needs beyond the store's own, checked before the store opens its pool. quiz-core
 * declares H2, the PostgreSQL driver and Flyway's PostgreSQL support optional, so that an application that embeds
 * the engine in memory gets none of them: one that opens a store adds those of its database (README, "Storage"),
 * and one that forgot is told which dependency to add, rather than the pool's "No suitable driver".
 */
final class DatabaseLibraries {

    private DatabaseLibraries() {
    }

    /** Throws {@link StorageException} naming the dependency to add when the URL's database lacks one. */
    static void requireFor(String url) {
        if (url.startsWith("jdbc:h2:")) {
            require("org.h2.Driver", "H2", "com.h2database:h2");
        } else if (url.startsWith("jdbc:postgresql:")) {
            require("org.postgresql.Driver", "The PostgreSQL driver", "org.postgresql:postgresql");
            require("org.flywaydb.database.postgresql.PostgreSQLDatabaseType", "Flyway's PostgreSQL support",
                    "org.flywaydb:flyway-database-postgresql");
        }
    }

    private static void require(String className, String what, String dependency) {
        if (!isPresent(className, DatabaseLibraries.class.getClassLoader())
                && !isPresent(className, Thread.currentThread().getContextClassLoader())) {
            throw new StorageException(what + " is not on the class path: add the dependency " + dependency
                    + " (README, \"Storage\": the JDBC store's dependencies are optional in quiz-core)");
        }
    }

    private static boolean isPresent(String className, ClassLoader loader) {
        if (loader == null) {
            return false;
        }
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
