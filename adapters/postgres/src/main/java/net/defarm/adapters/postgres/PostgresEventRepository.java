package net.defarm.adapters.postgres;

import io.helidon.dbclient.DbRow;
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
            return new InsertOutcome(ex.get(SELECT + " WHERE content_hash = ?", e.contentHash())
                    .map(PostgresEventRepository::toEvent)
                    .orElseThrow(() -> new ConflictException("DUPLICATE_EVENT",
                            "An identical event is being recorded right now")), false);
        });
    }

    @Override
    public int insertAll(List<Event> events) {
        if (events.isEmpty()) {
            return 0;
        }
        int n = events.size();
        String[] ids = new String[n];
        String[] dfids = new String[n];
        String[] types = new String[n];
        String[] at = new String[n];
        String[] sources = new String[n];
        String[] metadata = new String[n];
        Boolean[] encrypted = new Boolean[n];
        String[] visibility = new String[n];
        String[] hashes = new String[n];
        String[] localIds = new String[n];
        Boolean[] local = new Boolean[n];
        String[] circuits = new String[n];
        for (int i = 0; i < n; i++) {
            Event e = events.get(i);
            ids[i] = e.eventId().toString();
            dfids[i] = e.dfid();
            types[i] = e.type().wireName();
            at[i] = e.timestamp().toString();
            sources[i] = e.source();
            metadata[i] = e.metadata().toCanonicalJson();
            encrypted[i] = e.encrypted();
            visibility[i] = e.visibility().wireName();
            hashes[i] = e.contentHash();
            localIds[i] = e.localEventId() == null ? null : e.localEventId().toString();
            local[i] = e.local();
            circuits[i] = e.pushedToCircuit() == null ? null : e.pushedToCircuit().toString();
        }
        return (int) (long) db.run(ex -> ex.insert("""
                INSERT INTO events (event_id, dfid, event_type, occurred_at, source, metadata, is_encrypted,
                                    visibility, content_hash, local_event_id, is_local, pushed_to_circuit, version)
                SELECT t.id, t.dfid, t.typ, t.at, t.src, t.meta, t.enc, t.vis, t.hash, t.lid, t.loc, t.circ, 1
                  FROM unnest(CAST(? AS uuid[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS timestamptz[]),
                              CAST(? AS text[]), CAST(? AS jsonb[]), CAST(? AS boolean[]), CAST(? AS text[]),
                              CAST(? AS text[]), CAST(? AS uuid[]), CAST(? AS boolean[]), CAST(? AS uuid[]))
                       AS t(id, dfid, typ, at, src, meta, enc, vis, hash, lid, loc, circ)
                ON CONFLICT (content_hash) DO NOTHING""", ids, dfids, types, at, sources, metadata, encrypted,
                visibility, hashes, localIds, local, circuits));
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

    static Event toEvent(DbRow r) {
        return new Event(PgRows.uuid(r, "event_id"), PgRows.text(r, "dfid"),
                EventType.fromWireName(PgRows.text(r, "event_type")), PgRows.instant(r, "occurred_at"),
                PgRows.text(r, "source"), PgRows.object(r, "metadata"), PgRows.bool(r, "is_encrypted"),
                EventVisibility.fromWireName(PgRows.text(r, "visibility")), PgRows.text(r, "content_hash"),
                PgRows.uuid(r, "local_event_id"), PgRows.bool(r, "is_local"), PgRows.uuid(r, "pushed_to_circuit"),
                PgRows.longValue(r, "version"));
    }
}
