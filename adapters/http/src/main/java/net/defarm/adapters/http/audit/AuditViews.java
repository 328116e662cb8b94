package net.defarm.adapters.http.audit;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import net.defarm.application.audit.ActorCount;
import net.defarm.application.audit.AuditQueries;
import net.defarm.application.audit.VerifyAuditChain;
import net.defarm.domain.audit.AuditEvent;
import net.defarm.domain.audit.ComplianceReport;
import net.defarm.domain.audit.SecurityIncident;
import net.defarm.domain.shared.JsonObject;
import net.defarm.domain.shared.JsonValue;

/** The audit routes' JSON shapes (times in Unix seconds, as the reference's audit API has them). */
final class AuditViews {

    private AuditViews() {
    }

    record ComplianceFlags(Boolean gdpr, Boolean ccpa, Boolean hipaa, Boolean sox, Boolean lgpd) {
        Set<String> names() {
            Set<String> n = new LinkedHashSet<>();
            if (Boolean.TRUE.equals(gdpr)) {
                n.add("gdpr");
            }
            if (Boolean.TRUE.equals(ccpa)) {
                n.add("ccpa");
            }
            if (Boolean.TRUE.equals(hipaa)) {
                n.add("hipaa");
            }
            if (Boolean.TRUE.equals(sox)) {
                n.add("sox");
            }
            if (Boolean.TRUE.equals(lgpd)) {
                n.add("lgpd");
            }
            return n;
        }

        static ComplianceFlags of(Set<String> names) {
            return new ComplianceFlags(names.contains("gdpr"), names.contains("ccpa"), names.contains("hipaa"),
                    names.contains("sox"), names.contains("lgpd"));
        }
    }

    record MetadataBody(String userAgent, String ipAddress, String location, String deviceId, Long sessionDuration) {
        /** What the client claims; its address and agent are kept apart from the door's (never trusted). */
        JsonObject claims() {
            JsonObject o = JsonObject.EMPTY;
            o = userAgent == null ? o : o.with("claimed_user_agent", JsonValue.of(userAgent));
            o = ipAddress == null ? o : o.with("claimed_ip_address", JsonValue.of(ipAddress));
            o = location == null ? o : o.with("location", JsonValue.of(location));
            o = deviceId == null ? o : o.with("device_id", JsonValue.of(deviceId));
            return sessionDuration == null ? o : o.with("session_duration", JsonValue.of(sessionDuration));
        }
    }

    record MetadataView(String userAgent, String ipAddress, JsonValue location, JsonValue deviceId,
                        JsonValue sessionDuration, String requestId) {
    }

    record ChainView(String day, int shard, long seq) {
    }

    record EventView(String eventId, String userId, String keyId, String subjectId, String eventType, String action,
                     String resource, String resourceId, String outcome, String severity, long timestamp,
                     JsonObject details, MetadataView metadata, String signature, ComplianceFlags compliance,
                     boolean submitted, ChainView chain) {
        static EventView of(AuditEvent e) {
            JsonObject m = e.metadata();
            return new EventView(e.eventId().toString(), e.actorId(), e.keyId() == null ? null : e.keyId().toString(),
                    e.subjectId(), e.type().wire(), e.action(), e.resource(), e.resourceId(), e.outcome().wire(),
                    e.severity().wire(), e.at().getEpochSecond(), e.details(),
                    new MetadataView(e.origin().userAgent(), e.origin().clientAddress(),
                            m.get("location").orElse(null), m.get("device_id").orElse(null),
                            m.get("session_duration").orElse(null), e.origin().requestId()),
                    e.chain() == null ? null : e.chain().link(), ComplianceFlags.of(e.compliance()), e.submitted(),
                    e.chain() == null ? null : new ChainView(e.chain().day().toString(), e.chain().shard(),
                            e.chain().seq()));
        }
    }

    record IncidentView(String incidentId, String title, String description, String severity, String category,
                        String status, List<String> affectedUsers, List<String> affectedResources,
                        List<String> relatedEventIds, boolean confidential, long createdAt, long updatedAt,
                        String assignedTo, String openedBy) {
        static IncidentView of(SecurityIncident i) {
            return new IncidentView(i.incidentId().toString(), i.title(), i.description(), i.severity().wire(),
                    i.category().wire(), i.status().wire(), i.affectedUsers(), i.affectedResources(),
                    i.relatedEventIds().stream().map(Object::toString).toList(), i.confidential(),
                    i.createdAt().getEpochSecond(), i.updatedAt().getEpochSecond(), i.assignedTo(), i.openedBy());
        }
    }

    record ReportView(String reportId, String reportType, long startDate, long endDate, String scope, String format,
                      long createdAt, String summary, long totalEvents, String complianceStatus,
                      Map<String, Long> byType, Map<String, Long> byOutcome, Map<String, Long> bySeverity,
                      List<String> evidence, boolean evidenceTruncated, String requestedBy) {
        static ReportView of(ComplianceReport r) {
            return new ReportView(r.reportId().toString(), r.reportType(), r.periodStart().getEpochSecond(),
                    r.periodEnd().getEpochSecond(), r.scopeUserId() == null ? "all" : r.scopeUserId(), r.format(),
                    r.createdAt().getEpochSecond(), "Compliance report for " + r.totalEvents() + " events",
                    r.totalEvents(), r.status(), new TreeMap<>(r.byType()), new TreeMap<>(r.byOutcome()),
                    new TreeMap<>(r.bySeverity()),
                    r.evidence().stream().map(Object::toString).toList(), r.evidenceTruncated(), r.requestedBy());
        }
    }

    record IncidentFiguresView(long open, long critical, long resolved) {
    }

    record ComplianceCountsView(long gdprEvents, long ccpaEvents, long hipaaEvents, long soxEvents) {
    }

    record TopUserView(String userId, long eventCount, double riskScore) {
    }

    record AnomalyView(String anomalyType, String description, String severity, long detectedAt) {
    }

    record DashboardView(long totalEvents, long eventsLast24h, long eventsLast7d,
                         IncidentFiguresView securityIncidents, ComplianceCountsView complianceStatus,
                         List<TopUserView> topUsers, List<AnomalyView> anomalies) {
        static DashboardView of(AuditQueries.Dashboard d) {
            Map<String, Long> c = d.compliance();
            long total = Math.max(1, d.totalEvents());
            return new DashboardView(d.totalEvents(), d.last24h(), d.last7d(),
                    new IncidentFiguresView(d.incidents().open(), d.incidents().critical(), d.incidents().resolved()),
                    new ComplianceCountsView(c.getOrDefault("gdpr", 0L), c.getOrDefault("ccpa", 0L),
                            c.getOrDefault("hipaa", 0L), c.getOrDefault("sox", 0L)),
                    d.topUsers().stream().map((ActorCount a) -> new TopUserView(a.actorId(), a.count(),
                            Math.round(a.count() * 1000.0 / total) / 1000.0)).toList(),
                    d.anomalies().stream().map(a -> new AnomalyView(a.type(), a.description(), a.severity().wire(),
                            a.detectedAt().getEpochSecond())).toList());
        }
    }

    record BrokenView(String day, int shard, long seq, String eventId, String reason) {
    }

    record VerificationView(boolean intact, long recordsChecked, int chainsChecked, BrokenView firstBroken) {
        static VerificationView of(VerifyAuditChain.Verification v) {
            VerifyAuditChain.Broken b = v.firstBroken();
            return new VerificationView(v.intact(), v.recordsChecked(), v.chainsChecked(), b == null ? null
                    : new BrokenView(b.day().toString(), b.shard(), b.seq(),
                    b.eventId() == null ? null : b.eventId().toString(), b.reason()));
        }
    }

    static Instant seconds(Long value, String field) {
        if (value == null) {
            return null;
        }
        if (value < 0 || value > 253_402_300_799L) {
            throw new net.defarm.domain.shared.InvalidInputException("INVALID_TIMESTAMP",
                    field + " must be Unix seconds");
        }
        return Instant.ofEpochSecond(value);
    }
}
