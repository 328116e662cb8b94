package net.defarm.adapters.memory;

import net.defarm.application.contract.StoreExportContract;
import net.defarm.application.storage.StoragePorts;

class InMemoryStoreExportContractTest extends StoreExportContract {
    @Override
    protected StoragePorts newStorage() {
        return InMemoryStorage.create();
    }
}
