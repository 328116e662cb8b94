package net.defarm.application.circuits;

import net.defarm.domain.audit.AuditEventType;
import net.defarm.application.audit.AuditTrail;
import net.defarm.application.audit.AuditFact;
import java.util.UUID;
import java.util.function.UnaryOperator;
import net.defarm.application.delivery.PostActions;
import net.defarm.application.integrity.CircuitSnapshots;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.Clock;
import net.defarm.application.shared.Retry;
import net.defarm.application.shared.UnitOfWork;
import net.defarm.domain.circuits.Circuit;
import net.defarm.domain.shared.NotFoundException;
import net.defarm.domain.shared.PermissionDeniedException;

/** Loading circuits and changing them transactionally, retried when a concurrent change got there first. */
final class CircuitStore {

    final CircuitRepository circuits;
    final UnitOfWork uow;
    final Clock clock;
    /** Post-actions (webhooks) of circuit changes, enqueued in the same transaction as the change. */
    final PostActions postActions;
    /** The circuit's snapshot chain, appended to in the transaction of each change. */
    final CircuitSnapshots snapshots;
    /** The circuit's storage adapter: uploads enqueued in the transaction of each completed push. */
    final PushAnchoring anchoring;
    /** The audit trail: membership and role changes, pushes, pulls and decisions are recorded in their transaction. */
    final AuditTrail audit;

    CircuitStore(CircuitRepository circuits, UnitOfWork uow, Clock clock, PostActions postActions,
                 CircuitSnapshots snapshots, PushAnchoring anchoring, AuditTrail audit) {
        this.audit = audit;
        this.circuits = circuits;
        this.anchoring = anchoring;
        this.snapshots = snapshots;
        this.uow = uow;
        this.clock = clock;
        this.postActions = postActions;
    }

    /**
     * The circuit for a change: its rules then decide (a non-member holds no permission, so a change attempted by a
     * non-member is 403, as reference case 35 asks). Reads go through {@link #visible} instead.
     */
    Circuit load(UUID circuitId) {
        return circuits.findById(circuitId).orElseThrow(CircuitStore::notFound);
    }

    /** A circuit the actor may look at: a member's, or a publicly accessible one; otherwise it does not exist. */
    Circuit visible(Actor actor, UUID circuitId) {
        Circuit circuit = load(circuitId);
        if (actor != null && circuit.isMember(actor.userId())) {
            return circuit;
        }
        if (circuit.isPubliclyAccessible(clock.now())) {
            return circuit;
        }
        throw notFound();
    }

    /** A circuit the actor belongs to; non-members of a private circuit see 404, of a public one 403. */
    Circuit ofMember(Actor actor, UUID circuitId) {
        Circuit circuit = visible(actor, circuitId);
        if (!circuit.isMember(actor.userId())) {
            throw new PermissionDeniedException("NOT_A_MEMBER",
                    "Permission denied: only members of this circuit can do this");
        }
        return circuit;
    }

    /**
     * Loads, applies, saves (when changed) and snapshots in one transaction; runs again if the circuit changed
     * meanwhile.
     */
    Circuit change(Actor actor, UUID circuitId, UnaryOperator<Circuit> change) {
        return change(actor, circuitId, change, null);
    }

    /** As {@link #change(Actor, UUID, UnaryOperator)}, recording {@code fact} (when not null) if it changed. */
    Circuit change(Actor actor, UUID circuitId, UnaryOperator<Circuit> change, AuditFact fact) {
        return Retry.onStale(() -> uow.inTransaction(() -> {
            Circuit current = load(circuitId);
            Circuit changed = change.apply(current);
            if (changed == current) {
                return current;
            }
            Circuit saved = circuits.update(changed);
            snapshots.record(current, saved, actor.userId());
            if (fact != null) {
                audit.record(actor, fact);
            }
            return saved;
        }));
    }

    static NotFoundException notFound() {
        return new NotFoundException("CIRCUIT_NOT_FOUND", "Circuit not found");
    }
}
