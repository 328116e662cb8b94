package net.defarm.adapters.memory;

import net.defarm.application.contract.EventRepositoryContract;
import net.defarm.application.storage.StoragePorts;

class InMemoryEventRepositoryContractTest extends EventRepositoryContract {
    @Override
    protected StoragePorts newStorage() {
        return InMemoryStorage.create();
    }
}
