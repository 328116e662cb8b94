package net.defarm.adapters.writethrough;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.defarm.application.items.PendingItemRepository;
import net.defarm.domain.items.PendingItem;

/** Pending items: read from memory; written to memory, then to the durable store, in one unit of work. */
final class WriteThroughPendingItemRepository implements PendingItemRepository {

    private final Mirror<PendingItemRepository> stores;

    WriteThroughPendingItemRepository(Mirror<PendingItemRepository> stores) {
        this.stores = stores;
    }

    @Override
    public PendingItem insert(PendingItem pending) {
        return stores.memoryDecides(port -> port.insert(pending));
    }

    @Override
    public Optional<PendingItem> findById(UUID pendingId) {
        return stores.memory().findById(pendingId);
    }

    @Override
    public PendingItem update(PendingItem pending) {
        return stores.durableFirst(port -> port.update(pending));
    }

    @Override
    public boolean delete(UUID pendingId) {
        return stores.memoryDecides(port -> port.delete(pendingId));
    }

    @Override
    public List<PendingItem> find(PendingQuery query, PendingKey after, int limit) {
        return stores.memory().find(query, after, limit);
    }
}
