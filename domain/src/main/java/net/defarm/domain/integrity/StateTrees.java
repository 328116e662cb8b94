package net.defarm.domain.integrity;

import java.util.List;
import net.defarm.domain.events.Event;
import net.defarm.domain.shared.CanonicalJson;
import net.defarm.domain.shared.Hashes;

/**
 * The Merkle trees that prove stored state (docs/domain-rules.md): an item's tree over its events, a circuit's
 * tree over the roots of its items. Event metadata enters the leaf as sorted canonical JSON, so a leaf is the same
 * on every instance and after every restart.
 */
public final class StateTrees {

    /** An item's root, as a leaf of its circuit's tree. */
    public record ItemRoot(String dfid, String root, int eventCount) {
    }

    private StateTrees() {
    }

    /** BLAKE3 of {@code <event_id>|<EventType>|<timestamp nanos>|<source>|<metadata JSON>}. */
    public static String eventLeaf(Event event) {
        long nanos = Math.addExact(Math.multiplyExact(event.timestamp().getEpochSecond(), 1_000_000_000L),
                event.timestamp().getNano());
        return Hashes.blake3Hex(event.eventId() + "|" + event.type().wireName() + "|" + nanos + "|"
                + event.source() + "|" + CanonicalJson.write(event.metadata()));
    }

    public static MerkleTree itemTree(List<Event> events) {
        return MerkleTree.of(events.stream()
                .map(e -> new MerkleTree.Leaf(eventLeaf(e), e.eventId().toString())).toList());
    }

    public static MerkleTree circuitTree(List<ItemRoot> items) {
        return MerkleTree.of(items.stream().map(i -> new MerkleTree.Leaf(i.root(), i.dfid())).toList());
    }
}
