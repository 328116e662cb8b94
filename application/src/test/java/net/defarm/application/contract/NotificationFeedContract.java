package net.defarm.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import net.defarm.application.notifications.NotificationFeed;
import net.defarm.domain.notifications.Notification;
import org.junit.jupiter.api.Test;

/**
 * The live feed of every store: a notification announced in a committed unit of work reaches the subscribers of
 * its user (and only them), never when the unit rolls back, never after a subscription is closed. Delivery may be
 * asynchronous (PostgreSQL), so waits are bounded by a generous deadline; absence is proven by a later delivery
 * overtaking nothing, never by sleeping.
 */
public abstract class NotificationFeedContract extends StoreContract {

    /** Generous: only a broken feed waits this long. */
    private static final long WAIT_SECONDS = 20;

    private Notification newNotification(String userId) {
        return Notification.joinRequestReceived(UUID.randomUUID(), userId, "Feed circuit",
                UUID.randomUUID().toString(), "user-requester", "please", micros("2025-06-01T12:00:00.123456Z"));
    }

    private Notification commit(Notification n) {
        store.unitOfWork().inTransaction(() -> {
            store.notifications().insert(n);
            store.notificationFeed().announce(n);
        });
        return n;
    }

    private static Notification next(BlockingQueue<Notification> heard) throws InterruptedException {
        Notification n = heard.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(n, "nothing delivered within " + WAIT_SECONDS + " s");
        return n;
    }

    @Test
    void aCommittedNotificationReachesItsUsersSubscribersOnly() throws Exception {
        String owner = newOwner();
        String other = newOwner();
        BlockingQueue<Notification> mine = new LinkedBlockingQueue<>();
        BlockingQueue<Notification> theirs = new LinkedBlockingQueue<>();
        try (NotificationFeed.Subscription a = store.notificationFeed().subscribe(owner, mine::add);
             NotificationFeed.Subscription b = store.notificationFeed().subscribe(other, theirs::add)) {
            Notification n = commit(newNotification(owner));
            Notification heard = next(mine);
            assertEquals(n, heard, "delivered as stored");
            Notification forOther = commit(newNotification(other));
            assertEquals(forOther.id(), next(theirs).id(), "the other user hears only their own");
            assertNull(mine.poll(), "nothing else for the owner");
        }
    }

    @Test
    void aRolledBackNotificationIsNeverDelivered() throws Exception {
        String owner = newOwner();
        BlockingQueue<Notification> heard = new LinkedBlockingQueue<>();
        try (NotificationFeed.Subscription s = store.notificationFeed().subscribe(owner, heard::add)) {
            Notification rolledBack = newNotification(owner);
            assertThrows(IllegalStateException.class, () -> store.unitOfWork().inTransaction(() -> {
                store.notifications().insert(rolledBack);
                store.notificationFeed().announce(rolledBack);
                throw new IllegalStateException("the use case fails after announcing");
            }));
            Notification committed = commit(newNotification(owner));
            // Deliveries keep commit order, so the first one heard would be the rolled-back one if it leaked.
            assertEquals(committed.id(), next(heard).id());
            assertNull(heard.poll());
        }
    }

    @Test
    void aClosedSubscriptionHearsNothingMore() throws Exception {
        String owner = newOwner();
        BlockingQueue<Notification> closed = new LinkedBlockingQueue<>();
        BlockingQueue<Notification> open = new LinkedBlockingQueue<>();
        NotificationFeed.Subscription first = store.notificationFeed().subscribe(owner, closed::add);
        try (NotificationFeed.Subscription second = store.notificationFeed().subscribe(owner, open::add)) {
            first.close();
            first.close();
            Notification n = commit(newNotification(owner));
            assertEquals(n.id(), next(open).id());
            assertNull(closed.poll(), "the closed subscription heard it");
        }
    }

    @Test
    void everySubscriberOfTheUserHearsIt() throws Exception {
        String owner = newOwner();
        BlockingQueue<Notification> laptop = new LinkedBlockingQueue<>();
        BlockingQueue<Notification> phone = new LinkedBlockingQueue<>();
        try (NotificationFeed.Subscription a = store.notificationFeed().subscribe(owner, laptop::add);
             NotificationFeed.Subscription b = store.notificationFeed().subscribe(owner, phone::add)) {
            Notification n = commit(newNotification(owner));
            assertEquals(n.id(), next(laptop).id());
            assertEquals(n.id(), next(phone).id());
        }
    }
}
