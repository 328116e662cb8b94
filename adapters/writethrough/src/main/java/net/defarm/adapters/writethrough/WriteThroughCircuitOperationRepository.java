package net.defarm.adapters.writethrough;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.defarm.application.circuits.CircuitOperationRepository;
import net.defarm.application.shared.UnitOfWork;
import net.defarm.domain.circuits.CircuitOperation;

/** Circuit operations: read from memory; written to memory, then to the durable store, in one unit of work. */
final class WriteThroughCircuitOperationRepository implements CircuitOperationRepository {

    private final CircuitOperationRepository memory;
    private final CircuitOperationRepository durable;
    private final UnitOfWork both;

    WriteThroughCircuitOperationRepository(CircuitOperationRepository memory, CircuitOperationRepository durable,
                                           UnitOfWork both) {
        this.memory = memory;
        this.durable = durable;
        this.both = both;
    }

    @Override
    public CircuitOperation insert(CircuitOperation operation) {
        return both.inTransaction(() -> {
            CircuitOperation stored = memory.insert(operation);
            durable.insert(operation);
            return stored;
        });
    }

    @Override
    public Optional<CircuitOperation> findById(UUID operationId) {
        return memory.findById(operationId);
    }

    @Override
    public CircuitOperation update(CircuitOperation operation) {
        // PostgreSQL first, as for circuits: a concurrent decision waits on its row lock instead of building on a
        // memory change that may yet be undone.
        return both.inTransaction(() -> {
            durable.update(operation);
            return memory.update(operation);
        });
    }

    @Override
    public List<CircuitOperation> find(UUID circuitId, CircuitOperation.Status status, OperationKey after,
                                       int limit) {
        return memory.find(circuitId, status, after, limit);
    }
}
