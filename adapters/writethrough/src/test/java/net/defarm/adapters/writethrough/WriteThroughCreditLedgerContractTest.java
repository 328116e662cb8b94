package net.defarm.adapters.writethrough;

import net.defarm.application.contract.CreditLedgerContract;
import net.defarm.application.storage.StoragePorts;
import org.junit.jupiter.api.extension.RegisterExtension;

class WriteThroughCreditLedgerContractTest extends CreditLedgerContract {

    @RegisterExtension
    static final WriteThroughStores STORE = new WriteThroughStores();

    @Override
    protected StoragePorts newStorage() {
        return STORE.fresh();
    }
}
