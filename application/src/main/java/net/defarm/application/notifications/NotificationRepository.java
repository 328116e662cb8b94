package net.defarm.application.notifications;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.defarm.application.shared.OutboundPort;
import net.defarm.application.shared.UuidOrder;
import net.defarm.domain.notifications.Notification;

/** Users' notifications. */
@OutboundPort
public interface NotificationRepository {

    void insert(Notification notification);

    Optional<Notification> findById(UUID id);

    /** Marks one notification read; false if it does not exist. */
    boolean markRead(UUID id);

    /** Marks every unread notification of the user read; returns how many changed. */
    int markAllRead(String userId);

    long countUnread(String userId);

    boolean delete(UUID id);

    /**
     * A user's notifications newest first: only those after {@code sinceExclusive} (when given), only unread ones
     * when asked, strictly older than {@code before} (the keyset cursor), at most {@code limit}.
     */
    List<Notification> find(String userId, Instant sinceExclusive, boolean unreadOnly, NotificationKey before,
                            int limit);

    record NotificationKey(Instant timestamp, UUID id) implements Comparable<NotificationKey> {
        public static NotificationKey of(Notification n) {
            return new NotificationKey(n.timestamp(), n.id());
        }

        /** Newest first. */
        @Override
        public int compareTo(NotificationKey o) {
            int c = o.timestamp.compareTo(timestamp);
            return c != 0 ? c : UuidOrder.compare(o.id, id);
        }
    }
}
