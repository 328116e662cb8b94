package net.defarm.adapters.cache;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import net.defarm.application.circuits.CircuitRepository;
import net.defarm.domain.circuits.Circuit;
import net.defarm.domain.circuits.CircuitMember;

/**
 * Circuits by id from the cache. A change also invalidates the cached circuit lists of every user whose membership
 * it changed (joined, left, or removed), so access follows membership at once.
 */
final class CachingCircuitRepository implements CircuitRepository {

    private final CircuitRepository store;
    private final CacheRegion<Circuit> circuits;
    private final CacheRegion<Set<UUID>> memberships;
    private final CachingUnitOfWork transactions;

    CachingCircuitRepository(CircuitRepository store, CacheRegion<Circuit> circuits,
                             CacheRegion<Set<UUID>> memberships, CachingUnitOfWork transactions) {
        this.store = store;
        this.circuits = circuits;
        this.memberships = memberships;
        this.transactions = transactions;
    }

    @Override
    public Circuit insert(Circuit circuit) {
        Circuit stored = store.insert(circuit);
        Set<String> members = members(circuit);
        transactions.afterCommit(() -> {
            circuits.invalidate(circuit.circuitId().toString());
            members.forEach(memberships::invalidate);
        });
        return stored;
    }

    @Override
    public Optional<Circuit> findById(UUID circuitId) {
        return circuits.get(circuitId.toString(), () -> store.findById(circuitId));
    }

    @Override
    public Circuit update(Circuit circuit) {
        // The stored version, read in the same transaction, says who the members were before this change.
        Set<String> before = store.findById(circuit.circuitId()).map(CachingCircuitRepository::members)
                .orElse(Set.of());
        Circuit stored = store.update(circuit);
        Set<String> after = members(circuit);
        Set<String> changed = new HashSet<>(before);
        changed.addAll(after);
        Set<String> unchanged = new HashSet<>(before);
        unchanged.retainAll(after);
        changed.removeAll(unchanged);
        transactions.afterCommit(() -> {
            circuits.invalidate(circuit.circuitId().toString());
            changed.forEach(memberships::invalidate);
        });
        return stored;
    }

    @Override
    public List<Circuit> find(CircuitQuery query, CircuitKey after, int limit) {
        return store.find(query, after, limit);
    }

    private static Set<String> members(Circuit c) {
        Set<String> ids = new HashSet<>();
        ids.add(c.ownerId());
        for (CircuitMember m : c.members()) {
            ids.add(m.memberId());
        }
        return ids;
    }
}
