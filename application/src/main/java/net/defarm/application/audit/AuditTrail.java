package net.defarm.application.audit;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.Clock;
import net.defarm.application.shared.KeyScope;
import net.defarm.application.shared.UseCase;
import net.defarm.domain.audit.AuditEvent;
import net.defarm.domain.audit.AuditEventType;
import net.defarm.domain.audit.AuditOrigin;
import net.defarm.domain.audit.IncidentCategory;
import net.defarm.domain.audit.SecurityIncident;

/**
 * Where use cases emit audit facts. A fact recorded inside a unit of work is one more INSERT in that transaction,
 * kept exactly when the change is; outside one it is written on its own (a refused request). The HTTP door runs
 * each request in a {@link Scope} with its origin (address, agent, request id), which the trail adds to every record of
 * that request. A high or critical security fact opens an incident in the same unit of work. When auditing is
 * off (AUDIT_ENABLED=false) nothing is written but the retention command's own records.
 */
@UseCase
public final class AuditTrail {

    private final AuditRepository events;
    private final IncidentRepository incidents;
    private final Clock clock;
    private final boolean enabled;
    // Per request thread: what the door saw, and whether a use case already recorded the request's refusal.
    private final ThreadLocal<RequestState> request = new ThreadLocal<>();

    private static final class RequestState {
        private final AuditOrigin origin;
        private boolean refusalRecorded;

        RequestState(AuditOrigin origin) {
            this.origin = origin;
        }
    }

    public AuditTrail(AuditRepository events, IncidentRepository incidents, Clock clock, boolean enabled) {
        this.events = events;
        this.incidents = incidents;
        this.clock = clock;
        this.enabled = enabled;
    }

    public boolean enabled() {
        return enabled;
    }

    /** The records of one request, until closed: they carry its origin. */
    public final class Scope implements AutoCloseable {
        private final RequestState outer;

        private Scope(RequestState outer) {
            this.outer = outer;
        }

        @Override
        public void close() {
            if (outer == null) {
                request.remove();
            } else {
                request.set(outer);
            }
        }
    }

    /** Opens one request's scope (the door closes it when the request ends, on its thread). */
    public Scope open(AuditOrigin origin) {
        RequestState outer = request.get();
        request.set(new RequestState(origin));
        return new Scope(outer);
    }

    /** Records what {@code actor} did (their API key too, when one authenticated the request). */
    public void record(Actor actor, AuditFact fact) {
        record(actor == null ? null : actor.userId(), actor == null ? null : actor.keyScope().map(KeyScope::keyId)
                .orElse(null), fact);
    }

    /** Records a fact of an actor known only by id (null: nobody authenticated). */
    public void record(String actorId, UUID keyId, AuditFact fact) {
        if (enabled) {
            recordAlways(actorId, keyId, fact);
        }
    }

    /** Records even when automatic records are off: removing part of the trail is never done silently. */
    void recordAlways(String actorId, UUID keyId, AuditFact fact) {
        RequestState state = request.get();
        AuditEvent event = new AuditEvent(UUID.randomUUID(), clock.now(), actorId, keyId, fact.subjectId(),
                fact.type(), fact.action(), fact.resource(), fact.resourceId(), fact.outcome(), fact.severity(),
                fact.details(), state == null ? AuditOrigin.NONE : state.origin, null, null, false, null);
        append(event);
    }

    /**
     * Records a refusal the use case itself describes better than the door could (a failed sign-in names the
     * account); the door then does not add its own record of the same refusal.
     */
    public void refused(String actorId, UUID keyId, AuditFact fact) {
        record(actorId, keyId, fact);
        RequestState state = request.get();
        if (state != null) {
            state.refusalRecorded = true;
        }
    }

    /** Whether this request's refusal is already recorded (by the use case that refused it). */
    public boolean refusalRecorded() {
        RequestState state = request.get();
        return state != null && state.refusalRecorded;
    }

    /** The origin of the current request (none outside one). */
    public AuditOrigin origin() {
        RequestState state = request.get();
        return state == null ? AuditOrigin.NONE : state.origin;
    }

    /** A stored record, and the incident it opened, if any. */
    record Appended(AuditEvent event, Optional<UUID> incidentId) {
    }

    /**
     * Appends a complete record (client-submitted ones arrive built). A high or critical security record of the
     * service's own opens an incident; a client's claim never does (anyone could open incidents in bulk).
     */
    Appended append(AuditEvent event) {
        AuditEvent stored = events.append(event);
        if (!event.submitted() && event.type() == AuditEventType.SECURITY && event.severity().opensIncident()) {
            SecurityIncident incident = automaticIncident(stored);
            incidents.insert(incident);
            return new Appended(stored, Optional.of(incident.incidentId()));
        }
        return new Appended(stored, Optional.empty());
    }

    private SecurityIncident automaticIncident(AuditEvent e) {
        List<String> users = e.subjectId() != null ? List.of(e.subjectId())
                : e.actorId() != null ? List.of(e.actorId()) : List.of();
        String resource = e.resourceId() == null ? e.resource() : e.resource() + ":" + e.resourceId();
        return new SecurityIncident(UUID.randomUUID(), "Security event: " + e.action(),
                "Opened automatically by a " + e.severity().wire() + " security event (" + e.outcome().wire() + ")",
                e.severity(), IncidentCategory.UNAUTHORIZED_ACCESS, SecurityIncident.Status.OPEN, users,
                List.of(resource), List.of(e.eventId()), false, null, null, e.at(), e.at(), 0);
    }
}
