package net.defarm.application.circuits;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.defarm.application.shared.OutboundPort;
import net.defarm.application.shared.UuidOrder;
import net.defarm.domain.circuits.CircuitOperation;

/** Push and pull operations of circuits. */
@OutboundPort
public interface CircuitOperationRepository {

    CircuitOperation insert(CircuitOperation operation);

    Optional<CircuitOperation> findById(UUID operationId);

    /** Writes a changed operation read at its version; StaleUpdateException if it changed meanwhile. */
    CircuitOperation update(CircuitOperation operation);

    /** A circuit's operations, optionally of one status, oldest first, after {@code after}. */
    List<CircuitOperation> find(UUID circuitId, CircuitOperation.Status status, OperationKey after, int limit);

    record OperationKey(Instant timestamp, UUID operationId) implements Comparable<OperationKey> {
        public static OperationKey of(CircuitOperation o) {
            return new OperationKey(o.timestamp(), o.operationId());
        }

        @Override
        public int compareTo(OperationKey o) {
            int c = timestamp.compareTo(o.timestamp);
            return c != 0 ? c : UuidOrder.compare(operationId, o.operationId);
        }
    }
}
