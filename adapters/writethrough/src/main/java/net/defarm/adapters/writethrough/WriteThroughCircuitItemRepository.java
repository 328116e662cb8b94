package net.defarm.adapters.writethrough;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.defarm.application.circuits.CircuitItemRepository;
import net.defarm.domain.circuits.CircuitItem;

/** Circuit items: read from memory; written to memory, then to the durable store, in one unit of work. */
final class WriteThroughCircuitItemRepository implements CircuitItemRepository {

    private final Mirror<CircuitItemRepository> stores;

    WriteThroughCircuitItemRepository(Mirror<CircuitItemRepository> stores) {
        this.stores = stores;
    }

    @Override
    public void put(CircuitItem item) {
        stores.write(port -> port.put(item));
    }

    @Override
    public boolean remove(UUID circuitId, String dfid) {
        return stores.memoryDecides(port -> port.remove(circuitId, dfid));
    }

    @Override
    public boolean contains(UUID circuitId, String dfid) {
        return stores.memory().contains(circuitId, dfid);
    }

    @Override
    public Optional<CircuitItem> entry(UUID circuitId, String dfid) {
        return stores.memory().entry(circuitId, dfid);
    }

    @Override
    public long count(UUID circuitId) {
        return stores.memory().count(circuitId);
    }

    @Override
    public List<UUID> circuitsContaining(String dfid, int limit) {
        return stores.memory().circuitsContaining(dfid, limit);
    }

    @Override
    public List<CircuitItem> find(UUID circuitId, ItemKey after, int limit) {
        return stores.memory().find(circuitId, after, limit);
    }
}
