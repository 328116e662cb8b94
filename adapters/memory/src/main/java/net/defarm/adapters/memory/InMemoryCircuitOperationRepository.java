package net.defarm.adapters.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import net.defarm.application.circuits.CircuitOperationRepository;
import net.defarm.domain.circuits.CircuitOperation;
import net.defarm.domain.shared.ConflictException;
import net.defarm.domain.shared.NotFoundException;
import net.defarm.domain.shared.StaleUpdateException;

/** Circuit operations held in memory, per circuit in (timestamp, id) order. */
public final class InMemoryCircuitOperationRepository implements CircuitOperationRepository {

    private final Map<UUID, CircuitOperation> operations = new ConcurrentHashMap<>();
    private final Map<UUID, NavigableSet<OperationKey>> byCircuit = new ConcurrentHashMap<>();
    private final InMemoryUnitOfWork uow;

    public InMemoryCircuitOperationRepository(InMemoryUnitOfWork uow) {
        this.uow = uow;
    }

    @Override
    public CircuitOperation insert(CircuitOperation operation) {
        return restore(operation.atVersion(1));
    }

    /** Stores the record exactly as given, stored version included (loading a memory store from a database). */
    CircuitOperation restore(CircuitOperation operation) {
        CircuitOperation stored = operation;
        if (operations.putIfAbsent(operation.operationId(), stored) != null) {
            throw new ConflictException("DUPLICATE_OPERATION", "Operation " + operation.operationId() + " exists");
        }
        NavigableSet<OperationKey> keys = byCircuit.computeIfAbsent(stored.circuitId(),
                k -> new ConcurrentSkipListSet<>());
        keys.add(OperationKey.of(stored));
        uow.onRollback(() -> {
            if (operations.remove(stored.operationId(), stored)) {
                keys.remove(OperationKey.of(stored));
            }
        });
        return stored;
    }

    @Override
    public Optional<CircuitOperation> findById(UUID operationId) {
        return Optional.ofNullable(operations.get(operationId));
    }

    @Override
    public CircuitOperation update(CircuitOperation operation) {
        CircuitOperation[] previous = new CircuitOperation[1];
        CircuitOperation stored = operations.compute(operation.operationId(), (id, current) -> {
            if (current == null) {
                throw new NotFoundException("OPERATION_NOT_FOUND", "Operation not found");
            }
            if (current.version() != operation.version()) {
                throw new StaleUpdateException("Operation " + id);
            }
            previous[0] = current;
            return operation.atVersion(current.version() + 1);
        });
        uow.onRollback(() -> operations.replace(stored.operationId(), stored, previous[0]));
        return stored;
    }

    @Override
    public List<CircuitOperation> find(UUID circuitId, CircuitOperation.Status status, OperationKey after, int limit) {
        NavigableSet<OperationKey> keys = byCircuit.get(circuitId);
        if (keys == null) {
            return List.of();
        }
        List<CircuitOperation> page = new ArrayList<>();
        for (OperationKey key : after == null ? keys : keys.tailSet(after, false)) {
            CircuitOperation op = operations.get(key.operationId());
            if (op != null && (status == null || op.status() == status)) {
                page.add(op);
                if (page.size() == limit) {
                    break;
                }
            }
        }
        return page;
    }

    /** Everything stored, for export (a live view; the caller copies what it keeps). */
    java.util.Collection<CircuitOperation> all() {
        return operations.values();
    }
}
