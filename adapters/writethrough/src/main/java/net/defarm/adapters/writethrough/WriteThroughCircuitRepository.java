package net.defarm.adapters.writethrough;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.defarm.application.circuits.CircuitRepository;
import net.defarm.domain.circuits.Circuit;

/** Circuits: read from memory; written to memory, then to the durable store, in one unit of work. */
final class WriteThroughCircuitRepository implements CircuitRepository {

    private final Mirror<CircuitRepository> stores;

    WriteThroughCircuitRepository(Mirror<CircuitRepository> stores) {
        this.stores = stores;
    }

    @Override
    public Circuit insert(Circuit circuit) {
        return stores.memoryDecides(port -> port.insert(circuit));
    }

    @Override
    public Optional<Circuit> findById(UUID circuitId) {
        return stores.memory().findById(circuitId);
    }

    @Override
    public Circuit update(Circuit circuit) {
        return stores.durableFirst(port -> port.update(circuit));
    }

    @Override
    public List<Circuit> find(CircuitQuery query, CircuitKey after, int limit) {
        return stores.memory().find(query, after, limit);
    }
}
