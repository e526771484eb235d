package org.kydp.quiz.store;

/** The live store contract in memory. */
class InMemoryLiveStoreTest extends LiveStoreContract {

    @Override
    protected Store newStore() {
        return new InMemoryStore();
    }
}
