package net.defarm.adapters.writethrough;

import net.defarm.application.contract.ReceiptRepositoryContract;
import net.defarm.application.storage.StoragePorts;
import org.junit.jupiter.api.extension.RegisterExtension;

class WriteThroughReceiptRepositoryContractTest extends ReceiptRepositoryContract {

    @RegisterExtension
    static final WriteThroughStores STORE = new WriteThroughStores();

    @Override
    protected StoragePorts newStorage() {
        return STORE.fresh();
    }
}
