package net.defarm.adapters.cache;

import net.defarm.application.contract.OutboxContract;
import net.defarm.application.storage.StoragePorts;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisOutboxContractTest extends OutboxContract {

    @RegisterExtension
    static final CachedStore STORE = new CachedStore(CacheSettings.Kind.REDIS);

    @Override
    protected StoragePorts newStorage() {
        return STORE.fresh();
    }
}
