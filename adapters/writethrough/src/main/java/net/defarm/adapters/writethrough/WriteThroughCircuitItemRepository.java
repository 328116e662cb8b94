package net.defarm.adapters.writethrough;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.defarm.application.circuits.CircuitItemRepository;
import net.defarm.application.shared.UnitOfWork;
import net.defarm.domain.circuits.CircuitItem;

/** Circuit items: read from memory; written to memory, then to the durable store, in one unit of work. */
final class WriteThroughCircuitItemRepository implements CircuitItemRepository {

    private final CircuitItemRepository memory;
    private final CircuitItemRepository durable;
    private final UnitOfWork both;

    WriteThroughCircuitItemRepository(CircuitItemRepository memory, CircuitItemRepository durable, UnitOfWork both) {
        this.memory = memory;
        this.durable = durable;
        this.both = both;
    }

    @Override
    public void put(CircuitItem item) {
        both.inTransaction(() -> {
            memory.put(item);
            durable.put(item);
        });
    }

    @Override
    public boolean remove(UUID circuitId, String dfid) {
        return both.inTransaction(() -> {
            boolean removed = memory.remove(circuitId, dfid);
            durable.remove(circuitId, dfid);
            return removed;
        });
    }

    @Override
    public boolean contains(UUID circuitId, String dfid) {
        return memory.contains(circuitId, dfid);
    }

    @Override
    public Optional<CircuitItem> entry(UUID circuitId, String dfid) {
        return memory.entry(circuitId, dfid);
    }

    @Override
    public long count(UUID circuitId) {
        return memory.count(circuitId);
    }

    @Override
    public List<UUID> circuitsContaining(String dfid, int limit) {
        return memory.circuitsContaining(dfid, limit);
    }

    @Override
    public List<CircuitItem> find(UUID circuitId, ItemKey after, int limit) {
        return memory.find(circuitId, after, limit);
    }
}
