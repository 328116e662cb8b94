package net.defarm.application.audit;

import java.util.Objects;

/** The audit trail's storage, one component of the storage ports. */
public record AuditPorts(AuditRepository events, IncidentRepository incidents, ComplianceReportRepository reports,
                         AuditorRoles auditors, UserActivityRepository activities) {
    public AuditPorts {
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(incidents, "incidents");
        Objects.requireNonNull(reports, "reports");
        Objects.requireNonNull(auditors, "auditors");
        Objects.requireNonNull(activities, "activities");
    }
}
