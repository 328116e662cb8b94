package net.defarm.adapters.memory;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import net.defarm.application.circuits.CircuitRepository;
import net.defarm.domain.circuits.Circuit;
import net.defarm.domain.circuits.CircuitMember;
import net.defarm.domain.shared.ConflictException;
import net.defarm.domain.shared.NotFoundException;

/** Circuits held in memory, in creation order, with an index of each user's circuits. */
public final class InMemoryCircuitRepository implements CircuitRepository {

    private final Map<UUID, Circuit> circuits = new ConcurrentHashMap<>();
    private final NavigableSet<CircuitKey> ordered = new ConcurrentSkipListSet<>();
    private final Map<String, Set<UUID>> byMember = new ConcurrentHashMap<>();
    private final InMemoryUnitOfWork uow;

    public InMemoryCircuitRepository(InMemoryUnitOfWork uow) {
        this.uow = uow;
    }

    @Override
    public Circuit insert(Circuit circuit) {
        return restore(circuit.atVersion(1));
    }

    /** Stores the record exactly as given, stored version included (loading a memory store from a database). */
    Circuit restore(Circuit circuit) {
        Circuit stored = circuit;
        if (circuits.putIfAbsent(circuit.circuitId(), stored) != null) {
            throw new ConflictException("DUPLICATE_CIRCUIT", "Circuit " + circuit.circuitId() + " exists");
        }
        ordered.add(CircuitKey.of(stored));
        reindexMembers(null, stored);
        uow.onRollback(() -> {
            if (circuits.remove(stored.circuitId(), stored)) {
                ordered.remove(CircuitKey.of(stored));
                reindexMembers(stored, null);
            }
        });
        return stored;
    }

    @Override
    public Optional<Circuit> findById(UUID circuitId) {
        return Optional.ofNullable(circuits.get(circuitId));
    }

    @Override
    public Circuit update(Circuit circuit) {
        VersionedUpdate.Replaced<Circuit> replaced = VersionedUpdate.apply(circuits, circuit.circuitId(),
                circuit.version(), Circuit::version, circuit::atVersion,
                id -> new NotFoundException("CIRCUIT_NOT_FOUND", "Circuit not found"), "Circuit");
        Circuit previous = replaced.previous();
        Circuit stored = replaced.stored();
        reindexMembers(previous, stored);
        uow.onRollback(() -> {
            if (circuits.replace(stored.circuitId(), stored, previous)) {
                reindexMembers(stored, previous);
            }
        });
        return stored;
    }

    @Override
    public List<Circuit> find(CircuitQuery query, CircuitKey after, int limit) {
        return KeysetPage.of(ordered, after, key -> circuits.get(key.circuitId()), c -> query.matches(c), limit);
    }

    /** The circuits a user owns or belongs to. */
    Set<UUID> circuitIdsOf(String userId) {
        return Set.copyOf(byMember.getOrDefault(userId, Set.of()));
    }

    private void reindexMembers(Circuit before, Circuit after) {
        Set<String> old = memberIds(before);
        Set<String> now = memberIds(after);
        UUID id = (after != null ? after : before).circuitId();
        old.stream().filter(m -> !now.contains(m)).forEach(m -> {
            Set<UUID> set = byMember.get(m);
            if (set != null) {
                set.remove(id);
            }
        });
        now.forEach(m -> byMember.computeIfAbsent(m, k -> ConcurrentHashMap.newKeySet()).add(id));
    }

    private static Set<String> memberIds(Circuit c) {
        Set<String> ids = new HashSet<>();
        if (c != null) {
            ids.add(c.ownerId());
            c.members().stream().map(CircuitMember::memberId).forEach(ids::add);
        }
        return ids;
    }

    /** Everything stored, for export (a live view; the caller copies what it keeps). */
    java.util.Collection<Circuit> all() {
        return circuits.values();
    }
}
