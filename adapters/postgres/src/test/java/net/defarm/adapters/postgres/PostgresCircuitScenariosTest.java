package net.defarm.adapters.postgres;

import net.defarm.application.scenarios.CircuitScenarios;
import net.defarm.application.storage.StoragePorts;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresCircuitScenariosTest extends CircuitScenarios {

    @RegisterExtension
    static final PostgresStoreTests STORE = new PostgresStoreTests();

    @Override
    protected StoragePorts newStorage() {
        return STORE.fresh();
    }
}
