package net.defarm.domain.circuits;

import java.time.Instant;
import java.util.UUID;

/** An item's presence in a circuit (readable by its members); pushing again refreshes it. */
public record CircuitItem(UUID circuitId, String dfid, String pushedBy, Instant pushedAt) {
}
