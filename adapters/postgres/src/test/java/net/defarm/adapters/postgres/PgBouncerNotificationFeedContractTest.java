package net.defarm.adapters.postgres;

import net.defarm.application.contract.NotificationFeedContract;
import net.defarm.application.storage.StoragePorts;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The NotificationFeed contract through PgBouncer in transaction mode (see {@link PgBouncerStoreTests}). */
class PgBouncerNotificationFeedContractTest extends NotificationFeedContract {

    @RegisterExtension
    static final PgBouncerStoreTests STORE = new PgBouncerStoreTests();

    @Override
    protected StoragePorts newStorage() {
        return STORE.fresh();
    }
}
