package net.defarm.adapters.memory;

import net.defarm.application.contract.AuditStoreContract;
import net.defarm.application.storage.StoragePorts;

class InMemoryAuditStoreContractTest extends AuditStoreContract {
    @Override
    protected StoragePorts newStorage() {
        return InMemoryStorage.create();
    }
}
