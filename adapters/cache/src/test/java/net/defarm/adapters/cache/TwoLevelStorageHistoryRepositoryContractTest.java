package net.defarm.adapters.cache;

import net.defarm.application.contract.StorageHistoryRepositoryContract;
import net.defarm.application.storage.StoragePorts;
import org.junit.jupiter.api.extension.RegisterExtension;

class TwoLevelStorageHistoryRepositoryContractTest extends StorageHistoryRepositoryContract {

    @RegisterExtension
    static final CachedStore STORE = new CachedStore(CacheSettings.Kind.TWO_LEVEL);

    @Override
    protected StoragePorts newStorage() {
        return STORE.fresh();
    }
}
