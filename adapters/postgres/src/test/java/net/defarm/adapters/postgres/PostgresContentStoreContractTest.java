package net.defarm.adapters.postgres;

import net.defarm.application.contract.ContentStoreContract;
import net.defarm.application.evidence.ContentStore;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresContentStoreContractTest extends ContentStoreContract {

    @RegisterExtension
    static final PostgresStoreTests STORE = new PostgresStoreTests();

    @Override
    protected ContentStore newContentStore() {
        return STORE.fresh().contents();
    }
}
