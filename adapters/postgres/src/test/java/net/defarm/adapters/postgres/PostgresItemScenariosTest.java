package net.defarm.adapters.postgres;

import net.defarm.application.scenarios.ItemScenarios;
import net.defarm.application.storage.StoragePorts;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresItemScenariosTest extends ItemScenarios {

    @RegisterExtension
    static final PostgresStoreTests STORE = new PostgresStoreTests();

    @Override
    protected StoragePorts newStorage() {
        return STORE.fresh();
    }
}
