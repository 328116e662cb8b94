package net.defarm.application.history;

import java.util.UUID;
import net.defarm.application.circuits.PushAnchoring;
import net.defarm.application.delivery.Outbox;
import net.defarm.application.evidence.AnchorTargets;
import net.defarm.application.shared.Clock;
import net.defarm.domain.circuits.AdapterType;
import net.defarm.domain.circuits.Circuit;
import net.defarm.domain.delivery.OutboxMessage;
import net.defarm.domain.history.StorageRecord;

/**
 * Enqueues uploads in the caller's unit of work: an {@code anchor} message per completed push into a circuit whose
 * adapter stores content, and per migration. {@link StoreItemState} carries them out; the push never waits for (or
 * fails with) the upload.
 */
public final class AnchorRequests implements PushAnchoring {

    private final Outbox outbox;
    private final Clock clock;

    public AnchorRequests(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void pushed(Circuit circuit, String dfid, String actorId) {
        if (circuit.adapterConfig() == null || circuit.adapterConfig().adapterType() == null) {
            return;
        }
        AdapterType type = circuit.adapterConfig().adapterType();
        if (AnchorTargets.of(type).filter(AnchorTargets.Target::storesContent).isPresent()) {
            enqueue(new AnchorRequest(dfid, circuit.circuitId(), type, StorageRecord.CIRCUIT_PUSH, actorId, null));
        }
    }

    /** Enqueues {@code request}; returns the message id (the storage record will carry it). */
    UUID enqueue(AnchorRequest request) {
        UUID id = UUID.randomUUID();
        // No circuit on the message: a circuit's message log lists its webhook deliveries only.
        outbox.enqueue(OutboxMessage.create(id, OutboxMessage.ANCHOR, null, request.dfid(),
                request.operation(), request.encode(), clock.now()));
        return id;
    }
}
