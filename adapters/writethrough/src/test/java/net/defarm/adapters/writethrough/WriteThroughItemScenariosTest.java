package net.defarm.adapters.writethrough;

import net.defarm.application.scenarios.ItemScenarios;
import net.defarm.application.storage.StoragePorts;
import org.junit.jupiter.api.extension.RegisterExtension;

class WriteThroughItemScenariosTest extends ItemScenarios {

    @RegisterExtension
    static final WriteThroughStores STORES = new WriteThroughStores();

    @Override
    protected StoragePorts newStorage() {
        return STORES.fresh();
    }
}
