package net.defarm.application.circuits;

import java.util.List;
import java.util.UUID;
import net.defarm.application.credits.CreditCharges;
import net.defarm.application.items.ItemRepository;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.PageRequest;
import net.defarm.application.shared.Retry;
import net.defarm.application.shared.UseCase;
import net.defarm.domain.circuits.Circuit;
import net.defarm.domain.circuits.CircuitOperation;
import net.defarm.domain.circuits.Permission;
import net.defarm.domain.credits.ChargedOperation;
import net.defarm.domain.events.Event;
import net.defarm.domain.items.Item;
import net.defarm.domain.shared.NotFoundException;

/**
 * Taking an item out of a circuit and fetching it (the reference's "pull"): with Pull permission, the item and its
 * timeline (as far as the caller may see it) are returned, and the item leaves the circuit once the pull completes.
 */
@UseCase
public final class PullFromCircuit {

    /** Events returned with a pull; the rest of a long timeline is paged through the events routes. */
    public static final int MAX_EVENTS = PageRequest.MAX_LIMIT;

    public record Pulled(Item item, List<Event> events, CircuitOperation operation) {
    }

    private final CircuitStore store;
    private final CircuitTraffic traffic;
    private final CircuitItemRepository circuitItems;
    private final ItemRepository items;
    private final CircuitItemEvents events;
    private final CreditCharges charges;

    PullFromCircuit(CircuitStore store, CircuitTraffic traffic, CircuitItemRepository circuitItems,
                    ItemRepository items, CircuitItemEvents events, CreditCharges charges) {
        this.store = store;
        this.traffic = traffic;
        this.circuitItems = circuitItems;
        this.items = items;
        this.events = events;
        this.charges = charges;
    }

    public Pulled pull(Actor actor, UUID circuitId, String dfid) {
        return Retry.onStale(() -> store.uow.inTransaction(() -> {
            Circuit circuit = store.load(circuitId);
            circuit.require(actor.userId(), Permission.PULL, "pull from this circuit");
            if (!circuitItems.contains(circuitId, dfid)) {
                throw new NotFoundException("ITEM_NOT_FOUND", "Item not found in this circuit");
            }
            Item item = items.findByDfid(dfid)
                    .orElseThrow(() -> new NotFoundException("ITEM_NOT_FOUND", "Item not found"));
            List<Event> timeline = events.visibleTo(actor, dfid, MAX_EVENTS);
            CircuitOperation operation = traffic.begin(circuit, dfid, CircuitOperation.Type.PULL, actor.userId());
            charges.charge(actor, ChargedOperation.CIRCUIT_OPERATION, 1, "Circuit pull " + dfid,
                    operation.operationId());
            return new Pulled(item, timeline, operation);
        }));
    }
}
