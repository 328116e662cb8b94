package net.defarm.adapters.postgres;

import net.defarm.application.storage.StoragePorts;
import net.defarm.application.testing.ClassStore;

/**
 * One migrated schema and one store per test class; each test starts from empty tables. The cache and
 * write-through tests build on it.
 */
public final class PostgresStoreTests implements ClassStore {

    private TestDatabase database;
    private PostgresStorage storage;

    @Override
    public PostgresStoreTests open() {
        database = TestDatabase.create();
        storage = PostgresStorage.open(database.settings());
        return this;
    }

    public StoragePorts fresh() {
        database.truncate();
        return storage.ports();
    }

    public TestDatabase database() {
        return database;
    }

    public PostgresStorage storage() {
        return storage;
    }

    @Override
    public void close() {
        storage.close();
        database.close();
    }
}
