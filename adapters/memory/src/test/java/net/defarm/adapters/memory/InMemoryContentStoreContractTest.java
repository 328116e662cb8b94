package net.defarm.adapters.memory;

import net.defarm.application.contract.ContentStoreContract;
import net.defarm.application.evidence.ContentStore;

class InMemoryContentStoreContractTest extends ContentStoreContract {
    @Override
    protected ContentStore newContentStore() {
        return InMemoryStorage.create().contents();
    }
}
