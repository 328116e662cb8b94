package net.defarm.adapters.postgres;

import net.defarm.application.scenarios.PasswordResetScenarios;
import net.defarm.application.storage.StoragePorts;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresPasswordResetScenariosTest extends PasswordResetScenarios {

    @RegisterExtension
    static final PostgresStoreTests STORE = new PostgresStoreTests();

    @Override
    protected StoragePorts newStorage() {
        return STORE.fresh();
    }
}
