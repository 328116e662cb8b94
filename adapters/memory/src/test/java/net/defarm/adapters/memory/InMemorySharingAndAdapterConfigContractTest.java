package net.defarm.adapters.memory;

import net.defarm.application.contract.SharingAndAdapterConfigContract;
import net.defarm.application.storage.StoragePorts;

class InMemorySharingAndAdapterConfigContractTest extends SharingAndAdapterConfigContract {
    @Override
    protected StoragePorts newStorage() {
        return InMemoryStorage.create();
    }
}
