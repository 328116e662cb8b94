package net.defarm.adapters.writethrough;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.defarm.application.notifications.NotificationRepository;
import net.defarm.application.shared.UnitOfWork;
import net.defarm.domain.notifications.Notification;

/** Notifications: read from memory; every change to memory, then to the durable store, in one unit of work. */
final class WriteThroughNotificationRepository implements NotificationRepository {

    private final NotificationRepository memory;
    private final NotificationRepository durable;
    private final UnitOfWork both;

    WriteThroughNotificationRepository(NotificationRepository memory, NotificationRepository durable,
                                       UnitOfWork both) {
        this.memory = memory;
        this.durable = durable;
        this.both = both;
    }

    @Override
    public void insert(Notification notification) {
        both.inTransaction(() -> {
            memory.insert(notification);
            durable.insert(notification);
        });
    }

    @Override
    public Optional<Notification> findById(UUID id) {
        return memory.findById(id);
    }

    @Override
    public boolean markRead(UUID id) {
        return both.inTransaction(() -> {
            boolean changed = memory.markRead(id);
            durable.markRead(id);
            return changed;
        });
    }

    @Override
    public int markAllRead(String userId) {
        return both.inTransaction(() -> {
            int changed = memory.markAllRead(userId);
            durable.markAllRead(userId);
            return changed;
        });
    }

    @Override
    public long countUnread(String userId) {
        return memory.countUnread(userId);
    }

    @Override
    public boolean delete(UUID id) {
        return both.inTransaction(() -> {
            boolean deleted = memory.delete(id);
            durable.delete(id);
            return deleted;
        });
    }

    @Override
    public List<Notification> find(String userId, Instant sinceExclusive, boolean unreadOnly, NotificationKey before,
                                   int limit) {
        return memory.find(userId, sinceExclusive, unreadOnly, before, limit);
    }
}
