package net.defarm.adapters.memory;

import net.defarm.application.scenarios.CreditScenarios;
import net.defarm.application.storage.StoragePorts;

class InMemoryCreditScenariosTest extends CreditScenarios {
    @Override
    protected StoragePorts newStorage() {
        return InMemoryStorage.create();
    }
}
