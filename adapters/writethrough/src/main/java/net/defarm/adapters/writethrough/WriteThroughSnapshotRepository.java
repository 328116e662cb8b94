package net.defarm.adapters.writethrough;

import java.util.List;
import java.util.Optional;
import net.defarm.application.integrity.SnapshotRepository;
import net.defarm.domain.integrity.StateSnapshot;
import net.defarm.domain.integrity.StateSnapshot.EntityType;

/** Snapshot chains: read from memory; locked and appended in memory first, then in the durable store. */
final class WriteThroughSnapshotRepository implements SnapshotRepository {

    private final Mirror<SnapshotRepository> stores;

    WriteThroughSnapshotRepository(Mirror<SnapshotRepository> stores) {
        this.stores = stores;
    }

    @Override
    public void lock(EntityType type, String entityId) {
        stores.inOrder(port -> port.lock(type, entityId));
    }

    @Override
    public Optional<StateSnapshot> latest(EntityType type, String entityId) {
        return stores.memory().latest(type, entityId);
    }

    @Override
    public Optional<StateSnapshot> findById(String snapshotId) {
        return stores.memory().findById(snapshotId);
    }

    @Override
    public void insert(StateSnapshot snapshot) {
        stores.write(port -> port.insert(snapshot));
    }

    @Override
    public List<StateSnapshot> find(EntityType type, String entityId, long afterVersion, int limit) {
        return stores.memory().find(type, entityId, afterVersion, limit);
    }
}
