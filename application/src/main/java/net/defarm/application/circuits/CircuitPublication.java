package net.defarm.application.circuits;

import java.util.List;
import java.util.UUID;
import net.defarm.application.items.ItemRepository;
import net.defarm.application.items.PublishedItems;
import net.defarm.application.shared.UseCase;
import net.defarm.domain.circuits.Circuit;
import net.defarm.domain.shared.InvalidInputException;

/**
 * An item is public when a circuit it sits in is publicly accessible now and lists it among its published items.
 * Being listed is not enough (the reference accepted any listed DFID, so a circuit's manager could publish someone
 * else's item): the item must be in that circuit, pushed there by its own owner. The rule is checked when public
 * settings are saved and again on every public read, so a listing that no longer holds (or was stored before the
 * rule) publishes nothing.
 */
@UseCase
public final class CircuitPublication implements PublishedItems {

    /** Circuits examined per item; an item is rarely in more than a handful. */
    static final int MAX_CIRCUITS = 1_000;

    private final CircuitStore store;
    private final CircuitItemRepository circuitItems;
    private final ItemRepository items;

    CircuitPublication(CircuitStore store, CircuitItemRepository circuitItems, ItemRepository items) {
        this.store = store;
        this.circuitItems = circuitItems;
        this.items = items;
    }

    @Override
    public boolean isPublished(String dfid) {
        for (UUID id : circuitItems.circuitsContaining(dfid, MAX_CIRCUITS)) {
            Circuit c = store.circuits.findById(id).orElse(null);
            if (c != null && c.isPubliclyAccessible(store.clock.now()) && isPublishedIn(c, dfid)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean isPublishedIn(Circuit circuit, String dfid) {
        return circuit.publishes(dfid) && pushedByItsOwner(circuit.circuitId(), dfid);
    }

    /** The circuit's published items that really are published, in the circuit's order. */
    List<String> publishedItems(Circuit circuit) {
        List<String> listed = circuit.publicSettings() == null ? List.of() : circuit.publicSettings().publishedItems();
        return listed.stream().filter(dfid -> pushedByItsOwner(circuit.circuitId(), dfid)).toList();
    }

    /**
     * Refuses a list naming any item that is not in this circuit pushed by its owner. The answer is the same for an
     * unknown DFID and for someone else's item, so the refusal tells nothing about what exists elsewhere.
     */
    void requirePublishable(UUID circuitId, List<String> dfids) {
        for (String dfid : dfids) {
            if (dfid == null || !pushedByItsOwner(circuitId, dfid)) {
                throw new InvalidInputException("ITEM_NOT_PUBLISHABLE", "published_items may only list items "
                        + "pushed into this circuit by their owner");
            }
        }
    }

    private boolean pushedByItsOwner(UUID circuitId, String dfid) {
        if (circuitId == null) {
            return false;
        }
        return circuitItems.entry(circuitId, dfid).map(entry -> items.findByDfid(dfid)
                .map(item -> item.ownerId().equals(entry.pushedBy())).orElse(false)).orElse(false);
    }
}
