package net.defarm.adapters.memory;

import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import net.defarm.application.circuits.CircuitItemRepository;
import net.defarm.domain.circuits.CircuitItem;

/** Circuit items held in memory: per circuit in (pushedAt, dfid) order, and per item the circuits it is in. */
public final class InMemoryCircuitItemRepository implements CircuitItemRepository {

    private record Key(UUID circuitId, String dfid) {
    }

    private final Map<Key, CircuitItem> items = new ConcurrentHashMap<>();
    private final Map<UUID, NavigableSet<ItemKey>> byCircuit = new ConcurrentHashMap<>();
    private final Map<String, Set<UUID>> byDfid = new ConcurrentHashMap<>();
    private final InMemoryUnitOfWork uow;

    public InMemoryCircuitItemRepository(InMemoryUnitOfWork uow) {
        this.uow = uow;
    }

    @Override
    public void put(CircuitItem item) {
        Key key = new Key(item.circuitId(), item.dfid());
        CircuitItem previous = items.put(key, item);
        reindex(previous, item);
        uow.onRollback(() -> {
            if (previous == null ? items.remove(key, item) : items.replace(key, item, previous)) {
                reindex(item, previous);
            }
        });
    }

    @Override
    public boolean remove(UUID circuitId, String dfid) {
        Key key = new Key(circuitId, dfid);
        CircuitItem removed = items.remove(key);
        if (removed == null) {
            return false;
        }
        reindex(removed, null);
        uow.onRollback(() -> {
            if (items.putIfAbsent(key, removed) == null) {
                reindex(null, removed);
            }
        });
        return true;
    }

    @Override
    public boolean contains(UUID circuitId, String dfid) {
        return items.containsKey(new Key(circuitId, dfid));
    }

    @Override
    public Optional<CircuitItem> entry(UUID circuitId, String dfid) {
        return Optional.ofNullable(items.get(new Key(circuitId, dfid)));
    }

    @Override
    public long count(UUID circuitId) {
        return byCircuit.getOrDefault(circuitId, new ConcurrentSkipListSet<>()).size();
    }

    @Override
    public List<UUID> circuitsContaining(String dfid, int limit) {
        return byDfid.getOrDefault(dfid, Set.of()).stream().limit(limit).toList();
    }

    @Override
    public List<CircuitItem> find(UUID circuitId, ItemKey after, int limit) {
        return KeysetPage.of(byCircuit.get(circuitId), after, key -> items.get(new Key(circuitId, key.dfid())),
                item -> true, limit);
    }

    /** The circuits an item is in. */
    Set<UUID> circuitsOf(String dfid) {
        return Set.copyOf(byDfid.getOrDefault(dfid, Set.of()));
    }

    private void reindex(CircuitItem before, CircuitItem after) {
        if (before != null) {
            NavigableSet<ItemKey> set = byCircuit.get(before.circuitId());
            if (set != null) {
                set.remove(ItemKey.of(before));
            }
            if (after == null) {
                Set<UUID> circuits = byDfid.get(before.dfid());
                if (circuits != null) {
                    circuits.remove(before.circuitId());
                }
            }
        }
        if (after != null) {
            byCircuit.computeIfAbsent(after.circuitId(), k -> new ConcurrentSkipListSet<>()).add(ItemKey.of(after));
            byDfid.computeIfAbsent(after.dfid(), k -> ConcurrentHashMap.newKeySet()).add(after.circuitId());
        }
    }

    /** Everything stored, for export (a live view; the caller copies what it keeps). */
    java.util.Collection<CircuitItem> all() {
        return items.values();
    }
}
