package net.defarm.adapters.memory;

import net.defarm.application.contract.PasswordResetContract;
import net.defarm.application.storage.StoragePorts;

class InMemoryPasswordResetContractTest extends PasswordResetContract {
    @Override
    protected StoragePorts newStorage() {
        return InMemoryStorage.create();
    }
}
