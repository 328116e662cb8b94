package net.defarm.adapters.memory;

import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import net.defarm.application.items.PendingItemRepository;
import net.defarm.domain.items.PendingItem;
import net.defarm.domain.shared.ConflictException;
import net.defarm.domain.shared.NotFoundException;

/** Pending items held in memory, indexed per owner in (priority desc, createdAt, id) order. */
public final class InMemoryPendingItemRepository implements PendingItemRepository {

    private final Map<UUID, PendingItem> pending = new ConcurrentHashMap<>();
    private final Map<String, NavigableSet<PendingKey>> byOwner = new ConcurrentHashMap<>();
    private final InMemoryUnitOfWork uow;

    public InMemoryPendingItemRepository(InMemoryUnitOfWork uow) {
        this.uow = uow;
    }

    @Override
    public PendingItem insert(PendingItem item) {
        return restore(item.atVersion(1));
    }

    /** Stores the record exactly as given, stored version included (loading a memory store from a database). */
    PendingItem restore(PendingItem item) {
        PendingItem stored = item;
        if (pending.putIfAbsent(item.pendingId(), stored) != null) {
            throw new ConflictException("DUPLICATE_PENDING_ITEM", "Pending item " + item.pendingId() + " exists");
        }
        reindex(null, stored);
        uow.onRollback(() -> {
            if (pending.remove(stored.pendingId(), stored)) {
                reindex(stored, null);
            }
        });
        return stored;
    }

    @Override
    public Optional<PendingItem> findById(UUID pendingId) {
        return Optional.ofNullable(pending.get(pendingId));
    }

    @Override
    public PendingItem update(PendingItem item) {
        VersionedUpdate.Replaced<PendingItem> replaced = VersionedUpdate.apply(pending, item.pendingId(),
                item.version(), PendingItem::version, item::atVersion,
                id -> new NotFoundException("PENDING_ITEM_NOT_FOUND", "Pending item not found"), "Pending item");
        PendingItem previous = replaced.previous();
        PendingItem stored = replaced.stored();
        reindex(previous, stored);
        uow.onRollback(() -> {
            if (pending.replace(stored.pendingId(), stored, previous)) {
                reindex(stored, previous);
            }
        });
        return stored;
    }

    @Override
    public boolean delete(UUID pendingId) {
        PendingItem removed = pending.remove(pendingId);
        if (removed == null) {
            return false;
        }
        reindex(removed, null);
        uow.onRollback(() -> {
            if (pending.putIfAbsent(pendingId, removed) == null) {
                reindex(null, removed);
            }
        });
        return true;
    }

    @Override
    public List<PendingItem> find(PendingQuery query, PendingKey after, int limit) {
        return KeysetPage.of(byOwner.get(query.ownerId()), after, key -> pending.get(key.pendingId()), query::matches,
                limit);
    }

    private void reindex(PendingItem before, PendingItem after) {
        if (before != null) {
            NavigableSet<PendingKey> set = byOwner.get(before.ownerId());
            if (set != null) {
                set.remove(PendingKey.of(before));
            }
        }
        if (after != null) {
            byOwner.computeIfAbsent(after.ownerId(), k -> new ConcurrentSkipListSet<>()).add(PendingKey.of(after));
        }
    }

    /** Everything stored, for export (a live view; the caller copies what it keeps). */
    java.util.Collection<PendingItem> all() {
        return pending.values();
    }
}
