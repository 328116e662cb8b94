package net.defarm.application.circuits;

import java.util.UUID;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.Retry;
import net.defarm.application.shared.UseCase;
import net.defarm.domain.circuits.Circuit;
import net.defarm.domain.circuits.CircuitOperation;
import net.defarm.domain.circuits.Permission;
import net.defarm.domain.shared.NotFoundException;

/**
 * Deciding pending pushes and pulls. The approver is always the authenticated caller and needs ManageMembers;
 * only pending operations can be decided (409 otherwise).
 */
@UseCase
public final class ApproveOperations {

    private final CircuitStore store;
    private final CircuitTraffic traffic;
    private final CircuitOperationRepository operations;

    ApproveOperations(CircuitStore store, CircuitTraffic traffic, CircuitOperationRepository operations) {
        this.store = store;
        this.traffic = traffic;
        this.operations = operations;
    }

    /** Approves; a push then puts the item in the circuit (pushed by the requester), a pull takes it out. */
    public CircuitOperation approve(Actor actor, UUID operationId) {
        return Retry.onStale(() -> store.uow.inTransaction(() -> {
            CircuitOperation operation = load(operationId);
            Circuit circuit = store.load(operation.circuitId());
            circuit.require(actor.userId(), Permission.MANAGE_MEMBERS, "approve operations");
            CircuitOperation approved = operations.update(operation.approved(actor.userId(), store.clock.now()));
            traffic.complete(circuit, approved);
            return approved;
        }));
    }

    public CircuitOperation reject(Actor actor, UUID operationId, String reason) {
        return Retry.onStale(() -> store.uow.inTransaction(() -> {
            CircuitOperation operation = load(operationId);
            Circuit circuit = store.load(operation.circuitId());
            circuit.require(actor.userId(), Permission.MANAGE_MEMBERS, "reject operations");
            return operations.update(operation.rejected(actor.userId(), reason, store.clock.now()));
        }));
    }

    /** An operation of this circuit (for routes that name both). */
    public CircuitOperation inCircuit(UUID circuitId, UUID operationId) {
        CircuitOperation operation = load(operationId);
        if (!operation.circuitId().equals(circuitId)) {
            throw notFound();
        }
        return operation;
    }

    private CircuitOperation load(UUID operationId) {
        return operations.findById(operationId).orElseThrow(ApproveOperations::notFound);
    }

    private static NotFoundException notFound() {
        return new NotFoundException("OPERATION_NOT_FOUND", "Operation not found");
    }
}
