package net.defarm.adapters.memory;

import net.defarm.application.scenarios.CircuitScenarios;
import net.defarm.application.storage.StoragePorts;

class InMemoryCircuitScenariosTest extends CircuitScenarios {
    @Override
    protected StoragePorts newStorage() {
        return InMemoryStorage.create();
    }
}
