package net.defarm.adapters.cache;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.defarm.application.items.ItemRepository;
import net.defarm.domain.items.DuplicateGroup;
import net.defarm.domain.items.Identifier;
import net.defarm.domain.items.Item;
import net.defarm.domain.items.ItemStatistics;

/**
 * Items by DFID (local items too: their DFID is {@code LID-<lid>}) from the cache; every other read goes to the
 * store. The cached item is the whole aggregate, the same for every reader: who may see it is decided after the
 * read, so no authorization ever depends on a cache key.
 */
final class CachingItemRepository implements ItemRepository {

    private final ItemRepository store;
    private final CacheRegion<Item> items;

    CachingItemRepository(ItemRepository store, CacheRegion<Item> items) {
        this.store = store;
        this.items = items;
    }

    @Override
    public Optional<Item> findByDfid(String dfid) {
        return items.get(dfid, () -> store.findByDfid(dfid));
    }

    @Override
    public Item insert(Item item) {
        return items.afterWrite(store.insert(item), item.dfid());
    }

    @Override
    public void insertAll(List<Item> list) {
        store.insertAll(list);
        items.afterWrite(list.stream().map(Item::dfid).toList());
    }

    @Override
    public Item update(Item item) {
        return items.afterWrite(store.update(item), item.dfid());
    }

    @Override
    public List<String> findDfidsByIdentifier(String ownerId, Identifier identifier, int max) {
        return store.findDfidsByIdentifier(ownerId, identifier, max);
    }

    @Override
    public Map<String, List<String>> findDfidsByIdentifiers(String ownerId, List<Identifier> identifiers, int max) {
        return store.findDfidsByIdentifiers(ownerId, identifiers, max);
    }

    @Override
    public Map<String, List<String>> lockAndFindDfids(String ownerId, List<Identifier> identifiers, int max) {
        return store.lockAndFindDfids(ownerId, identifiers, max);
    }

    @Override
    public Optional<String> findDfidByCanonicalIdentifier(Identifier identifier) {
        return store.findDfidByCanonicalIdentifier(identifier);
    }

    @Override
    public void lockIdentifiers(String ownerId, Collection<String> uniqueKeys) {
        store.lockIdentifiers(ownerId, uniqueKeys);
    }

    @Override
    public List<Item> find(ItemQuery query, ItemKey after, int limit) {
        return store.find(query, after, limit);
    }

    @Override
    public ItemStatistics statistics(String ownerId) {
        return store.statistics(ownerId);
    }

    @Override
    public List<DuplicateGroup> findLocalDuplicates(String ownerId, int maxGroups) {
        return store.findLocalDuplicates(ownerId, maxGroups);
    }
}
