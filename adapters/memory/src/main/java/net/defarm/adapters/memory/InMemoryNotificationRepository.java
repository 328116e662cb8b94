package net.defarm.adapters.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import net.defarm.application.notifications.NotificationRepository;
import net.defarm.domain.notifications.Notification;

/** Notifications held in memory, per user newest first. */
public final class InMemoryNotificationRepository implements NotificationRepository {

    private final Map<UUID, Notification> notifications = new ConcurrentHashMap<>();
    private final Map<String, NavigableSet<NotificationKey>> byUser = new ConcurrentHashMap<>();
    private final InMemoryUnitOfWork uow;

    public InMemoryNotificationRepository(InMemoryUnitOfWork uow) {
        this.uow = uow;
    }

    @Override
    public void insert(Notification n) {
        if (notifications.putIfAbsent(n.id(), n) != null) {
            return;
        }
        NavigableSet<NotificationKey> keys = byUser.computeIfAbsent(n.userId(), k -> new ConcurrentSkipListSet<>());
        keys.add(NotificationKey.of(n));
        uow.onRollback(() -> {
            if (notifications.remove(n.id(), n)) {
                keys.remove(NotificationKey.of(n));
            }
        });
    }

    @Override
    public Optional<Notification> findById(UUID id) {
        return Optional.ofNullable(notifications.get(id));
    }

    @Override
    public boolean markRead(UUID id) {
        Notification current = notifications.get(id);
        if (current == null) {
            return false;
        }
        if (!current.read() && notifications.replace(id, current, current.markedRead())) {
            uow.onRollback(() -> notifications.replace(id, current.markedRead(), current));
        }
        return true;
    }

    @Override
    public int markAllRead(String userId) {
        int changed = 0;
        for (NotificationKey key : byUser.getOrDefault(userId, new ConcurrentSkipListSet<>())) {
            Notification n = notifications.get(key.id());
            if (n != null && !n.read() && notifications.replace(n.id(), n, n.markedRead())) {
                changed++;
                uow.onRollback(() -> notifications.replace(n.id(), n.markedRead(), n));
            }
        }
        return changed;
    }

    @Override
    public long countUnread(String userId) {
        return byUser.getOrDefault(userId, new ConcurrentSkipListSet<>()).stream()
                .map(k -> notifications.get(k.id())).filter(n -> n != null && !n.read()).count();
    }

    @Override
    public boolean delete(UUID id) {
        Notification removed = notifications.remove(id);
        if (removed == null) {
            return false;
        }
        NavigableSet<NotificationKey> keys = byUser.get(removed.userId());
        if (keys != null) {
            keys.remove(NotificationKey.of(removed));
        }
        uow.onRollback(() -> {
            if (notifications.putIfAbsent(id, removed) == null) {
                byUser.computeIfAbsent(removed.userId(), k -> new ConcurrentSkipListSet<>())
                        .add(NotificationKey.of(removed));
            }
        });
        return true;
    }

    @Override
    public List<Notification> find(String userId, Instant sinceExclusive, boolean unreadOnly, NotificationKey before,
                                   int limit) {
        NavigableSet<NotificationKey> keys = byUser.get(userId);
        if (keys == null) {
            return List.of();
        }
        List<Notification> page = new ArrayList<>();
        for (NotificationKey key : before == null ? keys : keys.tailSet(before, false)) {
            Notification n = notifications.get(key.id());
            if (n == null) {
                continue;
            }
            if (sinceExclusive != null && !n.timestamp().isAfter(sinceExclusive)) {
                break;
            }
            if (!unreadOnly || !n.read()) {
                page.add(n);
                if (page.size() == limit) {
                    break;
                }
            }
        }
        return page;
    }

    /** Everything stored, for export (a live view; the caller copies what it keeps). */
    java.util.Collection<Notification> all() {
        return notifications.values();
    }
}
