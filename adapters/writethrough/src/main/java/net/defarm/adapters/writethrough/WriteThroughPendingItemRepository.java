package net.defarm.adapters.writethrough;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.defarm.application.items.PendingItemRepository;
import net.defarm.application.shared.UnitOfWork;
import net.defarm.domain.items.PendingItem;

/** Pending items: read from memory; written to memory, then to the durable store, in one unit of work. */
final class WriteThroughPendingItemRepository implements PendingItemRepository {

    private final PendingItemRepository memory;
    private final PendingItemRepository durable;
    private final UnitOfWork both;

    WriteThroughPendingItemRepository(PendingItemRepository memory, PendingItemRepository durable, UnitOfWork both) {
        this.memory = memory;
        this.durable = durable;
        this.both = both;
    }

    @Override
    public PendingItem insert(PendingItem pending) {
        return both.inTransaction(() -> {
            PendingItem stored = memory.insert(pending);
            durable.insert(pending);
            return stored;
        });
    }

    @Override
    public Optional<PendingItem> findById(UUID pendingId) {
        return memory.findById(pendingId);
    }

    @Override
    public PendingItem update(PendingItem pending) {
        return both.inTransaction(() -> {
            // PostgreSQL first: a concurrent update waits on the row lock instead of building on a memory change
            // that may yet be undone.
            durable.update(pending);
            return memory.update(pending);
        });
    }

    @Override
    public boolean delete(UUID pendingId) {
        return both.inTransaction(() -> {
            boolean deleted = memory.delete(pendingId);
            durable.delete(pendingId);
            return deleted;
        });
    }

    @Override
    public List<PendingItem> find(PendingQuery query, PendingKey after, int limit) {
        return memory.find(query, after, limit);
    }
}
