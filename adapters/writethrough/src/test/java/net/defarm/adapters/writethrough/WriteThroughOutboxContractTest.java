package net.defarm.adapters.writethrough;

import net.defarm.application.contract.OutboxContract;
import net.defarm.application.storage.StoragePorts;
import org.junit.jupiter.api.extension.RegisterExtension;

class WriteThroughOutboxContractTest extends OutboxContract {

    @RegisterExtension
    static final WriteThroughStores STORES = new WriteThroughStores();

    @Override
    protected StoragePorts newStorage() {
        return STORES.fresh();
    }
}
