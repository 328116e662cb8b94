package net.defarm.adapters.memory;

import net.defarm.application.contract.StorageHistoryRepositoryContract;
import net.defarm.application.storage.StoragePorts;

class InMemoryStorageHistoryRepositoryContractTest extends StorageHistoryRepositoryContract {
    @Override
    protected StoragePorts newStorage() {
        return InMemoryStorage.create();
    }
}
