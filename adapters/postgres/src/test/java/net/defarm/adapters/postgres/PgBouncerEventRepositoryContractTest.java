package net.defarm.adapters.postgres;

import net.defarm.application.contract.EventRepositoryContract;
import net.defarm.application.storage.StoragePorts;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The EventRepository contract through PgBouncer in transaction mode (see {@link PgBouncerStoreTests}). */
class PgBouncerEventRepositoryContractTest extends EventRepositoryContract {

    @RegisterExtension
    static final PgBouncerStoreTests STORE = new PgBouncerStoreTests();

    @Override
    protected StoragePorts newStorage() {
        return STORE.fresh();
    }
}
