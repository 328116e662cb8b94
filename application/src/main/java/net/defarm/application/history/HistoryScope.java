package net.defarm.application.history;

import java.util.Set;
import java.util.UUID;
import net.defarm.domain.history.StorageRecord;

/**
 * Which of an item's storage records a caller may see: all of them (the item's owner), or those written within some
 * circuits (the ones the caller belongs to, and the public ones that publish the item). A record of no circuit is
 * the owner's only.
 */
public record HistoryScope(boolean everything, Set<UUID> circuits) {

    public static final HistoryScope ALL = new HistoryScope(true, Set.of());

    public HistoryScope {
        circuits = Set.copyOf(circuits);
    }

    /** The records written within these circuits. */
    public static HistoryScope within(Set<UUID> circuits) {
        return new HistoryScope(false, circuits);
    }

    public boolean includes(StorageRecord r) {
        return everything || r.circuitId() != null && circuits.contains(r.circuitId());
    }

    /** Whether nothing at all is visible (no record can match). */
    public boolean isEmpty() {
        return !everything && circuits.isEmpty();
    }
}
