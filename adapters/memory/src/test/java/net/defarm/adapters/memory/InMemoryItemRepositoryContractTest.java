package net.defarm.adapters.memory;

import net.defarm.application.contract.ItemRepositoryContract;
import net.defarm.application.storage.StoragePorts;

class InMemoryItemRepositoryContractTest extends ItemRepositoryContract {
    @Override
    protected StoragePorts newStorage() {
        return InMemoryStorage.create();
    }
}
