package org.kydp.quiz.store.jdbc;

import java.nio.file.Path;

import org.kydp.quiz.QuizEngine;

/**
 * Opens a store on the H2 file in the directory {@code args[0]} and exits; a shutdown hook then registers the player
 * {@code args[1]} a moment later, as a server stopping lets a request in flight finish, and closes the store. Prints
 * what the hook did: for {@code ShutdownWritesTest}.
 */
public final class WriteWhileExiting {

    private WriteWhileExiting() {
    }

    public static void main(String[] args) {
        JdbcStore store = JdbcStore.open(JdbcConfig.h2(Path.of(args[0])));
        QuizEngine engine = QuizEngine.builder().store(store).build();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Thread.sleep(300); // H2's own exit hook, if it ran, has closed its databases by now
                System.out.println("registered " + engine.registerPlayer(args[1]).player().id());
            } catch (RuntimeException | InterruptedException e) {
                System.out.println("failed: " + e);
            } finally {
                store.close();
            }
        }));
        System.exit(0);
    }
}
