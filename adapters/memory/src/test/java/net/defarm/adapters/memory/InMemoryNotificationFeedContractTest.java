package net.defarm.adapters.memory;

import net.defarm.application.contract.NotificationFeedContract;
import net.defarm.application.storage.StoragePorts;

class InMemoryNotificationFeedContractTest extends NotificationFeedContract {
    @Override
    protected StoragePorts newStorage() {
        return InMemoryStorage.create();
    }
}
