package net.defarm.adapters.postgres;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.defarm.application.notifications.NotificationRepository;
import net.defarm.domain.notifications.Notification;

/** Notifications in PostgreSQL, newest first per user. */
public final class PostgresNotificationRepository implements NotificationRepository {

    static final String SELECT = """
            SELECT notification_id, user_id, notification_type, title, message, is_read, occurred_at,
                   CAST(data AS text) AS data
              FROM notifications""";

    private final PostgresDatabase db;

    public PostgresNotificationRepository(PostgresDatabase db) {
        this.db = db;
    }

    @Override
    public void insert(Notification n) {
        db.run(ex -> ex.insert("""
                INSERT INTO notifications (notification_id, user_id, notification_type, title, message, is_read,
                                           occurred_at, data)
                VALUES (CAST(? AS uuid), ?, ?, ?, ?, ?, ?, CAST(? AS jsonb))
                ON CONFLICT (notification_id) DO NOTHING""",
                n.id(), n.userId(), n.type().wireName(), n.title(), n.message(), n.read(), PgRows.at(n.timestamp()),
                n.data().toCanonicalJson()));
    }

    @Override
    public Optional<Notification> findById(UUID id) {
        return db.one(SELECT + " WHERE notification_id = CAST(? AS uuid)",
                PostgresNotificationRepository::toNotification, id);
    }

    @Override
    public boolean markRead(UUID id) {
        return db.run(ex -> ex.update("UPDATE notifications SET is_read = true WHERE notification_id = CAST(? AS uuid)",
                id)) > 0;
    }

    @Override
    public int markAllRead(String userId) {
        return (int) (long) db.run(ex -> ex.update(
                "UPDATE notifications SET is_read = true WHERE user_id = ? AND NOT is_read", userId));
    }

    @Override
    public long countUnread(String userId) {
        return db.one("SELECT count(*) AS n FROM notifications WHERE user_id = ? AND NOT is_read",
                r -> PgRows.longValue(r, "n"), userId).orElse(0L);
    }

    @Override
    public boolean delete(UUID id) {
        return db.run(ex -> ex.delete("DELETE FROM notifications WHERE notification_id = CAST(? AS uuid)", id)) > 0;
    }

    @Override
    public List<Notification> find(String userId, Instant sinceExclusive, boolean unreadOnly, NotificationKey before,
                                   int limit) {
        PageQuery q = new PageQuery(SELECT + " WHERE user_id = ?", userId);
        if (sinceExclusive != null) {
            q.and("occurred_at > ?", PgRows.at(sinceExclusive));
        }
        if (unreadOnly) {
            q.and("NOT is_read");
        }
        if (before != null) {
            q.and("(occurred_at, notification_id) < (?, CAST(? AS uuid))", PgRows.at(before.timestamp()),
                    before.id());
        }
        return q.page(db, "occurred_at DESC, notification_id DESC", limit,
                PostgresNotificationRepository::toNotification);
    }

    static Notification toNotification(PgRow r) {
        return new Notification(PgRows.uuid(r, "notification_id"), PgRows.text(r, "user_id"),
                Notification.Type.fromWireName(PgRows.text(r, "notification_type")), PgRows.text(r, "title"),
                PgRows.text(r, "message"), PgRows.bool(r, "is_read"), PgRows.instant(r, "occurred_at"),
                PgRows.object(r, "data"));
    }
}
