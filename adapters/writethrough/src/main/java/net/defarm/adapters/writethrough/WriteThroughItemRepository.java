package net.defarm.adapters.writethrough;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import net.defarm.application.items.ItemRepository;
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

    private final Mirror<ItemRepository> stores;

    WriteThroughItemRepository(Mirror<ItemRepository> stores) {
        this.stores = stores;
    }

    @Override
    public Optional<Item> findByDfid(String dfid) {
        return stores.memory().findByDfid(dfid);
    }

    @Override
    public Item insert(Item item) {
        return stores.memoryDecides(port -> port.insert(item));
    }

    @Override
    public void insertAll(List<Item> items) {
        stores.write(port -> port.insertAll(items));
    }

    @Override
    public Item update(Item item) {
        return stores.durableFirst(port -> port.update(item));
    }

    @Override
    public List<String> findDfidsByIdentifier(String ownerId, Identifier identifier, int max) {
        return stores.memory().findDfidsByIdentifier(ownerId, identifier, max);
    }

    @Override
    public Optional<String> findDfidByCanonicalIdentifier(Identifier identifier) {
        return stores.memory().findDfidByCanonicalIdentifier(identifier);
    }

    @Override
    public void lockIdentifiers(String ownerId, Collection<String> uniqueKeys) {
        stores.inOrder(port -> port.lockIdentifiers(ownerId, uniqueKeys));
    }

    @Override
    public List<Item> find(ItemQuery query, ItemKey after, int limit) {
        return stores.memory().find(query, after, limit);
    }

    @Override
    public ItemStatistics statistics(String ownerId) {
        return stores.memory().statistics(ownerId);
    }

    @Override
    public List<DuplicateGroup> findLocalDuplicates(String ownerId, int maxGroups) {
        return stores.memory().findLocalDuplicates(ownerId, maxGroups);
    }
}
