package net.defarm.adapters.writethrough;

import net.defarm.application.contract.AuditStoreContract;
import net.defarm.application.storage.StoragePorts;
import org.junit.jupiter.api.extension.RegisterExtension;

class WriteThroughAuditStoreContractTest extends AuditStoreContract {

    @RegisterExtension
    static final WriteThroughStores STORE = new WriteThroughStores();

    @Override
    protected StoragePorts newStorage() {
        return STORE.fresh();
    }
}
