package net.defarm.application.items;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.defarm.application.shared.OutboundPort;
import net.defarm.application.shared.UuidOrder;
import net.defarm.domain.items.PendingItem;
import net.defarm.domain.items.PendingPriority;

/** Submissions held for review. */
@OutboundPort
public interface PendingItemRepository {

    /** Stores a new pending item and returns it as stored. */
    PendingItem insert(PendingItem pending);

    Optional<PendingItem> findById(UUID pendingId);

    /** Writes a changed pending item read at its version; StaleUpdateException if it changed meanwhile. */
    PendingItem update(PendingItem pending);

    /** Removes it; false if it was not there. */
    boolean delete(UUID pendingId);

    /** Most urgent first: (priority desc, createdAt, id), strictly after {@code after}, at most {@code limit}. */
    List<PendingItem> find(PendingQuery query, PendingKey after, int limit);

    /** One owner's pending items, optionally those whose reason text contains a string and of a minimum priority. */
    record PendingQuery(String ownerId, String reasonContains, PendingPriority minPriority) {
        public boolean matches(PendingItem p) {
            return p.ownerId().equals(ownerId)
                    && (reasonContains == null || p.reason().describe().contains(reasonContains))
                    && (minPriority == null || p.priority().level() >= minPriority.level());
        }
    }

    record PendingKey(int priority, Instant createdAt, UUID pendingId) implements Comparable<PendingKey> {
        public static PendingKey of(PendingItem p) {
            return new PendingKey(p.priority().level(), p.createdAt(), p.pendingId());
        }

        @Override
        public int compareTo(PendingKey o) {
            int c = Integer.compare(o.priority, priority);
            if (c != 0) {
                return c;
            }
            c = createdAt.compareTo(o.createdAt);
            return c != 0 ? c : UuidOrder.compare(pendingId, o.pendingId);
        }
    }
}
