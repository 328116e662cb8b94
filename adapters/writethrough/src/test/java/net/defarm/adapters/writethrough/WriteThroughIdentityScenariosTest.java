package net.defarm.adapters.writethrough;

import net.defarm.application.scenarios.IdentityScenarios;
import net.defarm.application.storage.StoragePorts;
import org.junit.jupiter.api.extension.RegisterExtension;

class WriteThroughIdentityScenariosTest extends IdentityScenarios {

    @RegisterExtension
    static final WriteThroughStores STORES = new WriteThroughStores();

    @Override
    protected StoragePorts newStorage() {
        return STORES.fresh();
    }
}
