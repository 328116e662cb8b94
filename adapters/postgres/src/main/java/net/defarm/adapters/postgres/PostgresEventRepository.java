package net.defarm.adapters.postgres;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.defarm.application.events.EventRepository;
import net.defarm.domain.events.Event;
import net.defarm.domain.events.EventType;
import net.defarm.domain.events.EventVisibility;
import net.defarm.domain.shared.ConflictException;
import net.defarm.domain.shared.NotFoundException;
import net.defarm.domain.shared.StaleUpdateException;

/**
 * Events in PostgreSQL. The unique content hash makes deduplication hold under concurrency: an insert that meets
 * an existing hash does nothing and the stored event is returned instead.
 */
public final class PostgresEventRepository implements EventRepository {

    static final String SELECT = """
            SELECT event_id, dfid, event_type, occurred_at, source, CAST(metadata AS text) AS metadata, is_encrypted,
                   visibility, content_hash, local_event_id, is_local, pushed_to_circuit, version
              FROM events e""";

    private static final String EVENT_COLUMNS = "event_id, dfid, event_type, occurred_at, source, metadata, "
            + "is_encrypted, visibility, content_hash, local_event_id, is_local, pushed_to_circuit, version";
    private static final String STAGE_EVENTS = PgCopy.staging("events");
    private static final String MOVE_EVENTS = PgCopy.fromStaging("events", EVENT_COLUMNS, "content_hash");

    private final PostgresDatabase db;

    public PostgresEventRepository(PostgresDatabase db) {
        this.db = db;
    }

    @Override
    public InsertOutcome insertIfAbsent(Event e) {
        return db.run(ex -> {
            long inserted = ex.insert("""
                    INSERT INTO events (event_id, dfid, event_type, occurred_at, source, metadata, is_encrypted,
                                        visibility, content_hash, local_event_id, is_local, pushed_to_circuit, version)
                    VALUES (CAST(? AS uuid), ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, CAST(? AS uuid), ?,
                            CAST(? AS uuid), 1)
                    ON CONFLICT (content_hash) DO NOTHING""",
                    e.eventId(), e.dfid(), e.type().wireName(), PgRows.at(e.timestamp()), e.source(),
                    e.metadata().toCanonicalJson(), e.encrypted(), e.visibility().wireName(), e.contentHash(),
                    e.localEventId(), e.local(), e.pushedToCircuit());
            if (inserted == 1) {
                return new InsertOutcome(e.atVersion(1), true);
            }
            return new InsertOutcome(db.one(SELECT + " WHERE content_hash = ?", PostgresEventRepository::toEvent,
                            e.contentHash())
                    .orElseThrow(() -> new ConflictException("DUPLICATE_EVENT",
                            "An identical event is being recorded right now")), false);
        });
    }

    /**
     * The import's path: the events by COPY into a staging table, then into events skipping those whose content
     * (hash) is already stored; returns how many were new. In the caller's transaction.
     */
    @Override
    public int insertAll(List<Event> events) {
        if (events.isEmpty()) {
            return 0;
        }
        PgCopy rows = new PgCopy();
        for (Event e : events) {
            rows.row(e.eventId(), e.dfid(), e.type().wireName(), e.timestamp(), e.source(),
                    e.metadata().toCanonicalJson(), e.encrypted(), e.visibility().wireName(), e.contentHash(),
                    e.localEventId(), e.local(), e.pushedToCircuit(), 1);
        }
        return (int) (long) db.atomically(ex -> {
            ex.dml(STAGE_EVENTS);
            rows.into(db.transactionConnection(), "events_load", EVENT_COLUMNS);
            return ex.dml(MOVE_EVENTS);
        });
    }

    @Override
    public Optional<Event> findById(UUID eventId) {
        return db.one(SELECT + " WHERE event_id = CAST(? AS uuid)", PostgresEventRepository::toEvent, eventId);
    }

    @Override
    public Optional<Event> findByContentHash(String contentHash) {
        return db.one(SELECT + " WHERE content_hash = ?", PostgresEventRepository::toEvent, contentHash);
    }

    @Override
    public Optional<Event> findLocal(UUID localEventId) {
        return db.one(SELECT + " WHERE local_event_id = CAST(? AS uuid) AND is_local",
                PostgresEventRepository::toEvent, localEventId);
    }

    @Override
    public Event update(Event e) {
        long updated;
        try {
            updated = db.run(ex -> ex.update("""
                    UPDATE events SET dfid = ?, metadata = CAST(? AS jsonb), content_hash = ?, is_local = ?,
                           pushed_to_circuit = CAST(? AS uuid), version = version + 1
                     WHERE event_id = CAST(? AS uuid) AND version = ?""",
                    e.dfid(), e.metadata().toCanonicalJson(), e.contentHash(), e.local(), e.pushedToCircuit(),
                    e.eventId(), e.version()));
        } catch (RuntimeException ex) {
            if (PostgresDatabase.sqlState(ex).equals("23505")) {
                throw new ConflictException("DUPLICATE_EVENT", "Another event already records exactly this content");
            }
            throw ex;
        }
        if (updated == 0) {
            throw findById(e.eventId()).isPresent() ? new StaleUpdateException("Event " + e.eventId())
                    : new NotFoundException("EVENT_NOT_FOUND", "Event not found");
        }
        return e.atVersion(e.version() + 1);
    }

    @Override
    public List<Event> find(EventQuery q, EventKey after, int limit) {
        PageQuery page;
        if (q.scope() == EventQuery.Scope.ALL) {
            page = new PageQuery(SELECT + " WHERE TRUE");
        } else if (q.scope() == EventQuery.Scope.OWN) {
            page = new PageQuery(SELECT + " WHERE e.source = ?", q.reader());
        } else {
            page = new PageQuery(SELECT + " WHERE (e.source = ? OR e.visibility = 'Public'"
                    + " OR (e.visibility = 'Direct' AND e.metadata ->> 'recipient_id' = ?)"
                    + " OR (e.visibility = 'CircuitOnly' AND e.metadata ->> 'circuit_id' = ANY (CAST(? AS text[]))))",
                    q.reader(), q.reader(), q.readerCircuits().stream().map(UUID::toString).toArray(String[]::new));
        }
        if (q.dfid() != null) {
            page.and("e.dfid = ?", q.dfid());
        }
        if (q.type() != null) {
            page.and("e.event_type = ?", q.type().wireName());
        }
        if (q.visibility() != null) {
            page.and("e.visibility = ?", q.visibility().wireName());
        }
        if (q.from() != null) {
            page.and("e.occurred_at >= ?", PgRows.at(q.from()));
        }
        if (q.to() != null) {
            page.and("e.occurred_at <= ?", PgRows.at(q.to()));
        }
        if (after != null) {
            page.and("(e.occurred_at, e.event_id) > (?, CAST(? AS uuid))", PgRows.at(after.timestamp()),
                    after.eventId());
        }
        return page.page(db, "e.occurred_at, e.event_id", limit, PostgresEventRepository::toEvent);
    }

    static Event toEvent(PgRow r) {
        return new Event(PgRows.uuid(r, "event_id"), PgRows.text(r, "dfid"),
                EventType.fromWireName(PgRows.text(r, "event_type")), PgRows.instant(r, "occurred_at"),
                PgRows.text(r, "source"), PgRows.object(r, "metadata"), PgRows.bool(r, "is_encrypted"),
                EventVisibility.fromWireName(PgRows.text(r, "visibility")), PgRows.text(r, "content_hash"),
                PgRows.uuid(r, "local_event_id"), PgRows.bool(r, "is_local"), PgRows.uuid(r, "pushed_to_circuit"),
                PgRows.longValue(r, "version"));
    }
}
