package net.defarm.adapters.memory;

import net.defarm.application.contract.CreditLedgerContract;
import net.defarm.application.storage.StoragePorts;

class InMemoryCreditLedgerContractTest extends CreditLedgerContract {
    @Override
    protected StoragePorts newStorage() {
        return InMemoryStorage.create();
    }
}
