package org.kydp.quiz.store;

/** Everything the engine keeps, as one set of ports. */
public interface Store {

    QuizStore quizzes();

    PlayerStore players();

    AttemptStore attempts();

    PollStore polls();

    LiveStore live();

    /** The running sums of the statistics, which the attempt store adds to as attempts start and finish. */
    StatisticsStore statistics();

    /**
     * Asks to be told of changes that other engines sharing this store make (servers sharing a PostgreSQL database;
     * engines sharing one in-memory store hear of each other's live sessions). A store that only one engine uses
     * (an H2 file) never calls the listener.
     */
    default void addListener(StoreListener listener) {
    }

    /**
     * Checks that the store can be reached now, quickly.
     *
     * @throws org.kydp.quiz.error.StorageException if it cannot, with what failed
     */
    default void check() {
    }
}
