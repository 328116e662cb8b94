package net.defarm.application.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.Clock;
import net.defarm.application.shared.Page;
import net.defarm.application.shared.PageRequest;
import net.defarm.application.shared.Retry;
import net.defarm.application.shared.UnitOfWork;
import net.defarm.application.shared.UseCase;
import net.defarm.domain.audit.AuditEventType;
import net.defarm.domain.audit.AuditSeverity;
import net.defarm.domain.audit.IncidentCategory;
import net.defarm.domain.audit.SecurityIncident;
import net.defarm.domain.shared.InvalidInputException;
import net.defarm.domain.shared.NotFoundException;

/** Security incidents: only administrators and auditors open, assign, resolve and read them; each change is audited. */
@UseCase
public final class Incidents {

    private final IncidentRepository incidents;
    private final AuditReaders readers;
    private final AuditTrail trail;
    private final UnitOfWork uow;
    private final Clock clock;

    Incidents(IncidentRepository incidents, AuditReaders readers, AuditTrail trail, UnitOfWork uow, Clock clock) {
        this.incidents = incidents;
        this.readers = readers;
        this.trail = trail;
        this.uow = uow;
        this.clock = clock;
    }

    public record Opening(String title, String description, AuditSeverity severity, IncidentCategory category,
                          List<String> affectedUsers, List<String> affectedResources, List<UUID> relatedEventIds,
                          boolean confidential) {
        public Opening {
            if (title == null || title.isBlank() || title.length() > 200) {
                throw new InvalidInputException("INVALID_TITLE", "title is required (at most 200 characters)");
            }
        }
    }

    public record Listing(AuditSeverity severity, SecurityIncident.Status status, String assignee, Instant from,
                          Instant to) {
    }

    public SecurityIncident open(Actor actor, Opening o) {
        readers.requirePrivileged(actor);
        Instant now = clock.now();
        SecurityIncident incident = new SecurityIncident(UUID.randomUUID(), o.title(), o.description(), o.severity(),
                o.category(), SecurityIncident.Status.OPEN, o.affectedUsers(), o.affectedResources(),
                o.relatedEventIds(), o.confidential(), actor.userId(), null, now, now, 0);
        uow.inTransaction(() -> {
            incidents.insert(incident);
            trail.record(actor, fact("incident.open", incident));
        });
        return incident;
    }

    public SecurityIncident assign(Actor actor, UUID incidentId, String assignee) {
        if (assignee == null || assignee.isBlank()) {
            throw new InvalidInputException("INVALID_ASSIGNEE", "assignee is required");
        }
        return change(actor, incidentId, "incident.assign", i -> i.assigned(assignee.strip(), clock.now()));
    }

    public SecurityIncident resolve(Actor actor, UUID incidentId) {
        return change(actor, incidentId, "incident.resolve", i -> i.resolved(clock.now()));
    }

    private SecurityIncident change(Actor actor, UUID incidentId, String action,
                                    java.util.function.UnaryOperator<SecurityIncident> how) {
        readers.requirePrivileged(actor);
        return Retry.onStale(() -> uow.inTransaction(() -> {
            SecurityIncident changed = incidents.update(how.apply(get(incidentId)));
            trail.record(actor, fact(action, changed).detail("status", changed.status().wire()));
            return changed;
        }));
    }

    public SecurityIncident find(Actor actor, UUID incidentId) {
        readers.requirePrivileged(actor);
        return get(incidentId);
    }

    public Page<SecurityIncident> list(Actor actor, Listing l, PageRequest page) {
        readers.requirePrivileged(actor);
        return incidents.list(new IncidentRepository.Filter(l.severity(), l.status(), l.assignee(), l.from(), l.to()),
                page);
    }

    private SecurityIncident get(UUID incidentId) {
        return incidents.find(incidentId)
                .orElseThrow(() -> new NotFoundException("INCIDENT_NOT_FOUND", "Incident not found"));
    }

    private static AuditFact fact(String action, SecurityIncident i) {
        return AuditFact.of(AuditEventType.SECURITY, action, "incident", i.incidentId().toString());
    }
}
