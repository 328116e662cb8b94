package net.defarm.application.circuits;

import net.defarm.domain.audit.AuditEventType;
import net.defarm.application.audit.AuditFact;
import java.util.List;
import java.util.UUID;
import net.defarm.application.credits.CreditCharges;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.Retry;
import net.defarm.application.shared.UseCase;
import net.defarm.domain.circuits.Circuit;
import net.defarm.domain.circuits.CircuitOperation;
import net.defarm.domain.circuits.Permission;
import net.defarm.domain.shared.NotFoundException;
import net.defarm.domain.shared.PermissionDeniedException;

/**
 * Deciding pending pushes and pulls. The approver is always the authenticated caller and needs ManageMembers;
 * only pending operations can be decided (409 otherwise).
 */
@UseCase
public final class ApproveOperations {

    private final CircuitStore store;
    private final CircuitTraffic traffic;
    private final CircuitOperationRepository operations;
    private final CreditCharges charges;

    ApproveOperations(CircuitStore store, CircuitTraffic traffic, CircuitOperationRepository operations,
                      CreditCharges charges) {
        this.store = store;
        this.traffic = traffic;
        this.operations = operations;
        this.charges = charges;
    }

    /** Approves; a push then puts the item in the circuit (pushed by the requester), a pull takes it out. */
    public CircuitOperation approve(Actor actor, UUID operationId) {
        return Retry.onStale(() -> store.uow.inTransaction(() -> {
            CircuitOperation operation = load(operationId);
            Circuit circuit = decidable(actor, operation);
            circuit.require(actor.userId(), Permission.MANAGE_MEMBERS, "approve operations");
            CircuitOperation approved = operations.update(operation.approved(actor.userId(), store.clock.now()));
            traffic.complete(circuit, approved);
            store.postActions.onItemApproved(circuit, approved);
            store.audit.record(actor, decision("circuit.approve", approved));
            return approved;
        }));
    }

    /** Rejects; what the request was charged (its Consumption line) is refunded to the requester in the same unit. */
    public CircuitOperation reject(Actor actor, UUID operationId, String reason) {
        return Retry.onStale(() -> store.uow.inTransaction(() -> {
            CircuitOperation operation = load(operationId);
            Circuit circuit = decidable(actor, operation);
            circuit.require(actor.userId(), Permission.MANAGE_MEMBERS, "reject operations");
            CircuitOperation rejected = operations.update(operation.rejected(actor.userId(), reason,
                    store.clock.now()));
            charges.refund(rejected.operationId(), "Refund: circuit " + rejected.type().wireName()
                    + " " + rejected.dfid() + " rejected");
            store.audit.record(actor, decision("circuit.reject", rejected));
            return rejected;
        }));
    }

    private static AuditFact decision(String action, CircuitOperation o) {
        return AuditFact.of(AuditEventType.DATA, action, "circuit", o.circuitId().toString())
                .subject(o.requesterId()).detail("operation_id", o.operationId().toString())
                .detail("dfid", o.dfid());
    }

    /**
     * Approves an operation that must belong to {@code circuitId} (routes that name both), as the caller; actor ids
     * a request names (an approver or admin id in its body) may only name the caller.
     */
    public CircuitOperation approveInCircuit(Actor actor, UUID circuitId, UUID operationId, List<String> named) {
        actsAsCaller(actor, named);
        inCircuit(circuitId, operationId);
        return approve(actor, operationId);
    }

    public CircuitOperation rejectInCircuit(Actor actor, UUID circuitId, UUID operationId, String reason,
                                            List<String> named) {
        actsAsCaller(actor, named);
        inCircuit(circuitId, operationId);
        return reject(actor, operationId, reason);
    }

    /** Approves as the caller; ids the request names may only name the caller. */
    public CircuitOperation approve(Actor actor, UUID operationId, List<String> named) {
        actsAsCaller(actor, named);
        return approve(actor, operationId);
    }

    public CircuitOperation reject(Actor actor, UUID operationId, String reason, List<String> named) {
        actsAsCaller(actor, named);
        return reject(actor, operationId, reason);
    }

    /**
     * Decisions always act as the authenticated caller. Clients that still send an approver or admin id are
     * accepted only when it names the caller; naming someone else is refused and changes nothing. Join-request
     * decisions ({@link JoinCircuit}) apply the same rule through this method.
     */
    static void actsAsCaller(Actor actor, List<String> named) {
        for (String id : named) {
            if (id != null && !id.equals(actor.userId())) {
                throw new PermissionDeniedException("ACTOR_MISMATCH", "Permission denied: approvals act as the "
                        + "authenticated user; the body names someone else");
            }
        }
    }

    /**
     * The operation's circuit, if the caller belongs to it. To anyone else an operation id is as unknown as one
     * that does not exist (404, not 403), so knowing the id reveals nothing; members lacking ManageMembers get 403.
     */
    private Circuit decidable(Actor actor, CircuitOperation operation) {
        Circuit circuit = store.load(operation.circuitId());
        if (!circuit.isMember(actor.userId())) {
            throw notFound();
        }
        return circuit;
    }

    private void inCircuit(UUID circuitId, UUID operationId) {
        if (!load(operationId).circuitId().equals(circuitId)) {
            throw notFound();
        }
    }

    private CircuitOperation load(UUID operationId) {
        return operations.findById(operationId).orElseThrow(ApproveOperations::notFound);
    }

    private static NotFoundException notFound() {
        return new NotFoundException("OPERATION_NOT_FOUND", "Operation not found");
    }
}
