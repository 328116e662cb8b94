package net.defarm.adapters.writethrough;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.defarm.application.circuits.CircuitOperationRepository;
import net.defarm.domain.circuits.CircuitOperation;

/** Circuit operations: read from memory; written to memory, then to the durable store, in one unit of work. */
final class WriteThroughCircuitOperationRepository implements CircuitOperationRepository {

    private final Mirror<CircuitOperationRepository> stores;

    WriteThroughCircuitOperationRepository(Mirror<CircuitOperationRepository> stores) {
        this.stores = stores;
    }

    @Override
    public CircuitOperation insert(CircuitOperation operation) {
        return stores.memoryDecides(port -> port.insert(operation));
    }

    @Override
    public Optional<CircuitOperation> findById(UUID operationId) {
        return stores.memory().findById(operationId);
    }

    @Override
    public CircuitOperation update(CircuitOperation operation) {
        return stores.durableFirst(port -> port.update(operation));
    }

    @Override
    public List<CircuitOperation> find(UUID circuitId, CircuitOperation.Status status, OperationKey after,
                                       int limit) {
        return stores.memory().find(circuitId, status, after, limit);
    }
}
