package net.defarm.adapters.cache;

import net.defarm.application.scenarios.ProofScenarios;
import net.defarm.application.storage.StoragePorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The use cases' scenarios on PostgreSQL behind both cache tiers. */
class TwoLevelProofScenariosTest extends ProofScenarios {

    private static final CachedStore STORE = new CachedStore(CacheSettings.Kind.TWO_LEVEL);

    @BeforeAll
    static void open() {
        STORE.open();
    }

    @AfterAll
    static void close() {
        STORE.close();
    }

    @Override
    protected StoragePorts newStorage() {
        return STORE.fresh();
    }
}
