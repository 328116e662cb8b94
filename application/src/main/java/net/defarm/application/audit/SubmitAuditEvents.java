package net.defarm.application.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.Clock;
import net.defarm.application.shared.KeyScope;
import net.defarm.application.shared.UnitOfWork;
import net.defarm.application.shared.UseCase;
import net.defarm.domain.audit.AuditEvent;
import net.defarm.domain.audit.AuditEventType;
import net.defarm.domain.audit.AuditOutcome;
import net.defarm.domain.audit.AuditSeverity;
import net.defarm.domain.shared.InvalidInputException;
import net.defarm.domain.shared.JsonObject;
import net.defarm.domain.shared.JsonValue;

/**
 * Events a client reports (its own view of what happened: a screen opened, a file exported offline). They are
 * attributed to the authenticated caller, whatever user a body names; the address and agent are the door's, the
 * client's own claims stay in {@code metadata}. They are marked as submitted, apart from the service's records.
 */
@UseCase
public final class SubmitAuditEvents {

    /** At most this many events per sync. */
    public static final int MAX_SYNC = 500;

    private final AuditTrail trail;
    private final UnitOfWork uow;
    private final Clock clock;

    SubmitAuditEvents(AuditTrail trail, UnitOfWork uow, Clock clock) {
        this.trail = trail;
        this.uow = uow;
        this.clock = clock;
    }

    /** One reported event; {@code claimedAt} and {@code claimedId} (a sync's) are kept in the details. */
    public record Submission(AuditEventType type, String action, String resource, String resourceId,
                             AuditOutcome outcome, AuditSeverity severity, JsonObject details, JsonObject metadata,
                             Set<String> compliance, Instant claimedAt, UUID claimedId) {
        public Submission {
            if (action == null || action.isBlank() || action.length() > 200) {
                throw new InvalidInputException("INVALID_ACTION", "action is required (at most 200 characters)");
            }
            if (resource == null || resource.isBlank() || resource.length() > 200) {
                throw new InvalidInputException("INVALID_RESOURCE", "resource is required (at most 200 characters)");
            }
        }
    }

    /** What was stored: the record, and the incident it opened when it was a high or critical security event. */
    public record Submitted(UUID eventId, Optional<UUID> incidentId) {
    }

    public Submitted submit(Actor actor, Submission s) {
        return uow.inTransaction(() -> store(actor, s));
    }

    /** Stores a batch in one transaction: all of it or none. */
    public List<Submitted> sync(Actor actor, List<Submission> batch) {
        if (batch.size() > MAX_SYNC) {
            throw new InvalidInputException("TOO_MANY_EVENTS", "at most " + MAX_SYNC + " events per sync");
        }
        return uow.inTransaction(() -> batch.stream().map(s -> store(actor, s)).toList());
    }

    private Submitted store(Actor actor, Submission s) {
        JsonObject details = s.details() == null ? JsonObject.EMPTY : s.details();
        if (s.claimedAt() != null) {
            details = details.with("client_timestamp", JsonValue.of(s.claimedAt().toString()));
        }
        if (s.claimedId() != null) {
            details = details.with("client_event_id", JsonValue.of(s.claimedId().toString()));
        }
        AuditEvent event = new AuditEvent(UUID.randomUUID(), clock.now(), actor.userId(),
                actor.keyScope().map(KeyScope::keyId).orElse(null), null, s.type(), s.action(), s.resource(),
                s.resourceId(), s.outcome(), s.severity(), details, trail.origin(), s.metadata(), s.compliance(),
                true, null);
        AuditTrail.Appended stored = trail.append(event);
        return new Submitted(stored.event().eventId(), stored.incidentId());
    }
}
