package net.defarm.adapters.postgres;

import net.defarm.application.scenarios.CreditScenarios;
import net.defarm.application.storage.StoragePorts;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresCreditScenariosTest extends CreditScenarios {

    @RegisterExtension
    static final PostgresStoreTests STORE = new PostgresStoreTests();

    @Override
    protected StoragePorts newStorage() {
        return STORE.fresh();
    }
}
