package net.defarm.application.circuits;

import net.defarm.domain.circuits.Circuit;

/**
 * What a completed push asks of the circuit's storage adapter, inside the push's transaction (the storage-history
 * context enqueues the upload; nothing leaves the process here). Kept as a port of the circuits context so that
 * context depends on nothing that reads circuits back.
 */
@FunctionalInterface
public interface PushAnchoring {

    /** Nothing is stored beyond the system of record. */
    PushAnchoring NONE = (circuit, dfid, actorId) -> { };

    /** {@code dfid} is now in {@code circuit}, pushed (or approved) on behalf of {@code actorId}. */
    void pushed(Circuit circuit, String dfid, String actorId);
}
