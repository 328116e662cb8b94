package net.defarm.application.notifications;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.defarm.domain.notifications.Notification;

/**
 * The notification store as the use cases that create notifications see it: every insert is also announced on the
 * live feed, in the same unit of work. Wiring it once means no producer can forget the announcement.
 */
public final class AnnouncedNotifications implements NotificationRepository {

    private final NotificationRepository store;
    private final NotificationFeed feed;

    public AnnouncedNotifications(NotificationRepository store, NotificationFeed feed) {
        this.store = store;
        this.feed = feed;
    }

    @Override
    public void insert(Notification notification) {
        store.insert(notification);
        feed.announce(notification);
    }

    @Override
    public Optional<Notification> findById(UUID id) {
        return store.findById(id);
    }

    @Override
    public boolean markRead(UUID id) {
        return store.markRead(id);
    }

    @Override
    public int markAllRead(String userId) {
        return store.markAllRead(userId);
    }

    @Override
    public long countUnread(String userId) {
        return store.countUnread(userId);
    }

    @Override
    public boolean delete(UUID id) {
        return store.delete(id);
    }

    @Override
    public List<Notification> find(String userId, Instant sinceExclusive, boolean unreadOnly, NotificationKey before,
                                   int limit) {
        return store.find(userId, sinceExclusive, unreadOnly, before, limit);
    }
}
