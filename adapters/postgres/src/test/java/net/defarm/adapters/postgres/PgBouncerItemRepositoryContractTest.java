package net.defarm.adapters.postgres;

import net.defarm.application.contract.ItemRepositoryContract;
import net.defarm.application.storage.StoragePorts;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The ItemRepository contract through PgBouncer in transaction mode (see {@link PgBouncerStoreTests}). */
class PgBouncerItemRepositoryContractTest extends ItemRepositoryContract {

    @RegisterExtension
    static final PgBouncerStoreTests STORE = new PgBouncerStoreTests();

    @Override
    protected StoragePorts newStorage() {
        return STORE.fresh();
    }
}
