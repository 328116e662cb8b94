package net.defarm.adapters.memory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.locks.ReentrantLock;
import net.defarm.application.items.ItemRepository;
import net.defarm.domain.items.DuplicateGroup;
import net.defarm.domain.items.Identifier;
import net.defarm.domain.items.Item;
import net.defarm.domain.items.ItemStatistics;
import net.defarm.domain.items.ItemStatus;
import net.defarm.domain.shared.ConflictException;
import net.defarm.domain.shared.NotFoundException;

/**
 * Items held in memory, with the indexes the queries need: per owner in (createdAt, dfid) order, and per owner
 * and identifier. Items are immutable values, so readers never see a half-applied change to one item.
 */
public final class InMemoryItemRepository implements ItemRepository {

    private static final int LOCK_STRIPES = 1024;

    private final Map<String, Item> items = new ConcurrentHashMap<>();
    private final Map<String, NavigableSet<ItemKey>> byOwner = new ConcurrentHashMap<>();
    private final Map<String, NavigableSet<ItemKey>> byOwnerIdentifier = new ConcurrentHashMap<>();
    /** Canonical identifiers of tokenized (non-local) items, across owners. */
    private final Map<String, NavigableSet<ItemKey>> byCanonical = new ConcurrentHashMap<>();
    private final ReentrantLock[] identifierLocks = new ReentrantLock[LOCK_STRIPES];
    private final InMemoryUnitOfWork uow;

    public InMemoryItemRepository(InMemoryUnitOfWork uow) {
        this.uow = uow;
        for (int i = 0; i < LOCK_STRIPES; i++) {
            identifierLocks[i] = new ReentrantLock();
        }
    }

    @Override
    public Optional<Item> findByDfid(String dfid) {
        return Optional.ofNullable(items.get(dfid));
    }

    @Override
    public Item insert(Item item) {
        return restore(item.atVersion(1));
    }

    /** Stores the record exactly as given, stored version included (loading a memory store from a database). */
    Item restore(Item item) {
        Item stored = item;
        if (items.putIfAbsent(item.dfid(), stored) != null) {
            throw new ConflictException("DUPLICATE_DFID", "An item with DFID " + item.dfid() + " already exists");
        }
        index(null, stored);
        uow.onRollback(() -> {
            if (items.remove(stored.dfid(), stored)) {
                index(stored, null);
            }
        });
        return stored;
    }

    @Override
    public void insertAll(List<Item> list) {
        for (Item item : list) {
            if (items.containsKey(item.dfid())) {
                throw new net.defarm.domain.shared.ConflictException("DUPLICATE_DFID",
                        "An item with DFID " + item.dfid() + " already exists");
            }
        }
        list.forEach(this::insert);
    }

    @Override
    public Item update(Item item) {
        VersionedUpdate.Replaced<Item> replaced = VersionedUpdate.apply(items, item.dfid(), item.version(),
                Item::version, item::atVersion,
                dfid -> new NotFoundException("ITEM_NOT_FOUND", "Item not found: " + dfid), "Item");
        Item previous = replaced.previous();
        Item stored = replaced.stored();
        index(previous, stored);
        uow.onRollback(() -> {
            if (items.replace(stored.dfid(), stored, previous)) {
                index(stored, previous);
            }
        });
        return stored;
    }

    @Override
    public List<String> findDfidsByIdentifier(String ownerId, Identifier identifier, int max) {
        NavigableSet<ItemKey> keys = byOwnerIdentifier.get(identifierIndexKey(ownerId, identifier.uniqueKey()));
        if (keys == null) {
            return List.of();
        }
        return keys.stream().limit(max).map(ItemKey::dfid).toList();
    }

    @Override
    public Optional<String> findDfidByCanonicalIdentifier(Identifier identifier) {
        NavigableSet<ItemKey> keys = byCanonical.get(identifier.uniqueKey());
        return keys == null || keys.isEmpty() ? Optional.empty() : Optional.of(keys.first().dfid());
    }

    @Override
    public void lockIdentifiers(String ownerId, Collection<String> uniqueKeys) {
        // Stripes in ascending order, each once: two transactions never wait on each other in a cycle.
        Set<Integer> stripes = new TreeSet<>();
        uniqueKeys.forEach(k -> stripes.add(Math.floorMod(identifierIndexKey(ownerId, k).hashCode(), LOCK_STRIPES)));
        stripes.forEach(s -> uow.hold(identifierLocks[s]));
    }

    @Override
    public List<Item> find(ItemQuery query, ItemKey after, int limit) {
        return KeysetPage.of(byOwner.get(query.ownerId()), after, key -> items.get(key.dfid()), query::matches, limit);
    }

    @Override
    public ItemStatistics statistics(String ownerId) {
        long total = 0;
        long active = 0;
        long deprecated = 0;
        long merged = 0;
        long split = 0;
        long identifiers = 0;
        double confidence = 0;
        for (Item item : ownedBy(ownerId)) {
            total++;
            identifiers += item.identifiers().size();
            confidence += item.confidenceScore();
            switch (item.status().kind()) {
                case ACTIVE -> active++;
                case DEPRECATED -> deprecated++;
                case MERGED, MERGED_INTO -> merged++;
                case SPLIT -> split++;
            }
        }
        return new ItemStatistics(total, active, deprecated, merged, split, identifiers,
                total == 0 ? 0 : confidence / total);
    }

    @Override
    public List<DuplicateGroup> findLocalDuplicates(String ownerId, int maxGroups) {
        Map<List<String>, List<Item>> groups = new TreeMap<>(Comparator.<List<String>, String>comparing(l -> l.get(0))
                .thenComparing(l -> l.get(1)));
        for (Item item : ownedBy(ownerId)) {
            if (!item.isLocalOnly() || item.status().kind() == ItemStatus.Kind.MERGED_INTO) {
                continue;
            }
            DuplicateGroup.groupingIdentifier(item).ifPresent(id -> groups
                    .computeIfAbsent(List.of(id.namespace() + ":" + id.key(), id.value()), k -> new ArrayList<>())
                    .add(item));
        }
        return groups.entrySet().stream().filter(e -> e.getValue().size() > 1).limit(maxGroups)
                .map(e -> new DuplicateGroup(e.getKey().get(0), e.getKey().get(1), e.getValue())).toList();
    }

    private List<Item> ownedBy(String ownerId) {
        NavigableSet<ItemKey> keys = byOwner.getOrDefault(ownerId, new TreeSet<>());
        List<Item> owned = new ArrayList<>(keys.size());
        keys.forEach(k -> {
            Item item = items.get(k.dfid());
            if (item != null) {
                owned.add(item);
            }
        });
        return owned;
    }

    /** Moves an item's index entries from its old state to its new one (either may be null). */
    private void index(Item before, Item after) {
        Item any = after != null ? after : before;
        ItemKey key = ItemKey.of(any);
        Set<String> oldKeys = identifierKeys(before);
        Set<String> newKeys = identifierKeys(after);
        for (String k : oldKeys) {
            if (!newKeys.contains(k)) {
                NavigableSet<ItemKey> set = byOwnerIdentifier.get(identifierIndexKey(any.ownerId(), k));
                if (set != null) {
                    set.remove(key);
                }
            }
        }
        for (String k : newKeys) {
            if (!oldKeys.contains(k)) {
                byOwnerIdentifier.computeIfAbsent(identifierIndexKey(any.ownerId(), k),
                        x -> new ConcurrentSkipListSet<>()).add(key);
            }
        }
        Set<String> oldCanonical = canonicalKeys(before);
        Set<String> newCanonical = canonicalKeys(after);
        oldCanonical.stream().filter(k -> !newCanonical.contains(k)).forEach(k -> {
            NavigableSet<ItemKey> set = byCanonical.get(k);
            if (set != null) {
                set.remove(key);
            }
        });
        newCanonical.forEach(k -> byCanonical.computeIfAbsent(k, x -> new ConcurrentSkipListSet<>()).add(key));
        NavigableSet<ItemKey> owned = byOwner.computeIfAbsent(any.ownerId(), x -> new ConcurrentSkipListSet<>());
        if (after == null) {
            owned.remove(key);
        } else {
            owned.add(key);
        }
    }

    private static Set<String> identifierKeys(Item item) {
        Set<String> keys = new HashSet<>();
        if (item != null) {
            for (Identifier id : item.identifiers()) {
                keys.add(id.uniqueKey());
            }
        }
        return keys;
    }

    private static Set<String> canonicalKeys(Item item) {
        Set<String> keys = new HashSet<>();
        if (item != null && !item.isLocalOnly()) {
            item.identifiers().stream().filter(Identifier::isCanonical).forEach(i -> keys.add(i.uniqueKey()));
        }
        return keys;
    }

    private static String identifierIndexKey(String ownerId, String uniqueKey) {
        return ownerId + '\u0000' + uniqueKey;
    }

    /** Everything stored, for export (a live view; the caller copies what it keeps). */
    java.util.Collection<Item> all() {
        return items.values();
    }
}
