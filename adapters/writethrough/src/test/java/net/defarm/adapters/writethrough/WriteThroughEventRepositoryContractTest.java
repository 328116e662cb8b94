package net.defarm.adapters.writethrough;

import net.defarm.application.contract.EventRepositoryContract;
import net.defarm.application.storage.StoragePorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class WriteThroughEventRepositoryContractTest extends EventRepositoryContract {

    private static final WriteThroughStores STORES = new WriteThroughStores();

    @BeforeAll
    static void open() {
        STORES.open();
    }

    @AfterAll
    static void close() {
        STORES.close();
    }

    @Override
    protected StoragePorts newStorage() {
        return STORES.fresh();
    }
}
