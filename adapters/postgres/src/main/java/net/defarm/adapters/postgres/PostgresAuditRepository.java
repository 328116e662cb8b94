package net.defarm.adapters.postgres;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import net.defarm.application.audit.ActorCount;
import net.defarm.application.audit.AuditCounts;
import net.defarm.application.audit.AuditFilter;
import net.defarm.application.audit.AuditRepository;
import net.defarm.application.shared.Cursor;
import net.defarm.application.shared.Page;
import net.defarm.application.shared.PageRequest;
import net.defarm.domain.audit.AuditChain;
import net.defarm.domain.audit.AuditEvent;
import net.defarm.domain.audit.AuditEventType;
import net.defarm.domain.audit.AuditOrigin;
import net.defarm.domain.audit.AuditOutcome;
import net.defarm.domain.audit.AuditSeverity;
import net.defarm.domain.audit.ChainLink;
import net.defarm.domain.shared.JsonObject;

/**
 * The audit trail in PostgreSQL. An append is one statement: it inserts or bumps the chain's head (the row lock
 * orders concurrent appends to the same chain until commit) and inserts the record with the link PostgreSQL
 * computed from the head, so no link can be computed from a stale head.
 */
public final class PostgresAuditRepository implements AuditRepository {

    static final String CURSOR = "audit-events";
    private static final String COLUMNS = """
            event_id, at, actor_id, key_id, subject_id, event_type, action, resource, resource_id, outcome, severity,
            details, client_address, user_agent, request_id, metadata, compliance, submitted, day, shard, seq,
            encode(link, 'hex') AS link""";

    private final PostgresDatabase db;

    public PostgresAuditRepository(PostgresDatabase db) {
        this.db = db;
    }

    @Override
    public AuditEvent append(AuditEvent e) {
        LocalDate day = LocalDate.ofInstant(e.at(), ZoneOffset.UTC);
        int shard = AuditChain.shard(e.chainKey(), SHARDS);
        String digest = e.digest();
        return db.one("""
                WITH head AS (
                    INSERT INTO audit_heads AS h (day, shard, seq, link)
                    VALUES (?, ?, 1, sha256(decode(?, 'hex') || decode(?, 'hex')))
                    ON CONFLICT (day, shard) DO UPDATE SET seq = h.seq + 1, link = sha256(h.link || decode(?, 'hex'))
                    RETURNING seq, link)
                INSERT INTO audit_events (event_id, at, actor_id, key_id, subject_id, event_type, action, resource,
                                          resource_id, outcome, severity, details, client_address, user_agent,
                                          request_id, metadata, compliance, submitted, day, shard, seq, link)
                SELECT CAST(? AS uuid), ?, ?, CAST(? AS uuid), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS text[]),
                       ?, ?, ?, head.seq, head.link FROM head
                RETURNING seq, encode(link, 'hex') AS link""",
                r -> e.chained(new ChainLink(day, shard, PgRows.longValue(r, "seq"), PgRows.text(r, "link"))),
                day, shard, AuditChain.GENESIS, digest, digest,
                e.eventId(), PgRows.at(e.at()), e.actorId(), e.keyId(), e.subjectId(), e.type().wire(), e.action(),
                e.resource(), e.resourceId(), e.outcome().wire(), e.severity().wire(), e.details().toCanonicalJson(),
                e.origin().clientAddress(), e.origin().userAgent(), e.origin().requestId(),
                e.metadata().toCanonicalJson(), e.compliance().stream().sorted().toArray(String[]::new),
                e.submitted(), day, shard)
                .orElseThrow(() -> new IllegalStateException("the audit insert returned no row"));
    }

    @Override
    public Optional<AuditEvent> find(UUID eventId) {
        return db.one("SELECT " + COLUMNS + " FROM audit_events WHERE event_id = CAST(? AS uuid)",
                PostgresAuditRepository::event, eventId);
    }

    @Override
    public Page<AuditEvent> query(AuditFilter filter, PageRequest page) {
        PageQuery q = filtered("SELECT " + COLUMNS + " FROM audit_events WHERE true", filter);
        if (page.cursor() != null) {
            List<String> parts = Cursor.decode(CURSOR, page.cursor(), 2);
            q.and("(at, event_id) < (?, CAST(? AS uuid))", PgRows.at(Cursor.instantFromMicros(parts.get(0))),
                    Cursor.uuid(parts.get(1)));
        }
        List<AuditEvent> rows = q.page(db, "at DESC, event_id DESC", page.limit() + 1, PostgresAuditRepository::event);
        return Page.of(rows, page.limit(), e -> Cursor.encode(CURSOR, Cursor.micros(e.at()), e.eventId().toString()));
    }

    private static PageQuery filtered(String selectWhere, AuditFilter f) {
        PageQuery q = new PageQuery(selectWhere);
        if (f.involving() != null) {
            q.and("(actor_id = ? OR subject_id = ?)", f.involving(), f.involving());
        }
        if (!f.types().isEmpty()) {
            q.and("event_type = ANY (CAST(? AS text[]))", (Object) f.types().stream().map(AuditEventType::wire)
                    .toArray(String[]::new));
        }
        if (!f.actions().isEmpty()) {
            q.and("action = ANY (CAST(? AS text[]))", (Object) f.actions().toArray(String[]::new));
        }
        if (!f.resources().isEmpty()) {
            q.and("resource = ANY (CAST(? AS text[]))", (Object) f.resources().toArray(String[]::new));
        }
        if (!f.outcomes().isEmpty()) {
            q.and("outcome = ANY (CAST(? AS text[]))", (Object) f.outcomes().stream().map(AuditOutcome::wire)
                    .toArray(String[]::new));
        }
        if (!f.severities().isEmpty()) {
            q.and("severity = ANY (CAST(? AS text[]))", (Object) f.severities().stream().map(AuditSeverity::wire)
                    .toArray(String[]::new));
        }
        if (f.from() != null) {
            q.and("at >= ?", PgRows.at(f.from()));
        }
        if (f.to() != null) {
            q.and("at < ?", PgRows.at(f.to()));
        }
        if (f.compliance() != null) {
            q.and("? = ANY (compliance)", f.compliance());
        }
        if (f.submitted() != null) {
            q.and("submitted = ?", f.submitted());
        }
        return q;
    }

    @Override
    public AuditCounts count(AuditFilter filter) {
        Map<String, Long> byType = grouped("event_type", filter);
        Map<String, Long> compliance = new LinkedHashMap<>();
        filtered("SELECT c AS k, count(*) AS n FROM audit_events, unnest(compliance) AS c WHERE true", filter)
                .grouped(db, "c", r -> compliance.put(PgRows.text(r, "k"), PgRows.longValue(r, "n")));
        List<ActorCount> top = new java.util.ArrayList<>();
        filtered("SELECT actor_id AS k, count(*) AS n FROM audit_events WHERE actor_id IS NOT NULL", filter)
                .grouped(db, "actor_id ORDER BY n DESC, k LIMIT " + AuditCounts.TOP_ACTORS,
                        r -> top.add(new ActorCount(PgRows.text(r, "k"), PgRows.longValue(r, "n"))));
        return new AuditCounts(byType.values().stream().mapToLong(Long::longValue).sum(), byType,
                grouped("outcome", filter), grouped("severity", filter), compliance, top);
    }

    private Map<String, Long> grouped(String column, AuditFilter filter) {
        Map<String, Long> counts = new LinkedHashMap<>();
        filtered("SELECT " + column + " AS k, count(*) AS n FROM audit_events WHERE true", filter)
                .grouped(db, column, r -> counts.put(PgRows.text(r, "k"), PgRows.longValue(r, "n")));
        return counts;
    }

    @Override
    public List<LocalDate> days() {
        return db.list("SELECT day FROM audit_heads UNION SELECT DISTINCT day FROM audit_events ORDER BY day",
                r -> r.date("day"));
    }

    @Override
    public List<ChainHead> heads(LocalDate day) {
        return db.list("SELECT day, shard, seq, encode(link, 'hex') AS link FROM audit_heads WHERE day = ? "
                + "ORDER BY shard", r -> new ChainHead(day, PgRows.intValue(r, "shard"), PgRows.longValue(r, "seq"),
                PgRows.text(r, "link")), day);
    }

    @Override
    public List<ChainExtent> extents(LocalDate day) {
        return db.list("SELECT shard, max(seq) AS top, count(*) AS n FROM audit_events WHERE day = ? GROUP BY shard "
                + "ORDER BY shard", r -> new ChainExtent(day, PgRows.intValue(r, "shard"),
                PgRows.longValue(r, "top"), PgRows.longValue(r, "n")), day);
    }

    @Override
    public List<AuditEvent> chain(LocalDate day, int shard, long afterSeq, int limit) {
        return db.list("SELECT " + COLUMNS + " FROM audit_events WHERE day = ? AND shard = ? AND seq > ? "
                + "ORDER BY seq LIMIT ?", PostgresAuditRepository::readable, day, shard, afterSeq, limit);
    }

    /** A chain row as a record, or, when it was edited into something no record is, the evidence of that. */
    private static AuditEvent readable(PgRow r) {
        try {
            return event(r);
        } catch (RuntimeException unreadable) {
            throw new UnreadableRecord(r.date("day"), PgRows.intValue(r, "shard"),
                    PgRows.longValue(r, "seq"), PgRows.uuid(r, "event_id"), unreadable);
        }
    }

    @Override
    public Set<String> usersOn(LocalDate day) {
        Set<String> users = new HashSet<>(db.list("SELECT DISTINCT actor_id AS u FROM audit_events WHERE day = ?",
                r -> PgRows.text(r, "u"), day));
        users.addAll(db.list("SELECT DISTINCT subject_id AS u FROM audit_events WHERE day = ? "
                + "AND subject_id IS NOT NULL", r -> PgRows.text(r, "u"), day));
        return users;
    }

    @Override
    public long removeDay(LocalDate day) {
        // The table's guards (V15) admit only this: a whole day older than the shortest retention, heads last.
        return db.atomically(ex -> {
            long removed = ex.delete("DELETE FROM audit_events WHERE day = ?", day);
            ex.delete("DELETE FROM audit_heads WHERE day = ?", day);
            return removed;
        });
    }

    private static AuditEvent event(PgRow r) {
        String[] compliance = PgRows.textArray(r, "compliance");
        LocalDate day = r.date("day");
        return new AuditEvent(PgRows.uuid(r, "event_id"), PgRows.instant(r, "at"), PgRows.text(r, "actor_id"),
                PgRows.uuid(r, "key_id"), PgRows.text(r, "subject_id"),
                AuditEventType.parse(PgRows.text(r, "event_type")), PgRows.text(r, "action"),
                PgRows.text(r, "resource"), PgRows.text(r, "resource_id"),
                AuditOutcome.parse(PgRows.text(r, "outcome")), AuditSeverity.parse(PgRows.text(r, "severity")),
                (JsonObject) PgRows.parse(PgRows.text(r, "details")),
                new AuditOrigin(PgRows.text(r, "client_address"), PgRows.text(r, "user_agent"),
                        PgRows.text(r, "request_id")),
                (JsonObject) PgRows.parse(PgRows.text(r, "metadata")),
                compliance == null ? Set.of() : Set.of(compliance), PgRows.bool(r, "submitted"),
                new ChainLink(day, PgRows.intValue(r, "shard"), PgRows.longValue(r, "seq"), PgRows.text(r, "link")));
    }
}
