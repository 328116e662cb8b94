package net.defarm.adapters.memory;

import net.defarm.application.contract.CircuitStoreContract;
import net.defarm.application.storage.StoragePorts;

class InMemoryCircuitStoreContractTest extends CircuitStoreContract {
    @Override
    protected StoragePorts newStorage() {
        return InMemoryStorage.create();
    }
}
