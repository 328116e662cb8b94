package net.defarm.application.circuits;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.defarm.application.shared.OutboundPort;
import net.defarm.application.shared.UuidOrder;
import net.defarm.domain.circuits.Circuit;

/** Circuits, read and written as whole aggregates (members, roles, join requests, settings). */
@OutboundPort
public interface CircuitRepository {

    Circuit insert(Circuit circuit);

    Optional<Circuit> findById(UUID circuitId);

    /** Writes a changed circuit read at its version; StaleUpdateException if it changed meanwhile. */
    Circuit update(Circuit circuit);

    /**
     * Circuits the user owns or belongs to, plus those allowing public visibility when {@code includePublic},
     * optionally of one status; oldest first, after {@code after}, at most {@code limit}.
     */
    List<Circuit> find(CircuitQuery query, CircuitKey after, int limit);

    record CircuitQuery(String userId, boolean includePublic, net.defarm.domain.circuits.CircuitStatus status) {
        public boolean matches(Circuit c) {
            return (c.isMember(userId) || (includePublic && c.permissions().allowPublicVisibility()))
                    && (status == null || c.status() == status);
        }
    }

    record CircuitKey(Instant createdAt, UUID circuitId) implements Comparable<CircuitKey> {
        public static CircuitKey of(Circuit c) {
            return new CircuitKey(c.createdAt(), c.circuitId());
        }

        @Override
        public int compareTo(CircuitKey o) {
            int c = createdAt.compareTo(o.createdAt);
            return c != 0 ? c : UuidOrder.compare(circuitId, o.circuitId);
        }
    }
}
