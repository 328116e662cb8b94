package net.defarm.application.integrity;

import java.util.List;
import java.util.Optional;
import net.defarm.application.shared.OutboundPort;
import net.defarm.domain.integrity.StateSnapshot;
import net.defarm.domain.integrity.StateSnapshot.EntityType;

/** Snapshot chains, one per entity, versions 1, 2, 3, ... */
@OutboundPort
public interface SnapshotRepository {

    /**
     * Holds the entity's chain until the current transaction ends, so that reading the latest snapshot and
     * appending the next one cannot interleave with another writer. Must be called inside a transaction.
     */
    void lock(EntityType type, String entityId);

    Optional<StateSnapshot> latest(EntityType type, String entityId);

    Optional<StateSnapshot> findById(String snapshotId);

    /** Appends a snapshot; a version already taken is a ConflictException. */
    void insert(StateSnapshot snapshot);

    /** The chain in version order, versions above {@code afterVersion}, at most {@code limit}. */
    List<StateSnapshot> find(EntityType type, String entityId, long afterVersion, int limit);
}
