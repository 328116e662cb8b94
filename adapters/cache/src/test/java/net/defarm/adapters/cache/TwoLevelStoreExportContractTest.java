package net.defarm.adapters.cache;

import net.defarm.application.contract.StoreExportContract;
import net.defarm.application.storage.StoragePorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class TwoLevelStoreExportContractTest extends StoreExportContract {

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
