package net.defarm.adapters.memory;

import net.defarm.application.contract.AnchorLedgerContract;
import net.defarm.application.storage.StoragePorts;

class InMemoryAnchorLedgerContractTest extends AnchorLedgerContract {
    @Override
    protected StoragePorts newStorage() {
        return InMemoryStorage.create();
    }
}
