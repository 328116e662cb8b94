package net.defarm.adapters.postgres;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.defarm.application.audit.ComplianceReportRepository;
import net.defarm.application.shared.Cursor;
import net.defarm.application.shared.Page;
import net.defarm.application.shared.PageRequest;
import net.defarm.domain.audit.ComplianceReport;

/** Compliance reports in PostgreSQL, each kept as one JSON document. */
public final class PostgresComplianceReportRepository implements ComplianceReportRepository {

    static final String CURSOR = "compliance-reports";
    private static final String SELECT = "SELECT CAST(document AS text) AS document FROM audit_reports WHERE true";

    private final PostgresDatabase db;

    public PostgresComplianceReportRepository(PostgresDatabase db) {
        this.db = db;
    }

    /** The stored form: instants as text, so that no time module is needed to read it back. */
    private record Doc(UUID reportId, String reportType, String periodStart, String periodEnd, String scopeUserId,
                       String format, String requestedBy, String createdAt, long totalEvents,
                       Map<String, Long> byType, Map<String, Long> byOutcome, Map<String, Long> bySeverity,
                       List<UUID> evidence, boolean evidenceTruncated, String status) {
    }

    @Override
    public void insert(ComplianceReport r) {
        Doc doc = new Doc(r.reportId(), r.reportType(), r.periodStart().toString(), r.periodEnd().toString(),
                r.scopeUserId(), r.format(), r.requestedBy(), r.createdAt().toString(), r.totalEvents(), r.byType(),
                r.byOutcome(), r.bySeverity(), r.evidence(), r.evidenceTruncated(), r.status());
        db.run(ex -> ex.insert("INSERT INTO audit_reports (report_id, report_type, created_at, document) "
                + "VALUES (CAST(? AS uuid), ?, ?, CAST(? AS jsonb))", r.reportId(), r.reportType(),
                PgRows.at(r.createdAt()), PgRows.json(doc)));
    }

    @Override
    public Optional<ComplianceReport> find(UUID reportId) {
        return db.one(SELECT + " AND report_id = CAST(? AS uuid)", row -> report(PgRows.text(row, "document")),
                reportId);
    }

    @Override
    public Page<ComplianceReport> list(String reportType, PageRequest page) {
        PageQuery q = new PageQuery(SELECT);
        if (reportType != null) {
            q.and("report_type = ?", reportType);
        }
        if (page.cursor() != null) {
            List<String> parts = Cursor.decode(CURSOR, page.cursor(), 2);
            q.and("(created_at, report_id) < (?, CAST(? AS uuid))",
                    PgRows.at(Cursor.instantFromMicros(parts.get(0))), Cursor.uuid(parts.get(1)));
        }
        List<ComplianceReport> rows = q.page(db, "created_at DESC, report_id DESC", page.limit() + 1,
                row -> report(PgRows.text(row, "document")));
        return Page.of(rows, page.limit(), r -> Cursor.encode(CURSOR, Cursor.micros(r.createdAt()),
                r.reportId().toString()));
    }

    private static ComplianceReport report(String json) {
        Doc d = PgRows.read(json, new TypeReference<Doc>() { });
        return new ComplianceReport(d.reportId(), d.reportType(), Instant.parse(d.periodStart()),
                Instant.parse(d.periodEnd()), d.scopeUserId(), d.format(), d.requestedBy(),
                Instant.parse(d.createdAt()), d.totalEvents(), d.byType(), d.byOutcome(), d.bySeverity(),
                d.evidence(), d.evidenceTruncated(), d.status());
    }
}
