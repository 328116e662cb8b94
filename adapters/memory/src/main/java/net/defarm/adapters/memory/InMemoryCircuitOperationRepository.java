package net.defarm.adapters.memory;

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
        VersionedUpdate.Replaced<CircuitOperation> replaced = VersionedUpdate.apply(operations, operation.operationId(),
                operation.version(), CircuitOperation::version, operation::atVersion,
                id -> new NotFoundException("OPERATION_NOT_FOUND", "Operation not found"), "Operation");
        CircuitOperation previous = replaced.previous();
        CircuitOperation stored = replaced.stored();
        uow.onRollback(() -> operations.replace(stored.operationId(), stored, previous));
        return stored;
    }

    @Override
    public List<CircuitOperation> find(UUID circuitId, CircuitOperation.Status status, OperationKey after, int limit) {
        return KeysetPage.of(byCircuit.get(circuitId), after, key -> operations.get(key.operationId()),
                op -> status == null || op.status() == status, limit);
    }

    /** Everything stored, for export (a live view; the caller copies what it keeps). */
    java.util.Collection<CircuitOperation> all() {
        return operations.values();
    }
}
