package net.defarm.application.audit;

import java.time.Instant;
import java.util.Set;
import net.defarm.domain.audit.AuditEvent;
import net.defarm.domain.audit.AuditEventType;
import net.defarm.domain.audit.AuditOutcome;
import net.defarm.domain.audit.AuditSeverity;

/**
 * Which audit records a query reads. {@code involving}: only the records this user acted in or was the subject of
 * (null: everyone's, for auditors). Empty sets and null bounds do not filter; {@code from} inclusive, {@code to}
 * exclusive. {@code submitted}: only client-submitted records (true), only the service's own (false), both (null).
 */
public record AuditFilter(String involving, Set<AuditEventType> types, Set<String> actions, Set<String> resources,
                          Set<AuditOutcome> outcomes, Set<AuditSeverity> severities, Instant from, Instant to,
                          String compliance, Boolean submitted) {

    public AuditFilter(String involving, Set<AuditEventType> types, Set<String> actions, Set<String> resources,
                       Set<AuditOutcome> outcomes, Set<AuditSeverity> severities, Instant from, Instant to,
                       String compliance) {
        this(involving, types, actions, resources, outcomes, severities, from, to, compliance, null);
    }

    public AuditFilter {
        types = types == null ? Set.of() : Set.copyOf(types);
        actions = actions == null ? Set.of() : Set.copyOf(actions);
        resources = resources == null ? Set.of() : Set.copyOf(resources);
        outcomes = outcomes == null ? Set.of() : Set.copyOf(outcomes);
        severities = severities == null ? Set.of() : Set.copyOf(severities);
    }

    public static AuditFilter all() {
        return new AuditFilter(null, null, null, null, null, null, null, null, null);
    }

    public static AuditFilter period(String involving, Instant from, Instant to) {
        return new AuditFilter(involving, null, null, null, null, null, from, to, null);
    }

    public AuditFilter involving(String userId) {
        return new AuditFilter(userId, types, actions, resources, outcomes, severities, from, to, compliance,
                submitted);
    }

    /** The service's own records only (what compliance figures rest on). */
    public AuditFilter serviceRecordsOnly() {
        return new AuditFilter(involving, types, actions, resources, outcomes, severities, from, to, compliance,
                false);
    }

    /** The same test the stores apply in their queries (memory uses it as is). */
    public boolean matches(AuditEvent e) {
        return (involving == null || e.involves(involving))
                && (types.isEmpty() || types.contains(e.type()))
                && (actions.isEmpty() || actions.contains(e.action()))
                && (resources.isEmpty() || resources.contains(e.resource()))
                && (outcomes.isEmpty() || outcomes.contains(e.outcome()))
                && (severities.isEmpty() || severities.contains(e.severity()))
                && (from == null || !e.at().isBefore(from))
                && (to == null || e.at().isBefore(to))
                && (compliance == null || e.compliance().contains(compliance))
                && (submitted == null || submitted == e.submitted());
    }
}
