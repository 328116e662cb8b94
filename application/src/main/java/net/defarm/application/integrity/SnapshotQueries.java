package net.defarm.application.integrity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import net.defarm.application.items.ItemAccess;
import net.defarm.application.items.PublishedItems;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.Cursor;
import net.defarm.application.shared.Page;
import net.defarm.application.shared.PageRequest;
import net.defarm.application.shared.UseCase;
import net.defarm.domain.circuits.Circuit;
import net.defarm.domain.integrity.SnapshotChain;
import net.defarm.domain.integrity.StateSnapshot;
import net.defarm.domain.integrity.StateSnapshot.EntityType;
import net.defarm.domain.shared.InvalidInputException;
import net.defarm.domain.shared.NotFoundException;

/**
 * Reading and verifying the snapshot chain of an item: the caller must be able to read the item, or, anonymously,
 * the item must be published by a public circuit (and then only the chain's metadata is shown, never the state).
 * A circuit's chain is read by its members only.
 */
@UseCase
public final class SnapshotQueries {

    /** Snapshots verified in one call; longer chains are verified page by page through the list. */
    public static final int MAX_VERIFIED = 10_000;

    /** A page of a chain, and how long the whole chain is (versions run 1..n, so the latest version is n). */
    public record ChainPage(Page<StateSnapshot> page, long total) {
    }

    private final ItemAccess items;
    private final PublishedItems published;
    private final SnapshotRepository snapshots;
    private final Function<UUID, Optional<Circuit>> circuits;

    public SnapshotQueries(ItemAccess items, PublishedItems published, SnapshotRepository snapshots,
                           Function<UUID, Optional<Circuit>> circuits) {
        this.items = items;
        this.published = published;
        this.snapshots = snapshots;
        this.circuits = circuits;
    }

    /** An actor of {@code null} is an anonymous reader of a published item. */
    public ChainPage list(Actor actor, String dfid, PageRequest page) {
        requireItem(actor, dfid);
        return chain(EntityType.ITEM, dfid, page);
    }

    /** A circuit's chain: members only (everyone else: the circuit does not exist). */
    public ChainPage listCircuit(Actor actor, UUID circuitId, PageRequest page) {
        return chain(EntityType.CIRCUIT, requireMember(actor, circuitId), page);
    }

    public StateSnapshot latestCircuit(Actor actor, UUID circuitId) {
        return snapshots.latest(EntityType.CIRCUIT, requireMember(actor, circuitId)).orElseThrow(
                () -> new NotFoundException("SNAPSHOT_NOT_FOUND", "No snapshots found for this circuit"));
    }

    public StateSnapshot getCircuit(Actor actor, UUID circuitId, String snapshotId) {
        String id = requireMember(actor, circuitId);
        StateSnapshot s = snapshots.findById(snapshotId)
                .orElseThrow(() -> new NotFoundException("SNAPSHOT_NOT_FOUND", "Snapshot not found"));
        if (s.entityType() != EntityType.CIRCUIT || !s.entityId().equals(id)) {
            throw new NotFoundException("SNAPSHOT_NOT_FOUND", "Snapshot not found for this circuit");
        }
        return s;
    }

    private String requireMember(Actor actor, UUID circuitId) {
        return circuits.apply(circuitId).filter(c -> c.isMember(actor.userId()))
                .orElseThrow(() -> new NotFoundException("CIRCUIT_NOT_FOUND", "Circuit not found"))
                .circuitId().toString();
    }

    private ChainPage chain(EntityType type, String id, PageRequest page) {
        long after = 0;
        if (page.cursor() != null) {
            try {
                after = Long.parseLong(Cursor.decode("snapshots", page.cursor(), 1).getFirst());
            } catch (NumberFormatException e) {
                throw new InvalidInputException("INVALID_CURSOR", "The cursor is not valid for this list");
            }
        }
        Page<StateSnapshot> found = Page.of(snapshots.find(type, id, after, page.limit() + 1),
                page.limit(), s -> Cursor.encode("snapshots", Long.toString(s.version())));
        long total = snapshots.latest(type, id).map(StateSnapshot::version).orElse(0L);
        return new ChainPage(found, total);
    }

    public StateSnapshot latest(Actor actor, String dfid) {
        requireItem(actor, dfid);
        return snapshots.latest(EntityType.ITEM, dfid)
                .orElseThrow(() -> new NotFoundException("SNAPSHOT_NOT_FOUND", "No snapshots found for this item"));
    }

    /** One snapshot with its full state; signed-in readers of the item only. */
    public StateSnapshot get(Actor actor, String dfid, String snapshotId) {
        items.readable(actor, dfid);
        StateSnapshot s = snapshots.findById(snapshotId)
                .orElseThrow(() -> new NotFoundException("SNAPSHOT_NOT_FOUND", "Snapshot not found"));
        if (s.entityType() != EntityType.ITEM || !s.entityId().equals(dfid)) {
            throw new NotFoundException("SNAPSHOT_NOT_FOUND", "Snapshot not found for this item");
        }
        return s;
    }

    public SnapshotChain.Verification verify(Actor actor, String dfid) {
        requireItem(actor, dfid);
        List<StateSnapshot> chain = snapshots.find(EntityType.ITEM, dfid, 0, MAX_VERIFIED);
        return SnapshotChain.verify(chain);
    }

    private void requireItem(Actor actor, String dfid) {
        if (actor != null) {
            items.readable(actor, dfid);
        } else if (!published.isPublished(dfid)) {
            throw new NotFoundException("ITEM_NOT_PUBLIC", "Item not found or not available publicly");
        }
    }
}
