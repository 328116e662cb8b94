package net.defarm.adapters.writethrough;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.defarm.application.notifications.NotificationRepository;
import net.defarm.domain.notifications.Notification;

/** Notifications: read from memory; every change to memory, then to the durable store, in one unit of work. */
final class WriteThroughNotificationRepository implements NotificationRepository {

    private final Mirror<NotificationRepository> stores;

    WriteThroughNotificationRepository(Mirror<NotificationRepository> stores) {
        this.stores = stores;
    }

    @Override
    public void insert(Notification notification) {
        stores.write(port -> port.insert(notification));
    }

    @Override
    public Optional<Notification> findById(UUID id) {
        return stores.memory().findById(id);
    }

    @Override
    public boolean markRead(UUID id) {
        return stores.memoryDecides(port -> port.markRead(id));
    }

    @Override
    public int markAllRead(String userId) {
        return stores.memoryDecides(port -> port.markAllRead(userId));
    }

    @Override
    public long countUnread(String userId) {
        return stores.memory().countUnread(userId);
    }

    @Override
    public boolean delete(UUID id) {
        return stores.memoryDecides(port -> port.delete(id));
    }

    @Override
    public List<Notification> find(String userId, Instant sinceExclusive, boolean unreadOnly, NotificationKey before,
                                   int limit) {
        return stores.memory().find(userId, sinceExclusive, unreadOnly, before, limit);
    }
}
