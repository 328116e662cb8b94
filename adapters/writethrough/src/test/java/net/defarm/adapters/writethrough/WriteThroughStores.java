package net.defarm.adapters.writethrough;

import net.defarm.adapters.memory.InMemoryStorage;
import net.defarm.adapters.postgres.PostgresStoreTests;
import net.defarm.application.storage.StoragePorts;
import net.defarm.application.testing.ClassStore;

/** Memory backed by a migrated PostgreSQL schema; every fresh store starts from empty tables and empty memory. */
final class WriteThroughStores implements ClassStore {

    private final PostgresStoreTests postgres = new PostgresStoreTests();

    @Override
    public WriteThroughStores open() {
        postgres.open();
        return this;
    }

    StoragePorts fresh() {
        postgres.fresh();
        return restarted();
    }

    /** A new process over the same database: memory loaded from PostgreSQL. */
    StoragePorts restarted() {
        InMemoryStorage.Opened memory = InMemoryStorage.open();
        return WriteThroughStorage.open(memory.ports(), memory.restore(), postgres.storage().ports()).ports();
    }

    StoragePorts database() {
        return postgres.storage().ports();
    }

    @Override
    public void close() {
        postgres.close();
    }
}
