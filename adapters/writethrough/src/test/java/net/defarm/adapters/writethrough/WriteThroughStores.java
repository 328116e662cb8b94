package net.defarm.adapters.writethrough;

import net.defarm.adapters.memory.InMemoryStorage;
import net.defarm.adapters.postgres.PostgresStorage;
import net.defarm.adapters.postgres.TestDatabase;
import net.defarm.application.storage.StoragePorts;

/** Memory backed by a migrated PostgreSQL schema; every fresh store starts from empty tables and empty memory. */
final class WriteThroughStores implements AutoCloseable {

    private TestDatabase database;
    private PostgresStorage postgres;

    WriteThroughStores open() {
        database = TestDatabase.create();
        postgres = PostgresStorage.open(database.settings());
        return this;
    }

    StoragePorts fresh() {
        database.truncate();
        return restarted();
    }

    /** A new process over the same database: memory loaded from PostgreSQL. */
    StoragePorts restarted() {
        InMemoryStorage.Opened memory = InMemoryStorage.open();
        return WriteThroughStorage.open(memory.ports(), memory.restore(), postgres.ports()).ports();
    }

    StoragePorts database() {
        return postgres.ports();
    }

    @Override
    public void close() {
        postgres.close();
        database.close();
    }
}
