package net.defarm.application.notifications;

import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import net.defarm.domain.notifications.Notification;

/**
 * The live subscribers of one process, by user id: what every {@link NotificationFeed} keeps, whatever carries the
 * announcements to it.
 */
public final class NotificationSubscribers {

    private static final System.Logger LOG = System.getLogger(NotificationSubscribers.class.getName());

    private final Map<String, Set<Consumer<Notification>>> subscribers = new ConcurrentHashMap<>();

    /** Adds a listener for {@code userId}; closing the subscription removes it. */
    public NotificationFeed.Subscription add(String userId, Consumer<Notification> listener) {
        // A distinct object per subscription, so the same listener subscribed twice is removed once per close.
        Consumer<Notification> entry = listener::accept;
        subscribers.compute(userId, (k, set) -> {
            Set<Consumer<Notification>> listeners = set == null ? ConcurrentHashMap.newKeySet() : set;
            listeners.add(entry);
            return listeners;
        });
        return () -> subscribers.computeIfPresent(userId, (k, set) -> {
            set.remove(entry);
            return set.isEmpty() ? null : set;
        });
    }

    /** Whether anyone here follows {@code userId}. */
    public boolean follows(String userId) {
        Set<Consumer<Notification>> listeners = subscribers.get(userId);
        return listeners != null && !listeners.isEmpty();
    }

    /** Hands the notification to each subscriber of its user. */
    public void deliver(Notification notification) {
        for (Consumer<Notification> listener : subscribers.getOrDefault(notification.userId(), Set.of())) {
            try {
                listener.accept(notification);
            } catch (RuntimeException e) {
                // One broken subscriber must not keep the notification from the others, nor fail the committed write.
                LOG.log(Level.WARNING, "a notification subscriber failed: " + e);
            }
        }
    }
}
