package net.defarm.adapters.memory;

import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReentrantLock;
import net.defarm.application.integrity.SnapshotRepository;
import net.defarm.domain.integrity.StateSnapshot;
import net.defarm.domain.integrity.StateSnapshot.EntityType;
import net.defarm.domain.shared.ConflictException;

/** Snapshot chains held in memory, one version-ordered map per entity; striped locks serialize appends. */
public final class InMemorySnapshotRepository implements SnapshotRepository {

    private static final int STRIPES = 256;

    private final Map<String, NavigableMap<Long, StateSnapshot>> chains = new ConcurrentHashMap<>();
    private final Map<String, StateSnapshot> byId = new ConcurrentHashMap<>();
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];
    private final InMemoryUnitOfWork uow;

    public InMemorySnapshotRepository(InMemoryUnitOfWork uow) {
        this.uow = uow;
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    @Override
    public void lock(EntityType type, String entityId) {
        uow.hold(locks[Math.floorMod(key(type, entityId).hashCode(), STRIPES)]);
    }

    @Override
    public Optional<StateSnapshot> latest(EntityType type, String entityId) {
        NavigableMap<Long, StateSnapshot> chain = chains.get(key(type, entityId));
        return chain == null || chain.isEmpty() ? Optional.empty() : Optional.of(chain.lastEntry().getValue());
    }

    @Override
    public Optional<StateSnapshot> findById(String snapshotId) {
        return Optional.ofNullable(byId.get(snapshotId));
    }

    @Override
    public void insert(StateSnapshot snapshot) {
        NavigableMap<Long, StateSnapshot> chain = chains.computeIfAbsent(key(snapshot.entityType(),
                snapshot.entityId()), k -> new ConcurrentSkipListMap<>());
        if (chain.putIfAbsent(snapshot.version(), snapshot) != null) {
            throw new ConflictException("SNAPSHOT_VERSION_TAKEN", "Snapshot version " + snapshot.version()
                    + " of " + snapshot.entityId() + " already exists");
        }
        byId.put(snapshot.snapshotId(), snapshot);
        uow.onRollback(() -> {
            chain.remove(snapshot.version(), snapshot);
            byId.remove(snapshot.snapshotId(), snapshot);
        });
    }

    @Override
    public List<StateSnapshot> find(EntityType type, String entityId, long afterVersion, int limit) {
        NavigableMap<Long, StateSnapshot> chain = chains.get(key(type, entityId));
        if (chain == null) {
            return List.of();
        }
        return chain.tailMap(afterVersion, false).values().stream().limit(limit).toList();
    }

    private static String key(EntityType type, String entityId) {
        return type.text() + '\u0000' + entityId;
    }

    /** Everything stored, for export (a live view; the caller copies what it keeps). */
    java.util.Collection<StateSnapshot> all() {
        return byId.values();
    }
}
