package net.defarm.adapters.memory;

import net.defarm.application.scenarios.IdentityScenarios;
import net.defarm.application.storage.StoragePorts;

class InMemoryIdentityScenariosTest extends IdentityScenarios {
    @Override
    protected StoragePorts newStorage() {
        return InMemoryStorage.create();
    }
}
