package net.defarm.adapters.memory;

import net.defarm.application.scenarios.EventScenarios;
import net.defarm.application.storage.StoragePorts;

class InMemoryEventScenariosTest extends EventScenarios {
    @Override
    protected StoragePorts newStorage() {
        return InMemoryStorage.create();
    }
}
