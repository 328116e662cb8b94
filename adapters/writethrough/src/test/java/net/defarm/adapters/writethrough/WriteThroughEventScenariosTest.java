package net.defarm.adapters.writethrough;

import net.defarm.application.scenarios.EventScenarios;
import net.defarm.application.storage.StoragePorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class WriteThroughEventScenariosTest extends EventScenarios {

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
