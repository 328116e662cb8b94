package net.defarm.adapters.memory;

import net.defarm.application.scenarios.DeliveryScenarios;
import net.defarm.application.storage.StoragePorts;

class InMemoryDeliveryScenariosTest extends DeliveryScenarios {
    @Override
    protected StoragePorts newStorage() {
        return InMemoryStorage.create();
    }
}
