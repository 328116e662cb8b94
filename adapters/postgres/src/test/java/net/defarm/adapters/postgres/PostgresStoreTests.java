package net.defarm.adapters.postgres;

import net.defarm.application.storage.StoragePorts;

/** One migrated schema and one store per test class; each test starts from empty tables. */
final class PostgresStoreTests {

    private TestDatabase database;
    private PostgresStorage storage;

    void open() {
        database = TestDatabase.create();
        storage = PostgresStorage.open(database.settings());
    }

    StoragePorts fresh() {
        database.truncate();
        return storage.ports();
    }

    TestDatabase database() {
        return database;
    }

    PostgresStorage storage() {
        return storage;
    }

    void close() {
        storage.close();
        database.close();
    }
}
