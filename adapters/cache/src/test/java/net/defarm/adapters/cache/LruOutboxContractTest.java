package net.defarm.adapters.cache;

import net.defarm.application.contract.OutboxContract;
import net.defarm.application.storage.StoragePorts;
import org.junit.jupiter.api.extension.RegisterExtension;

class LruOutboxContractTest extends OutboxContract {

    @RegisterExtension
    static final CachedStore STORE = new CachedStore(CacheSettings.Kind.LRU);

    @Override
    protected StoragePorts newStorage() {
        return STORE.fresh();
    }
}
