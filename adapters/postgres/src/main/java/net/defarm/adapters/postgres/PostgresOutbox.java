package net.defarm.adapters.postgres;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.defarm.application.delivery.Outbox;
import net.defarm.domain.delivery.DeliveryAttempt;
import net.defarm.domain.delivery.OutboxMessage;
import net.defarm.domain.delivery.OutboxStatus;

/**
 * The outbox in PostgreSQL. Enqueueing joins the caller's transaction; claiming is one statement that locks due
 * rows with {@code FOR UPDATE SKIP LOCKED} (concurrent dispatchers skip each other's rows instead of waiting) and
 * leases them; settling succeeds only while the claim still holds.
 */
public final class PostgresOutbox implements Outbox {

    private static final String COLUMNS = """
            message_id, topic, circuit_id, target, event_type, payload, status, attempts, created_at,
            next_attempt_at, lease_until, claim_id, delivered_at, last_status, last_error""";

    private final PostgresDatabase db;

    public PostgresOutbox(PostgresDatabase db) {
        this.db = db;
    }

    @Override
    public void enqueue(OutboxMessage m) {
        db.run(ex -> ex.insert("INSERT INTO outbox_messages (" + COLUMNS + ") VALUES (CAST(? AS uuid), ?, "
                        + "CAST(? AS uuid), ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS uuid), ?, ?, ?) "
                        + "ON CONFLICT (message_id) DO NOTHING",
                m.id(), m.topic(), m.circuitId(), m.target(), m.eventType(), m.payload(), m.status().wireName(),
                m.attempts(), PgRows.at(m.createdAt()), PgRows.at(m.nextAttemptAt()), PgRows.at(m.leaseUntil()),
                m.claim(), PgRows.at(m.deliveredAt()), m.lastStatusCode(), m.lastError()));
    }

    @Override
    public List<OutboxMessage> claimDue(Instant now, Duration lease, int max) {
        UUID claim = UUID.randomUUID();
        // One statement, atomic on its own: no transaction round trips around it.
        return db.list("""
                    UPDATE outbox_messages SET status = 'InProgress', claim_id = CAST(? AS uuid), lease_until = ?
                     WHERE message_id IN (
                           SELECT message_id FROM outbox_messages
                            WHERE (status IN ('Pending', 'Retrying') AND next_attempt_at <= ?)
                               OR (status = 'InProgress' AND lease_until <= ?)
                            ORDER BY next_attempt_at, created_at
                            LIMIT ?
                              FOR UPDATE SKIP LOCKED)
                    RETURNING\s""" + COLUMNS, PostgresOutbox::message,
                    claim, PgRows.at(now.plus(lease)), PgRows.at(now), PgRows.at(now), max);
    }

    /** One statement (atomic on its own): the message moves only under its claim, and the attempt is logged. */
    @Override
    public boolean settle(OutboxMessage claimed, DeliveryAttempt a, OutboxStatus next, Instant nextAttemptAt) {
        return db.run(ex -> ex.update("""
                WITH settled AS (
                    UPDATE outbox_messages
                       SET status = ?, attempts = attempts + 1, next_attempt_at = COALESCE(?, next_attempt_at),
                           lease_until = NULL, claim_id = NULL,
                           delivered_at = CASE WHEN ? THEN ? ELSE delivered_at END,
                           last_status = ?, last_error = ?
                     WHERE message_id = CAST(? AS uuid) AND claim_id = CAST(? AS uuid)
                    RETURNING message_id)
                INSERT INTO outbox_attempts (message_id, attempt, attempted_at, status_code, error, duration_ms,
                                             response_body)
                SELECT message_id, ?, ?, ?, ?, ?, ? FROM settled
                ON CONFLICT DO NOTHING""",
                next.wireName(), PgRows.at(nextAttemptAt), next == OutboxStatus.DELIVERED, PgRows.at(a.at()),
                a.statusCode(), a.error(), claimed.id(), claimed.claim(), a.number(), PgRows.at(a.at()),
                a.statusCode(), a.error(), a.durationMillis(), a.responseBody())) > 0;
    }

    @Override
    public Optional<OutboxMessage> findById(UUID id) {
        return db.one("SELECT " + COLUMNS + " FROM outbox_messages WHERE message_id = CAST(? AS uuid)",
                PostgresOutbox::message, id);
    }

    @Override
    public List<OutboxMessage> findByCircuit(UUID circuitId, MessageKey before, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS
                + " FROM outbox_messages WHERE circuit_id = CAST(? AS uuid)");
        List<Object> params = new ArrayList<>(List.of(circuitId));
        if (before != null) {
            sql.append(" AND (created_at, message_id) < (?, CAST(? AS uuid))");
            params.add(PgRows.at(before.createdAt()));
            params.add(before.id());
        }
        sql.append(" ORDER BY created_at DESC, message_id DESC LIMIT ?");
        params.add(limit);
        return db.list(sql.toString(), PostgresOutbox::message, params.toArray());
    }

    @Override
    public Map<UUID, List<DeliveryAttempt>> attempts(Collection<UUID> messageIds) {
        if (messageIds.isEmpty()) {
            return Map.of();
        }
        String ids = String.join(",", messageIds.stream().map(UUID::toString).toList());
        Map<UUID, List<DeliveryAttempt>> found = new HashMap<>();
        db.list("""
                SELECT message_id, attempt, attempted_at, status_code, error, duration_ms, response_body
                  FROM outbox_attempts
                 WHERE message_id = ANY (CAST(string_to_array(?, ',') AS uuid[]))
                 ORDER BY message_id, attempt""", r -> new DeliveryAttempt(PgRows.uuid(r, "message_id"),
                        PgRows.intValue(r, "attempt"), PgRows.instant(r, "attempted_at"),
                        nullableInt(r, "status_code"), PgRows.text(r, "error"), PgRows.longValue(r, "duration_ms"),
                        PgRows.text(r, "response_body")), ids)
                .forEach(a -> found.computeIfAbsent(a.messageId(), k -> new ArrayList<>()).add(a));
        return found;
    }

    private static OutboxMessage message(PgRow r) {
        return new OutboxMessage(PgRows.uuid(r, "message_id"), PgRows.text(r, "topic"), PgRows.uuid(r, "circuit_id"),
                PgRows.text(r, "target"), PgRows.text(r, "event_type"), PgRows.text(r, "payload"),
                OutboxStatus.fromWireName(PgRows.text(r, "status")), PgRows.intValue(r, "attempts"),
                PgRows.instant(r, "created_at"), PgRows.instant(r, "next_attempt_at"),
                PgRows.instant(r, "lease_until"), PgRows.uuid(r, "claim_id"), PgRows.instant(r, "delivered_at"),
                nullableInt(r, "last_status"), PgRows.text(r, "last_error"));
    }

    private static Integer nullableInt(PgRow r, String column) {
        Object value = r.value(column);
        return value == null ? null : ((Number) value).intValue();
    }
}
