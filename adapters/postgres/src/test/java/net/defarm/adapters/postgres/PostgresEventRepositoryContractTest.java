package net.defarm.adapters.postgres;

import net.defarm.application.contract.EventRepositoryContract;
import net.defarm.application.storage.StoragePorts;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresEventRepositoryContractTest extends EventRepositoryContract {

    @RegisterExtension
    static final PostgresStoreTests STORE = new PostgresStoreTests();

    @Override
    protected StoragePorts newStorage() {
        return STORE.fresh();
    }
}
