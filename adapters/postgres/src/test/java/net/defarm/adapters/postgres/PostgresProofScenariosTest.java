package net.defarm.adapters.postgres;

import net.defarm.application.scenarios.ProofScenarios;
import net.defarm.application.storage.StoragePorts;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresProofScenariosTest extends ProofScenarios {

    @RegisterExtension
    static final PostgresStoreTests STORE = new PostgresStoreTests();

    @Override
    protected StoragePorts newStorage() {
        return STORE.fresh();
    }
}
