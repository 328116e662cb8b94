package net.defarm.adapters.writethrough;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.defarm.application.circuits.CircuitRepository;
import net.defarm.application.shared.UnitOfWork;
import net.defarm.domain.circuits.Circuit;

/** Circuits: read from memory; written to memory, then to the durable store, in one unit of work. */
final class WriteThroughCircuitRepository implements CircuitRepository {

    private final CircuitRepository memory;
    private final CircuitRepository durable;
    private final UnitOfWork both;

    WriteThroughCircuitRepository(CircuitRepository memory, CircuitRepository durable, UnitOfWork both) {
        this.memory = memory;
        this.durable = durable;
        this.both = both;
    }

    @Override
    public Circuit insert(Circuit circuit) {
        return both.inTransaction(() -> {
            Circuit stored = memory.insert(circuit);
            durable.insert(circuit);
            return stored;
        });
    }

    @Override
    public Optional<Circuit> findById(UUID circuitId) {
        return memory.findById(circuitId);
    }

    /**
     * PostgreSQL first: its row lock makes a concurrent writer of the same circuit wait until this change commits
     * or rolls back, so the memory copy is only changed on top of a durable version. Memory first let a second
     * writer build on a change that was later undone (two members added at once: one lost, or refused as present).
     */
    @Override
    public Circuit update(Circuit circuit) {
        return both.inTransaction(() -> {
            durable.update(circuit);
            return memory.update(circuit);
        });
    }

    @Override
    public List<Circuit> find(CircuitQuery query, CircuitKey after, int limit) {
        return memory.find(query, after, limit);
    }
}
