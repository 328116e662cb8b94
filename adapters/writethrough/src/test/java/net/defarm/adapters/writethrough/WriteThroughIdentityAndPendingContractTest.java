package net.defarm.adapters.writethrough;

import net.defarm.application.contract.IdentityAndPendingContract;
import net.defarm.application.storage.StoragePorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class WriteThroughIdentityAndPendingContractTest extends IdentityAndPendingContract {

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
