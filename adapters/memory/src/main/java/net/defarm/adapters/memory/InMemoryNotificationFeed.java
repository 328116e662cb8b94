package net.defarm.adapters.memory;

import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import net.defarm.application.notifications.NotificationFeed;
import net.defarm.domain.notifications.Notification;

/**
 * The live feed of a single process: an announced notification goes to this process's subscribers once the memory
 * unit of work that inserted it has committed (never when it rolls back).
 */
public final class InMemoryNotificationFeed implements NotificationFeed {

    private static final System.Logger LOG = System.getLogger(InMemoryNotificationFeed.class.getName());

    private final InMemoryUnitOfWork uow;
    private final Map<String, Set<Consumer<Notification>>> subscribers = new ConcurrentHashMap<>();

    public InMemoryNotificationFeed(InMemoryUnitOfWork uow) {
        this.uow = uow;
    }

    @Override
    public void announce(Notification notification) {
        uow.afterCommit(() -> deliver(notification));
    }

    private void deliver(Notification notification) {
        for (Consumer<Notification> listener : subscribers.getOrDefault(notification.userId(), Set.of())) {
            try {
                listener.accept(notification);
            } catch (RuntimeException e) {
                // One broken subscriber must not keep the notification from the others, nor fail the committed write.
                LOG.log(Level.WARNING, "a notification subscriber failed: " + e);
            }
        }
    }

    @Override
    public Subscription subscribe(String userId, Consumer<Notification> listener) {
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
}
