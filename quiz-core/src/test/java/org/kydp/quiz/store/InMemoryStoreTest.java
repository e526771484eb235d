package org.kydp.quiz.store;

/** The store contract, in memory. */
class InMemoryStoreTest extends StoreContract {

    @Override
    protected Store newStore() {
        return new InMemoryStore();
    }
}
