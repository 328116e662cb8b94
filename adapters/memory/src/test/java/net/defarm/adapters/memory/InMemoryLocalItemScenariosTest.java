package net.defarm.adapters.memory;

import net.defarm.application.scenarios.LocalItemScenarios;
import net.defarm.application.storage.StoragePorts;

class InMemoryLocalItemScenariosTest extends LocalItemScenarios {
    @Override
    protected StoragePorts newStorage() {
        return InMemoryStorage.create();
    }
}
