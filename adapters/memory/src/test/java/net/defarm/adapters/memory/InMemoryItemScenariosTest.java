package net.defarm.adapters.memory;

import net.defarm.application.scenarios.ItemScenarios;
import net.defarm.application.storage.StoragePorts;

class InMemoryItemScenariosTest extends ItemScenarios {
    @Override
    protected StoragePorts newStorage() {
        return InMemoryStorage.create();
    }
}
