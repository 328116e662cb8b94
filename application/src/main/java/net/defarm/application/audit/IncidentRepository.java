package net.defarm.application.audit;

import java.util.Optional;
import java.util.UUID;
import net.defarm.application.shared.OutboundPort;
import net.defarm.application.shared.Page;
import net.defarm.application.shared.PageRequest;
import net.defarm.domain.audit.AuditSeverity;
import net.defarm.domain.audit.SecurityIncident;

/** Security incidents: opened, assigned and resolved (updates are versioned), never removed. */
@OutboundPort
public interface IncidentRepository {

    void insert(SecurityIncident incident);

    Optional<SecurityIncident> find(UUID incidentId);

    /** Stores a change made to the version read; a {@code StaleUpdateException} when it changed since. */
    SecurityIncident update(SecurityIncident changed);

    /** Newest first; null filters do not filter. */
    Page<SecurityIncident> list(Filter filter, PageRequest page);

    record Filter(AuditSeverity severity, SecurityIncident.Status status, String assignee,
                  java.time.Instant from, java.time.Instant to) {
        public static Filter none() {
            return new Filter(null, null, null, null, null);
        }

        public boolean matches(SecurityIncident i) {
            return (severity == null || i.severity() == severity) && (status == null || i.status() == status)
                    && (assignee == null || assignee.equals(i.assignedTo()))
                    && (from == null || !i.createdAt().isBefore(from)) && (to == null || i.createdAt().isBefore(to));
        }
    }
}
