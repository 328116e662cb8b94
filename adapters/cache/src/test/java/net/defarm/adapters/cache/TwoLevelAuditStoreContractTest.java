package net.defarm.adapters.cache;

import net.defarm.application.contract.AuditStoreContract;
import net.defarm.application.storage.StoragePorts;
import org.junit.jupiter.api.extension.RegisterExtension;

class TwoLevelAuditStoreContractTest extends AuditStoreContract {

    @RegisterExtension
    static final CachedStore STORE = new CachedStore(CacheSettings.Kind.TWO_LEVEL);

    @Override
    protected StoragePorts newStorage() {
        return STORE.fresh();
    }
}
