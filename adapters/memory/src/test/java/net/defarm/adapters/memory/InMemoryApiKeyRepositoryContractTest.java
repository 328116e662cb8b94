package net.defarm.adapters.memory;

import net.defarm.application.contract.ApiKeyRepositoryContract;
import net.defarm.application.storage.StoragePorts;

class InMemoryApiKeyRepositoryContractTest extends ApiKeyRepositoryContract {
    @Override
    protected StoragePorts newStorage() {
        return InMemoryStorage.create();
    }
}
