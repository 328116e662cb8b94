package net.defarm.adapters.postgres;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.defarm.application.audit.IncidentRepository;
import net.defarm.application.shared.Cursor;
import net.defarm.application.shared.Page;
import net.defarm.application.shared.PageRequest;
import net.defarm.domain.audit.AuditSeverity;
import net.defarm.domain.audit.IncidentCategory;
import net.defarm.domain.audit.SecurityIncident;
import net.defarm.domain.shared.NotFoundException;
import net.defarm.domain.shared.StaleUpdateException;

/** Security incidents in PostgreSQL; updates are conditional on the version read. */
public final class PostgresIncidentRepository implements IncidentRepository {

    static final String CURSOR = "incidents";
    private static final String SELECT = """
            SELECT incident_id, title, description, severity, category, status, affected_users, affected_resources,
                   CAST(related_event_ids AS text[]) AS related, confidential, opened_by, assigned_to, created_at,
                   updated_at, version FROM audit_incidents WHERE true""";

    private final PostgresDatabase db;

    public PostgresIncidentRepository(PostgresDatabase db) {
        this.db = db;
    }

    @Override
    public void insert(SecurityIncident i) {
        db.run(ex -> ex.insert("""
                INSERT INTO audit_incidents (incident_id, title, description, severity, category, status,
                    affected_users, affected_resources, related_event_ids, confidential, opened_by, assigned_to,
                    created_at, updated_at, version)
                VALUES (CAST(? AS uuid), ?, ?, ?, ?, ?, CAST(? AS text[]), CAST(? AS text[]), CAST(? AS uuid[]), ?, ?,
                        ?, ?, ?, ?)""",
                i.incidentId(), i.title(), i.description(), i.severity().wire(), i.category().wire(),
                i.status().wire(), i.affectedUsers().toArray(String[]::new),
                i.affectedResources().toArray(String[]::new),
                i.relatedEventIds().stream().map(UUID::toString).toArray(String[]::new), i.confidential(),
                i.openedBy(), i.assignedTo(), PgRows.at(i.createdAt()), PgRows.at(i.updatedAt()), i.version()));
    }

    @Override
    public Optional<SecurityIncident> find(UUID incidentId) {
        return db.one(SELECT + " AND incident_id = CAST(? AS uuid)", PostgresIncidentRepository::incident,
                incidentId);
    }

    @Override
    public SecurityIncident update(SecurityIncident c) {
        long changed = db.run(ex -> ex.update("""
                UPDATE audit_incidents SET status = ?, assigned_to = ?, updated_at = ?, version = version + 1
                 WHERE incident_id = CAST(? AS uuid) AND version = ?""",
                c.status().wire(), c.assignedTo(), PgRows.at(c.updatedAt()), c.incidentId(), c.version()));
        if (changed == 0) {
            if (find(c.incidentId()).isEmpty()) {
                throw new NotFoundException("INCIDENT_NOT_FOUND", "Incident not found");
            }
            throw new StaleUpdateException("incident " + c.incidentId());
        }
        return c.atVersion(c.version() + 1);
    }

    @Override
    public Page<SecurityIncident> list(Filter f, PageRequest page) {
        PageQuery q = new PageQuery(SELECT);
        if (f.severity() != null) {
            q.and("severity = ?", f.severity().wire());
        }
        if (f.status() != null) {
            q.and("status = ?", f.status().wire());
        }
        if (f.assignee() != null) {
            q.and("assigned_to = ?", f.assignee());
        }
        if (f.from() != null) {
            q.and("created_at >= ?", PgRows.at(f.from()));
        }
        if (f.to() != null) {
            q.and("created_at < ?", PgRows.at(f.to()));
        }
        if (page.cursor() != null) {
            List<String> parts = Cursor.decode(CURSOR, page.cursor(), 2);
            q.and("(created_at, incident_id) < (?, CAST(? AS uuid))",
                    PgRows.at(Cursor.instantFromMicros(parts.get(0))), Cursor.uuid(parts.get(1)));
        }
        List<SecurityIncident> rows = q.page(db, "created_at DESC, incident_id DESC", page.limit() + 1,
                PostgresIncidentRepository::incident);
        return Page.of(rows, page.limit(), i -> Cursor.encode(CURSOR, Cursor.micros(i.createdAt()),
                i.incidentId().toString()));
    }

    private static SecurityIncident incident(PgRow r) {
        return new SecurityIncident(PgRows.uuid(r, "incident_id"), PgRows.text(r, "title"),
                PgRows.text(r, "description"), AuditSeverity.parse(PgRows.text(r, "severity")),
                IncidentCategory.parse(PgRows.text(r, "category")),
                SecurityIncident.Status.valueOf(PgRows.text(r, "status").toUpperCase(java.util.Locale.ROOT)),
                List.of(PgRows.textArray(r, "affected_users")), List.of(PgRows.textArray(r, "affected_resources")),
                Arrays.stream(PgRows.textArray(r, "related")).map(UUID::fromString).toList(),
                PgRows.bool(r, "confidential"), PgRows.text(r, "opened_by"), PgRows.text(r, "assigned_to"),
                PgRows.instant(r, "created_at"), PgRows.instant(r, "updated_at"), PgRows.longValue(r, "version"));
    }
}
