package org.kydp.quiz.store.jdbc;

/**
 * Told of every group the store's committer has committed ({@link JdbcStore#onGroupCommit}), for metrics: how many
 * writes shared the commit and how long it took. Runs on the committer thread, between two groups: it must return at
 * once and never throw.
 */
@FunctionalInterface
public interface GroupCommitListener {

    /** Tells nobody. */
    GroupCommitListener NONE = (writes, nanos) -> { };

    /**
     * A group was committed, or failed and had each of its writes tried again alone.
     *
     * @param writes how many writes the group held
     * @param nanos  how long committing it took, in nanoseconds, retries included
     */
    void committed(int writes, long nanos);
}
