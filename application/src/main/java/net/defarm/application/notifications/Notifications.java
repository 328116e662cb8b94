package net.defarm.application.notifications;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.Cursor;
import net.defarm.application.shared.Page;
import net.defarm.application.shared.PageRequest;
import net.defarm.application.shared.UnitOfWork;
import net.defarm.application.shared.UseCase;
import net.defarm.domain.notifications.Notification;
import net.defarm.domain.shared.InvalidInputException;
import net.defarm.domain.shared.NotFoundException;

/** The caller's own notifications: newest first, unread count, marking read, deleting, following live. */
@UseCase
public final class Notifications {

    private final NotificationRepository notifications;
    private final UnitOfWork uow;
    private final NotificationFeed feed;

    public Notifications(NotificationRepository notifications, UnitOfWork uow, NotificationFeed feed) {
        this.notifications = notifications;
        this.uow = uow;
        this.feed = feed;
    }

    /** A live follow of the caller's notifications: the unread count when it started, until it is closed. */
    public static final class Following implements AutoCloseable {
        private final long unreadCount;
        private final NotificationFeed.Subscription subscription;

        private Following(long unreadCount, NotificationFeed.Subscription subscription) {
            this.unreadCount = unreadCount;
            this.subscription = subscription;
        }

        public long unreadCount() {
            return unreadCount;
        }

        @Override
        public void close() {
            subscription.close();
        }
    }

    /**
     * Starts delivering the caller's new notifications to {@code listener} (which must return at once, see
     * {@link NotificationFeed#subscribe}). The count is read after subscribing, so nothing falls in between: a
     * notification created meanwhile is counted and delivered.
     */
    public Following follow(Actor actor, Consumer<Notification> listener) {
        NotificationFeed.Subscription subscription = feed.subscribe(actor.userId(), listener);
        try {
            return new Following(notifications.countUnread(actor.userId()), subscription);
        } catch (RuntimeException e) {
            subscription.close();
            throw e;
        }
    }

    /** Newest first; {@code since} is exclusive (only notifications after it). */
    public Page<Notification> list(Actor actor, Instant since, boolean unreadOnly, PageRequest page) {
        NotificationRepository.NotificationKey before = null;
        if (page.cursor() != null) {
            List<String> parts = Cursor.decode("notifications", page.cursor(), 2);
            try {
                before = new NotificationRepository.NotificationKey(Cursor.instantFromMicros(parts.get(0)),
                        UUID.fromString(parts.get(1)));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("INVALID_CURSOR", "The cursor is not valid for this list");
            }
        }
        return Page.of(notifications.find(actor.userId(), since, unreadOnly, before, page.limit() + 1), page.limit(),
                n -> Cursor.encode("notifications", Cursor.micros(n.timestamp()), n.id().toString()));
    }

    public long unreadCount(Actor actor) {
        return notifications.countUnread(actor.userId());
    }

    /** Marks one of the caller's notifications read; someone else's is 404, like an unknown one. */
    public Notification markRead(Actor actor, UUID id) {
        return uow.inTransaction(() -> {
            Notification n = own(actor, id);
            notifications.markRead(id);
            return n.markedRead();
        });
    }

    public int markAllRead(Actor actor) {
        return uow.inTransaction(() -> notifications.markAllRead(actor.userId()));
    }

    public void delete(Actor actor, UUID id) {
        uow.inTransaction(() -> {
            own(actor, id);
            notifications.delete(id);
        });
    }

    private Notification own(Actor actor, UUID id) {
        return notifications.findById(id).filter(n -> n.userId().equals(actor.userId()))
                .orElseThrow(() -> new NotFoundException("NOTIFICATION_NOT_FOUND", "Notification not found"));
    }
}
