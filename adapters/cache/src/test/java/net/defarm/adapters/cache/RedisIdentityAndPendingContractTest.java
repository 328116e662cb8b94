package net.defarm.adapters.cache;

import net.defarm.application.contract.IdentityAndPendingContract;
import net.defarm.application.storage.StoragePorts;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisIdentityAndPendingContractTest extends IdentityAndPendingContract {

    @RegisterExtension
    static final CachedStore STORE = new CachedStore(CacheSettings.Kind.REDIS);

    @Override
    protected StoragePorts newStorage() {
        return STORE.fresh();
    }
}
