package net.defarm.adapters.cache;

import net.defarm.application.contract.IdentityAndPendingContract;
import net.defarm.application.storage.StoragePorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class RedisIdentityAndPendingContractTest extends IdentityAndPendingContract {

    private static final CachedStore STORE = new CachedStore(CacheSettings.Kind.REDIS);

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
