package net.defarm.adapters.writethrough;

import java.util.List;
import java.util.Optional;
import net.defarm.application.integrity.SnapshotRepository;
import net.defarm.application.shared.UnitOfWork;
import net.defarm.domain.integrity.StateSnapshot;
import net.defarm.domain.integrity.StateSnapshot.EntityType;

/** Snapshot chains: read from memory; locked and appended in memory first, then in the durable store. */
final class WriteThroughSnapshotRepository implements SnapshotRepository {

    private final SnapshotRepository memory;
    private final SnapshotRepository durable;
    private final UnitOfWork both;

    WriteThroughSnapshotRepository(SnapshotRepository memory, SnapshotRepository durable, UnitOfWork both) {
        this.memory = memory;
        this.durable = durable;
        this.both = both;
    }

    @Override
    public void lock(EntityType type, String entityId) {
        memory.lock(type, entityId);
        durable.lock(type, entityId);
    }

    @Override
    public Optional<StateSnapshot> latest(EntityType type, String entityId) {
        return memory.latest(type, entityId);
    }

    @Override
    public Optional<StateSnapshot> findById(String snapshotId) {
        return memory.findById(snapshotId);
    }

    @Override
    public void insert(StateSnapshot snapshot) {
        both.inTransaction(() -> {
            memory.insert(snapshot);
            durable.insert(snapshot);
        });
    }

    @Override
    public List<StateSnapshot> find(EntityType type, String entityId, long afterVersion, int limit) {
        return memory.find(type, entityId, afterVersion, limit);
    }
}
