package net.defarm.adapters.memory;

import net.defarm.application.contract.OutboxContract;
import net.defarm.application.storage.StoragePorts;

class InMemoryOutboxContractTest extends OutboxContract {
    @Override
    protected StoragePorts newStorage() {
        return InMemoryStorage.create();
    }
}
