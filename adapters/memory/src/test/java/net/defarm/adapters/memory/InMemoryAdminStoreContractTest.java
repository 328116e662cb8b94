package net.defarm.adapters.memory;

import net.defarm.application.contract.AdminStoreContract;
import net.defarm.application.storage.StoragePorts;

class InMemoryAdminStoreContractTest extends AdminStoreContract {
    @Override
    protected StoragePorts newStorage() {
        return InMemoryStorage.create();
    }
}
