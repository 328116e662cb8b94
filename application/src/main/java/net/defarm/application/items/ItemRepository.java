package net.defarm.application.items;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.defarm.application.shared.OutboundPort;
import net.defarm.domain.items.DuplicateGroup;
import net.defarm.domain.items.Identifier;
import net.defarm.domain.items.Item;
import net.defarm.domain.items.ItemStatistics;
import net.defarm.domain.items.ItemStatus;

/** Stored items with their identifiers, aliases and provenance, always read and written as a whole. */
@OutboundPort
public interface ItemRepository {

    Optional<Item> findByDfid(String dfid);

    /** Stores a new item and returns it as stored; an existing DFID is a ConflictException (DUPLICATE_DFID). */
    Item insert(Item item);

    /**
     * Stores many new items at once (imports): all or, if any DFID already exists, none (ConflictException).
     * A store may use one statement per table for the whole list.
     */
    void insertAll(List<Item> items);

    /**
     * Writes a changed item read at {@code item.version()}, replacing its identifiers and provenance as a whole;
     * returns it at its new version. A newer stored version is a StaleUpdateException and nothing is written.
     */
    Item update(Item item);

    /**
     * DFIDs of the owner's items that carry the identifier (same namespace, key and value), oldest first, at most
     * {@code max}.
     */
    List<String> findDfidsByIdentifier(String ownerId, Identifier identifier, int max);

    /**
     * The oldest tokenized (DFID, not local) item of any owner carrying this canonical identifier (same namespace,
     * registry and value): the global identity of what it names.
     */
    Optional<String> findDfidByCanonicalIdentifier(Identifier identifier);

    /** Scope of {@link #lockIdentifiers} for identifiers resolved across all owners (tokenization). */
    String GLOBAL_SCOPE = "*";

    /**
     * Holds entity resolution on these identifiers of this owner until the current transaction ends, so two
     * concurrent submissions of a new identifier cannot both create an item. Must be called inside a transaction.
     */
    void lockIdentifiers(String ownerId, Collection<String> uniqueKeys);

    /**
     * {@link #findDfidsByIdentifier} for each identifier, keyed by unique key in the order given. A store may answer
     * all of them in one round trip.
     */
    default Map<String, List<String>> findDfidsByIdentifiers(String ownerId, List<Identifier> identifiers, int max) {
        Map<String, List<String>> found = new LinkedHashMap<>();
        identifiers.forEach(id -> found.put(id.uniqueKey(), findDfidsByIdentifier(ownerId, id, max)));
        return found;
    }

    /**
     * {@link #lockIdentifiers} on these identifiers, then {@link #findDfidsByIdentifiers}: what entity resolution
     * reads, with the lookups made after the locks are held. A store may do both in one round trip.
     */
    default Map<String, List<String>> lockAndFindDfids(String ownerId, List<Identifier> identifiers, int max) {
        lockIdentifiers(ownerId, identifiers.stream().map(Identifier::uniqueKey).toList());
        return findDfidsByIdentifiers(ownerId, identifiers, max);
    }

    /** At most {@code limit} items matching the query, in (createdAt, dfid) order, strictly after {@code after}. */
    List<Item> find(ItemQuery query, ItemKey after, int limit);

    ItemStatistics statistics(String ownerId);

    /**
     * The owner's local-only items that are not merged away, grouped by their first canonical identifier; only
     * groups of two or more, at most {@code maxGroups}, in (namespace:registry, value) order.
     */
    List<DuplicateGroup> findLocalDuplicates(String ownerId, int maxGroups);

    /** Which items to list: always one owner's, optionally by status kind and by identifier key and/or value. */
    record ItemQuery(String ownerId, ItemStatus.Kind status, String identifierKey, String identifierValue) {
        public static ItemQuery all(String ownerId) {
            return new ItemQuery(ownerId, null, null, null);
        }

        public boolean matches(Item item) {
            if (!item.ownerId().equals(ownerId) || (status != null && item.status().kind() != status)) {
                return false;
            }
            if (identifierKey == null && identifierValue == null) {
                return true;
            }
            return item.identifiers().stream().anyMatch(i -> (identifierKey == null || i.key().equals(identifierKey))
                    && (identifierValue == null || i.value().equals(identifierValue)));
        }
    }

    /** Position in the (createdAt, dfid) order; null for "from the start". */
    record ItemKey(Instant createdAt, String dfid) implements Comparable<ItemKey> {
        public static ItemKey of(Item item) {
            return new ItemKey(item.createdAt(), item.dfid());
        }

        @Override
        public int compareTo(ItemKey o) {
            int c = createdAt.compareTo(o.createdAt);
            return c != 0 ? c : dfid.compareTo(o.dfid);
        }
    }
}
