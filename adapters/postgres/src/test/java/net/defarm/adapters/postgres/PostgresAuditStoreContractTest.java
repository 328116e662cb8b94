package net.defarm.adapters.postgres;

import net.defarm.application.contract.AuditStoreContract;
import net.defarm.application.storage.StoragePorts;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresAuditStoreContractTest extends AuditStoreContract {

    @RegisterExtension
    static final PostgresStoreTests STORE = new PostgresStoreTests();

    @Override
    protected StoragePorts newStorage() {
        return STORE.fresh();
    }
}
