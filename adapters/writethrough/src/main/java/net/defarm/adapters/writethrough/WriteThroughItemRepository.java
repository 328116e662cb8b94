package net.defarm.adapters.writethrough;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import net.defarm.application.items.ItemRepository;
import net.defarm.application.shared.UnitOfWork;
import net.defarm.domain.items.DuplicateGroup;
import net.defarm.domain.items.Identifier;
import net.defarm.domain.items.Item;
import net.defarm.domain.items.ItemStatistics;

/**
 * Items: every read from memory (the primary); every write to memory first (it decides: duplicates, stale
 * versions), then to the durable store, in one unit of work. Entity-resolution locks are taken in both, always
 * memory first, so two writers cannot wait for each other crosswise.
 */
final class WriteThroughItemRepository implements ItemRepository {

    private final ItemRepository memory;
    private final ItemRepository durable;
    private final UnitOfWork both;

    WriteThroughItemRepository(ItemRepository memory, ItemRepository durable, UnitOfWork both) {
        this.memory = memory;
        this.durable = durable;
        this.both = both;
    }

    @Override
    public Optional<Item> findByDfid(String dfid) {
        return memory.findByDfid(dfid);
    }

    @Override
    public Item insert(Item item) {
        return both.inTransaction(() -> {
            Item stored = memory.insert(item);
            durable.insert(item);
            return stored;
        });
    }

    @Override
    public void insertAll(List<Item> items) {
        both.inTransaction(() -> {
            memory.insertAll(items);
            durable.insertAll(items);
        });
    }

    @Override
    public Item update(Item item) {
        return both.inTransaction(() -> {
            // PostgreSQL first: a concurrent update waits on the row lock instead of building on a memory change
            // that may yet be undone.
            durable.update(item);
            return memory.update(item);
        });
    }

    @Override
    public List<String> findDfidsByIdentifier(String ownerId, Identifier identifier, int max) {
        return memory.findDfidsByIdentifier(ownerId, identifier, max);
    }

    @Override
    public Optional<String> findDfidByCanonicalIdentifier(Identifier identifier) {
        return memory.findDfidByCanonicalIdentifier(identifier);
    }

    @Override
    public void lockIdentifiers(String ownerId, Collection<String> uniqueKeys) {
        memory.lockIdentifiers(ownerId, uniqueKeys);
        durable.lockIdentifiers(ownerId, uniqueKeys);
    }

    @Override
    public List<Item> find(ItemQuery query, ItemKey after, int limit) {
        return memory.find(query, after, limit);
    }

    @Override
    public ItemStatistics statistics(String ownerId) {
        return memory.statistics(ownerId);
    }

    @Override
    public List<DuplicateGroup> findLocalDuplicates(String ownerId, int maxGroups) {
        return memory.findLocalDuplicates(ownerId, maxGroups);
    }
}
