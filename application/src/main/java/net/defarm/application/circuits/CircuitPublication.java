package net.defarm.application.circuits;

import java.util.UUID;
import net.defarm.application.items.PublishedItems;
import net.defarm.application.shared.UseCase;
import net.defarm.domain.circuits.Circuit;

/**
 * An item is public when a circuit it sits in is publicly accessible now and lists it among its published items.
 * Being listed is not enough (the reference accepted any listed DFID, so an owner could publish someone else's
 * item): the item must also have been pushed into that circuit by one of its members.
 */
@UseCase
public final class CircuitPublication implements PublishedItems {

    /** Circuits examined per item; an item is rarely in more than a handful. */
    static final int MAX_CIRCUITS = 1_000;

    private final CircuitStore store;
    private final CircuitItemRepository circuitItems;

    CircuitPublication(CircuitStore store, CircuitItemRepository circuitItems) {
        this.store = store;
        this.circuitItems = circuitItems;
    }

    @Override
    public boolean isPublished(String dfid) {
        for (UUID id : circuitItems.circuitsContaining(dfid, MAX_CIRCUITS)) {
            Circuit c = store.circuits.findById(id).orElse(null);
            if (c != null && c.isPubliclyAccessible(store.clock.now()) && c.publishes(dfid)) {
                return true;
            }
        }
        return false;
    }
}
