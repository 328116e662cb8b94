package net.defarm.adapters.cache;

import net.defarm.application.contract.IdentityAndPendingContract;
import net.defarm.application.storage.StoragePorts;
import org.junit.jupiter.api.extension.RegisterExtension;

class LruIdentityAndPendingContractTest extends IdentityAndPendingContract {

    @RegisterExtension
    static final CachedStore STORE = new CachedStore(CacheSettings.Kind.LRU);

    @Override
    protected StoragePorts newStorage() {
        return STORE.fresh();
    }
}
