package net.defarm.application.circuits;

import net.defarm.domain.audit.AuditEventType;
import net.defarm.application.audit.AuditFact;
import java.util.UUID;
import net.defarm.application.events.EventRepository;
import net.defarm.application.shared.Clock;
import net.defarm.domain.circuits.Activity;
import net.defarm.domain.circuits.Circuit;
import net.defarm.domain.circuits.CircuitItem;
import net.defarm.domain.circuits.CircuitOperation;
import net.defarm.domain.events.Event;
import net.defarm.domain.events.EventType;
import net.defarm.domain.events.EventVisibility;
import net.defarm.domain.shared.JsonObject;
import net.defarm.domain.shared.JsonValue;

/**
 * What every push and pull records, inside the caller's transaction: the operation, the event on the item's
 * timeline, and, once the operation is complete, the item's presence in the circuit, the activity and auto-publish.
 */
final class CircuitTraffic {

    private final CircuitStore store;
    private final CircuitItemRepository items;
    private final CircuitOperationRepository operations;
    private final CircuitActivityRepository activities;
    private final EventRepository events;
    private final Clock clock;

    CircuitTraffic(CircuitStore store, CircuitItemRepository items, CircuitOperationRepository operations,
                   CircuitActivityRepository activities, EventRepository events, Clock clock) {
        this.store = store;
        this.items = items;
        this.operations = operations;
        this.activities = activities;
        this.events = events;
        this.clock = clock;
    }

    CircuitOperation begin(Circuit circuit, String dfid, CircuitOperation.Type type, String requesterId) {
        boolean gated = type == CircuitOperation.Type.PUSH ? circuit.permissions().requireApprovalForPush()
                : circuit.permissions().requireApprovalForPull();
        CircuitOperation operation = operations.insert(CircuitOperation.start(UUID.randomUUID(), circuit.circuitId(),
                dfid, type, requesterId, gated, clock.now()));
        if (!operation.isPending()) {
            complete(circuit, operation);
        }
        record(circuit, operation);
        store.audit.record(requesterId, null, AuditFact.of(AuditEventType.DATA,
                        type == CircuitOperation.Type.PUSH ? "circuit.push" : "circuit.pull", "circuit",
                        circuit.circuitId().toString())
                .detail("dfid", dfid).detail("operation_id", operation.operationId().toString())
                .detail("status", operation.isPending() ? "pending" : "completed"));
        store.postActions.onItemPushed(circuit, operation);
        return operation;
    }

    /** The effects of a completed push (item in, activity, auto-publish) or pull (item out, activity). */
    void complete(Circuit circuit, CircuitOperation operation) {
        if (operation.type() == CircuitOperation.Type.PUSH) {
            items.put(new CircuitItem(circuit.circuitId(), operation.dfid(), operation.requesterId(), clock.now()));
            Circuit published = circuit.publishingPushed(operation.dfid(), clock.now());
            if (published != circuit) {
                Circuit saved = store.circuits.update(store.postActions.onPublished(circuit, published,
                        operation.requesterId()));
                store.snapshots.record(circuit, saved, operation.requesterId());
            }
            store.anchoring.pushed(circuit, operation.dfid(), operation.requesterId());
        } else {
            items.remove(circuit.circuitId(), operation.dfid());
        }
        activities.append(Activity.completed(UUID.randomUUID(), operation.type(), circuit, operation.dfid(), operation.requesterId(),
                clock.now()));
    }

    /**
     * The PushedToCircuit / PulledFromCircuit event, public if the circuit allows public visibility, otherwise for
     * its members. Recorded for pending operations too; the operation id keeps every such event distinct.
     */
    private void record(Circuit circuit, CircuitOperation operation) {
        boolean push = operation.type() == CircuitOperation.Type.PUSH;
        JsonObject metadata = JsonObject.of("circuit_id", JsonValue.of(circuit.circuitId().toString()))
                .with("requester_id", JsonValue.of(operation.requesterId()))
                .with("operation", JsonValue.of(push ? "push" : "pull"))
                .with("operation_id", JsonValue.of(operation.operationId().toString()));
        events.insertIfAbsent(Event.record(UUID.randomUUID(), operation.dfid(),
                push ? EventType.PUSHED_TO_CIRCUIT : EventType.PULLED_FROM_CIRCUIT, operation.requesterId(),
                circuit.permissions().allowPublicVisibility() ? EventVisibility.PUBLIC : EventVisibility.CIRCUIT_ONLY,
                metadata, clock.now()));
    }
}
