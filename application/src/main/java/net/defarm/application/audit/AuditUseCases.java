package net.defarm.application.audit;

import net.defarm.application.shared.Clock;
import net.defarm.application.shared.UnitOfWork;

/** The audit trail's inbound ports, wired over its storage. */
public record AuditUseCases(AuditTrail trail, AuditQueries queries, SubmitAuditEvents submissions,
                            Incidents incidents, ComplianceReports reports, VerifyAuditChain verification,
                            AuditRetention retention, UserActivities activities, AuditorGrants auditors) {

    /** {@code enabled}: whether the service records its own actions (AUDIT_ENABLED). */
    public static AuditUseCases create(AuditPorts ports, Accounts users, UnitOfWork uow, Clock clock,
                                       boolean enabled) {
        AuditTrail trail = new AuditTrail(ports.events(), ports.incidents(), clock, enabled);
        AuditReaders readers = new AuditReaders(users, ports.auditors());
        return new AuditUseCases(trail, new AuditQueries(ports.events(), ports.incidents(), readers, clock, trail),
                new SubmitAuditEvents(trail, uow, clock),
                new Incidents(ports.incidents(), readers, trail, uow, clock),
                new ComplianceReports(ports.events(), ports.reports(), readers, trail, uow, clock),
                new VerifyAuditChain(ports.events(), readers),
                new AuditRetention(ports.events(), users, trail, clock, uow),
                new UserActivities(ports.activities(), readers, trail, uow, clock),
                new AuditorGrants(ports.auditors(), readers, trail, uow));
    }
}
