package net.defarm.adapters.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import net.defarm.application.contract.NotificationFeedContract;
import net.defarm.application.notifications.NotificationFeed;
import net.defarm.application.storage.StoragePorts;
import net.defarm.domain.notifications.Notification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresNotificationFeedContractTest extends NotificationFeedContract {

    @RegisterExtension
    static final PostgresStoreTests STORE = new PostgresStoreTests();

    @Override
    protected StoragePorts newStorage() {
        return STORE.fresh();
    }

    private Notification stored(String userId) {
        Notification n = Notification.joinRequestReceived(UUID.randomUUID(), userId, "Feed circuit",
                UUID.randomUUID().toString(), "user-requester", "please", micros("2025-06-01T12:00:00.123456Z"));
        store.unitOfWork().inTransaction(() -> store.notifications().insert(n));
        return n;
    }

    // The channel is shared by every instance on the schema: a payload naming one user with another user's
    // notification id (a bug, or anyone who may NOTIFY) must not hand that notification to the named user.
    @Test
    void anAnnouncementIsDeliveredOnlyToTheUserTheNotificationBelongsTo() throws Exception {
        String owner = newOwner();
        String intruder = newOwner();
        BlockingQueue<Notification> heard = new LinkedBlockingQueue<>();
        try (NotificationFeed.Subscription s = store.notificationFeed().subscribe(intruder, heard::add)) {
            Notification owners = stored(owner);
            STORE.database().execute("SELECT pg_notify(" + PostgresNotificationFeed.CHANNEL_SQL + ", '"
                    + owners.id() + " " + intruder + "')");
            Notification own = stored(intruder);
            store.unitOfWork().inTransaction(() -> store.notificationFeed().announce(own));
            // Deliveries keep commit order: the owner's would come first if it leaked.
            Notification first = heard.poll(20, TimeUnit.SECONDS);
            assertNotNull(first, "nothing delivered");
            assertEquals(own.id(), first.id());
            assertNull(heard.poll());
        }
    }
}
