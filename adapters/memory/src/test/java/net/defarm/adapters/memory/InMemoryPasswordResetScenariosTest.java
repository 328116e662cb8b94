package net.defarm.adapters.memory;

import net.defarm.application.scenarios.PasswordResetScenarios;
import net.defarm.application.storage.StoragePorts;

class InMemoryPasswordResetScenariosTest extends PasswordResetScenarios {
    @Override
    protected StoragePorts newStorage() {
        return InMemoryStorage.create();
    }
}
