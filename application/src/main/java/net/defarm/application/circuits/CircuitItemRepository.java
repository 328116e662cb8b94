package net.defarm.application.circuits;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.defarm.application.shared.OutboundPort;
import net.defarm.domain.circuits.CircuitItem;

/** Which items are in which circuit. */
@OutboundPort
public interface CircuitItemRepository {

    /** Adds the item to the circuit, or refreshes who pushed it and when (idempotent on circuit and dfid). */
    void put(CircuitItem item);

    /** Takes the item out; false if it was not there. */
    boolean remove(UUID circuitId, String dfid);

    boolean contains(UUID circuitId, String dfid);

    /** The item's place in the circuit (who pushed it and when), if it is there. */
    Optional<CircuitItem> entry(UUID circuitId, String dfid);

    long count(UUID circuitId);

    /** The circuits the item is in, at most {@code limit}, in no particular order. */
    List<UUID> circuitsContaining(String dfid, int limit);

    /** Items of a circuit in (pushedAt, dfid) order after {@code after}, at most {@code limit}. */
    List<CircuitItem> find(UUID circuitId, ItemKey after, int limit);

    record ItemKey(Instant pushedAt, String dfid) implements Comparable<ItemKey> {
        public static ItemKey of(CircuitItem i) {
            return new ItemKey(i.pushedAt(), i.dfid());
        }

        @Override
        public int compareTo(ItemKey o) {
            int c = pushedAt.compareTo(o.pushedAt);
            return c != 0 ? c : dfid.compareTo(o.dfid);
        }
    }
}
