package net.defarm.application.notifications;

import java.util.function.Consumer;
import net.defarm.application.shared.OutboundPort;
import net.defarm.domain.notifications.Notification;

/**
 * Live delivery of new notifications to the users who are connected, on every instance that shares the store.
 * Delivery follows the store's transactions: a notification announced inside a unit of work reaches subscribers
 * only once that unit commits, and never if it rolls back. Best effort: a subscriber that was not connected (or
 * whose instance was reconnecting to the store) reads what it missed from the notification list.
 */
@OutboundPort
public interface NotificationFeed {

    /** Announces a notification just inserted, in the caller's unit of work when there is one. */
    void announce(Notification notification);

    /**
     * Delivers every notification addressed to {@code userId} that is announced from now on, until the subscription
     * is closed. The listener is called on the feed's own thread: it must hand the notification over and return at
     * once (never block, never do I/O), or it delays everyone else's delivery.
     */
    Subscription subscribe(String userId, Consumer<Notification> listener);

    /** Stops a delivery; closing twice is harmless. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
