package net.defarm.adapters.memory;

import java.util.function.Consumer;
import net.defarm.application.notifications.NotificationFeed;
import net.defarm.application.notifications.NotificationSubscribers;
import net.defarm.domain.notifications.Notification;

/**
 * The live feed of a single process: an announced notification goes to this process's subscribers once the memory
 * unit of work that inserted it has committed (never when it rolls back).
 */
public final class InMemoryNotificationFeed implements NotificationFeed {

    private final InMemoryUnitOfWork uow;
    private final NotificationSubscribers subscribers = new NotificationSubscribers();

    public InMemoryNotificationFeed(InMemoryUnitOfWork uow) {
        this.uow = uow;
    }

    @Override
    public void announce(Notification notification) {
        uow.afterCommit(() -> subscribers.deliver(notification));
    }

    @Override
    public Subscription subscribe(String userId, Consumer<Notification> listener) {
        return subscribers.add(userId, listener);
    }
}
