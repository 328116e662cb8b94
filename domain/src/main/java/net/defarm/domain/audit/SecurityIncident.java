package net.defarm.domain.audit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A security incident: opened by a person (an auditor or administrator) or automatically by a high or critical
 * security event ({@code openedBy} null), assigned, then resolved. {@code version} guards concurrent changes.
 */
public record SecurityIncident(UUID incidentId, String title, String description, AuditSeverity severity,
                               IncidentCategory category, Status status, List<String> affectedUsers,
                               List<String> affectedResources, List<UUID> relatedEventIds, boolean confidential,
                               String openedBy, String assignedTo, Instant createdAt, Instant updatedAt,
                               long version) {

    /** Where an incident stands; lower-case on the wire. */
    public enum Status {
        OPEN, ASSIGNED, RESOLVED;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public SecurityIncident {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(status, "status");
        description = description == null ? "" : description;
        affectedUsers = List.copyOf(affectedUsers);
        affectedResources = List.copyOf(affectedResources);
        relatedEventIds = List.copyOf(relatedEventIds);
    }

    public SecurityIncident assigned(String assignee, Instant now) {
        return new SecurityIncident(incidentId, title, description, severity, category,
                status == Status.RESOLVED ? Status.RESOLVED : Status.ASSIGNED, affectedUsers, affectedResources,
                relatedEventIds, confidential, openedBy, assignee, createdAt, now, version);
    }

    public SecurityIncident atVersion(long v) {
        return new SecurityIncident(incidentId, title, description, severity, category, status, affectedUsers,
                affectedResources, relatedEventIds, confidential, openedBy, assignedTo, createdAt, updatedAt, v);
    }

    public SecurityIncident resolved(Instant now) {
        return new SecurityIncident(incidentId, title, description, severity, category, Status.RESOLVED,
                affectedUsers, affectedResources, relatedEventIds, confidential, openedBy, assignedTo, createdAt, now,
                version);
    }
}
