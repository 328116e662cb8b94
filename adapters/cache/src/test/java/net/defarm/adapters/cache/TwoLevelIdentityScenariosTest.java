package net.defarm.adapters.cache;

import net.defarm.application.scenarios.IdentityScenarios;
import net.defarm.application.storage.StoragePorts;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The use cases' scenarios on PostgreSQL behind both cache tiers. */
class TwoLevelIdentityScenariosTest extends IdentityScenarios {

    @RegisterExtension
    static final CachedStore STORE = new CachedStore(CacheSettings.Kind.TWO_LEVEL);

    @Override
    protected StoragePorts newStorage() {
        return STORE.fresh();
    }
}
