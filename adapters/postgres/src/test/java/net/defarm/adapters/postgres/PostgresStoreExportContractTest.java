package net.defarm.adapters.postgres;

import net.defarm.application.contract.StoreExportContract;
import net.defarm.application.storage.StoragePorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PostgresStoreExportContractTest extends StoreExportContract {

    private static final PostgresStoreTests STORE = new PostgresStoreTests();

    @BeforeAll
    static void open() {
        STORE.open();
    }

    @AfterAll
    static void close() {
        STORE.close();
    }

    @Override
    protected StoragePorts newStorage() {
        return STORE.fresh();
    }
}
