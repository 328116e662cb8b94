package net.defarm.adapters.memory;

import net.defarm.application.contract.IdentityAndPendingContract;
import net.defarm.application.storage.StoragePorts;

class InMemoryIdentityAndPendingContractTest extends IdentityAndPendingContract {
    @Override
    protected StoragePorts newStorage() {
        return InMemoryStorage.create();
    }
}
