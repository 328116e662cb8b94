package net.defarm.adapters.memory;

import net.defarm.application.contract.ReceiptRepositoryContract;
import net.defarm.application.storage.StoragePorts;

class InMemoryReceiptRepositoryContractTest extends ReceiptRepositoryContract {
    @Override
    protected StoragePorts newStorage() {
        return InMemoryStorage.create();
    }
}
