package net.defarm.application.items;

/**
 * An item is shared with a user when it sits in a circuit the user belongs to, or when its owner shared it with
 * the user directly (and has not revoked it). Both are read from their stores on every check, never remembered.
 */
public final class CircuitOrDirectSharing implements ItemSharing {

    private final ItemSharing circuits;
    private final ItemShareRepository shares;

    public CircuitOrDirectSharing(ItemSharing circuits, ItemShareRepository shares) {
        this.circuits = circuits;
        this.shares = shares;
    }

    @Override
    public boolean isSharedWith(String dfid, String userId) {
        return shares.find(dfid, userId).isPresent() || circuits.isSharedWith(dfid, userId);
    }
}
