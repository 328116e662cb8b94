package net.defarm.adapters.memory;

import net.defarm.application.items.ItemSharing;

/** An item is shared with a user when one of the circuits it is in counts the user as a member. */
public final class InMemoryItemSharing implements ItemSharing {

    private final InMemoryCircuitItemRepository circuitItems;
    private final InMemoryCircuitRepository circuits;

    public InMemoryItemSharing(InMemoryCircuitItemRepository circuitItems, InMemoryCircuitRepository circuits) {
        this.circuitItems = circuitItems;
        this.circuits = circuits;
    }

    @Override
    public boolean isSharedWith(String dfid, String userId) {
        return circuitItems.circuitsOf(dfid).stream().anyMatch(circuits.circuitIdsOf(userId)::contains);
    }
}
