package net.defarm.adapters.memory;

import net.defarm.application.scenarios.ProofScenarios;
import net.defarm.application.storage.StoragePorts;

class InMemoryProofScenariosTest extends ProofScenarios {
    @Override
    protected StoragePorts newStorage() {
        return InMemoryStorage.create();
    }
}
