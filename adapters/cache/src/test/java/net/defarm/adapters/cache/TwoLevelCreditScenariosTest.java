package net.defarm.adapters.cache;

import net.defarm.application.scenarios.CreditScenarios;
import net.defarm.application.storage.StoragePorts;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The use cases' scenarios on PostgreSQL behind both cache tiers. */
class TwoLevelCreditScenariosTest extends CreditScenarios {

    @RegisterExtension
    static final CachedStore STORE = new CachedStore(CacheSettings.Kind.TWO_LEVEL);

    @Override
    protected StoragePorts newStorage() {
        return STORE.fresh();
    }
}
