package net.defarm.application.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.Clock;
import net.defarm.application.shared.Page;
import net.defarm.application.shared.PageRequest;
import net.defarm.application.shared.UnitOfWork;
import net.defarm.application.shared.UseCase;
import net.defarm.domain.audit.AuditEvent;
import net.defarm.domain.audit.AuditEventType;
import net.defarm.domain.audit.ComplianceReport;
import net.defarm.domain.shared.InvalidInputException;

/**
 * Compliance reports computed from the audit records of a period: each report type reads the record types its
 * regulation is about, counts them by type, outcome and severity, and lists the records as evidence. A user's
 * report covers their own records; administrators and auditors may report on everyone or on one user.
 */
@UseCase
public final class ComplianceReports {

    /** The record types each report type reads. */
    static final Map<String, Set<AuditEventType>> TYPES = Map.of(
            "gdpr", Set.of(AuditEventType.DATA, AuditEventType.ACCESS, AuditEventType.SECURITY),
            "gdpr-data-subject", Set.of(AuditEventType.DATA, AuditEventType.ACCESS, AuditEventType.SECURITY),
            "ccpa-consumer", Set.of(AuditEventType.DATA, AuditEventType.ACCESS),
            "food_safety", Set.of(AuditEventType.DATA),
            "sox-financial", Set.of(AuditEventType.SYSTEM, AuditEventType.SECURITY),
            "audit-trail", Set.of(),
            "security-incident", Set.of(AuditEventType.SECURITY));

    private final AuditRepository events;
    private final ComplianceReportRepository reports;
    private final AuditReaders readers;
    private final AuditTrail trail;
    private final UnitOfWork uow;
    private final Clock clock;

    ComplianceReports(AuditRepository events, ComplianceReportRepository reports, AuditReaders readers,
                      AuditTrail trail, UnitOfWork uow, Clock clock) {
        this.events = events;
        this.reports = reports;
        this.readers = readers;
        this.trail = trail;
        this.uow = uow;
        this.clock = clock;
    }

    /** A report to compute; {@code scopeUserId} null: every user (administrators and auditors only). */
    public record Request(String reportType, Instant periodStart, Instant periodEnd, String scopeUserId,
                          String format) {
        public Request {
            if (reportType == null || !TYPES.containsKey(reportType.toLowerCase(Locale.ROOT))) {
                throw new InvalidInputException("INVALID_REPORT_TYPE", "report_type must be one of "
                        + String.join(", ", new java.util.TreeSet<>(TYPES.keySet())));
            }
            reportType = reportType.toLowerCase(Locale.ROOT);
            if (periodStart == null || periodEnd == null || !periodStart.isBefore(periodEnd)) {
                throw new InvalidInputException("INVALID_PERIOD", "the period's start must come before its end");
            }
            format = format == null ? "json" : format.toLowerCase(Locale.ROOT);
            // Reports are answered and stored as JSON; a format that is not produced is refused, not pretended.
            if (!format.equals("json")) {
                throw new InvalidInputException("INVALID_FORMAT", "export_format must be json (the only format "
                        + "reports are produced in)");
            }
        }
    }

    public ComplianceReport create(Actor actor, Request r) {
        String scope = r.scopeUserId();
        if (scope == null && !readers.privileged(actor)) {
            scope = actor.userId();
        }
        AuditFilter filter = readers.scoped(actor, new AuditFilter(scope, TYPES.get(r.reportType()), null, null,
                null, null, r.periodStart(), r.periodEnd(), null)).serviceRecordsOnly();
        AuditCounts counts = events.count(filter);
        List<UUID> evidence = new ArrayList<>();
        String cursor = null;
        do {
            Page<AuditEvent> page = events.query(filter, new PageRequest(PageRequest.MAX_LIMIT, cursor));
            page.items().stream().limit(ComplianceReport.MAX_EVIDENCE - evidence.size())
                    .forEach(e -> evidence.add(e.eventId()));
            cursor = page.nextCursor();
        } while (cursor != null && evidence.size() < ComplianceReport.MAX_EVIDENCE);
        boolean attention = counts.bySeverity().getOrDefault("high", 0L)
                + counts.bySeverity().getOrDefault("critical", 0L) > 0;
        ComplianceReport report = new ComplianceReport(UUID.randomUUID(), r.reportType(), r.periodStart(),
                r.periodEnd(), filter.involving(), r.format(), actor.userId(), clock.now(), counts.total(),
                counts.byType(), counts.byOutcome(), counts.bySeverity(), evidence, counts.total() > evidence.size(),
                attention ? "review" : "compliant");
        uow.inTransaction(() -> {
            reports.insert(report);
            trail.record(actor, AuditFact.of(AuditEventType.COMPLIANCE, "compliance.report", "report",
                    report.reportId().toString()).detail("report_type", report.reportType()));
        });
        return report;
    }

    /** Issued reports: administrators and auditors only. */
    public Page<ComplianceReport> list(Actor actor, String reportType, PageRequest page) {
        readers.requirePrivileged(actor);
        return reports.list(reportType == null ? null : reportType.toLowerCase(Locale.ROOT), page);
    }
}
