package net.defarm.adapters.postgres;

import io.helidon.dbclient.DbRow;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import net.defarm.application.items.ItemRepository;
import net.defarm.domain.items.DuplicateGroup;
import net.defarm.domain.items.Identifier;
import net.defarm.domain.items.Item;
import net.defarm.domain.items.ItemStatistics;
import net.defarm.domain.shared.ConflictException;
import net.defarm.domain.shared.NotFoundException;
import net.defarm.domain.shared.StaleUpdateException;

/**
 * Items in PostgreSQL: one row per item, its identifiers and source entries in child tables. Reading an item or a
 * page of items is one statement (children aggregated as JSON); saving one is a single transaction.
 */
public final class PostgresItemRepository implements ItemRepository {

    private static final String INSERT_ITEM = """
            INSERT INTO items (dfid, local_id, owner_id, status, merged_into_lid, enriched_data, created_at,
                               last_modified, version, legacy_mode, fingerprint, aliases, confidence_score)
            VALUES (?, CAST(? AS uuid), ?, ?, ?, CAST(? AS jsonb), ?, ?, 1, ?, ?, CAST(? AS jsonb), ?)
            ON CONFLICT (dfid) DO NOTHING
            """;

    /** The item and its children in one statement; answers 1 when the item was new, 0 when its DFID was taken. */
    private static final String INSERT_ITEM_WITH_CHILDREN = "WITH item AS (" + INSERT_ITEM + " RETURNING dfid)"
            + ItemChildRows.CHILDREN_OF_NEW_ITEM + " SELECT count(*) AS n FROM item";

    private static final String UPDATE_ITEM = """
            UPDATE items SET local_id = CAST(? AS uuid), status = ?, merged_into_lid = ?, enriched_data = CAST(? AS jsonb),
                   last_modified = ?, legacy_mode = ?, fingerprint = ?, aliases = CAST(? AS jsonb),
                   confidence_score = ?, version = version + 1
             WHERE dfid = ? AND version = ?
            """;

    /** The import's columns: rows arrive by COPY in a staging table, then move into items (see insertAll). */
    private static final String ITEM_COLUMNS = "dfid, local_id, owner_id, status, merged_into_lid, enriched_data, "
            + "created_at, last_modified, version, legacy_mode, fingerprint, aliases, confidence_score";
    private static final String STAGE_ITEMS = PgCopy.staging("items");
    private static final String MOVE_ITEMS = PgCopy.fromStaging("items", ITEM_COLUMNS, "dfid");

    private final PostgresDatabase db;

    public PostgresItemRepository(PostgresDatabase db) {
        this.db = db;
    }

    @Override
    public Optional<Item> findByDfid(String dfid) {
        return db.one(ItemRows.SELECT_ITEMS + " WHERE i.dfid = ?", ItemRows::toItem, dfid);
    }

    @Override
    public Item insert(Item item) {
        Object[] itemColumns = {item.dfid(), item.localId(), item.ownerId(), ItemRows.statusName(item.status()),
                item.status().mergedIntoLid(), item.enrichedData().toCanonicalJson(), PgRows.at(item.createdAt()),
                PgRows.at(item.lastModified()), item.legacyMode(), item.fingerprint(),
                ItemRows.aliasesJson(item.aliases()), item.confidenceScore()};
        Object[] children = ItemChildRows.childColumns(item);
        Object[] params = java.util.Arrays.copyOf(itemColumns, itemColumns.length + children.length);
        System.arraycopy(children, 0, params, itemColumns.length, children.length);
        long inserted = db.one(INSERT_ITEM_WITH_CHILDREN, r -> PgRows.longValue(r, "n"), params).orElse(0L);
        if (inserted == 0) {
            throw new ConflictException("DUPLICATE_DFID", "An item with DFID " + item.dfid() + " already exists");
        }
        return item.atVersion(1);
    }

    /**
     * The import's path: the items by COPY into a staging table and from there into items (a DFID already stored
     * fails the whole list, as {@link #insert} would), their identifiers and source entries by COPY straight into
     * their tables (the items are new, so none of their children exist). All in the caller's transaction.
     */
    @Override
    public void insertAll(List<Item> items) {
        if (items.isEmpty()) {
            return;
        }
        PgCopy rows = new PgCopy();
        PgCopy identifiers = new PgCopy();
        PgCopy sources = new PgCopy();
        for (Item item : items) {
            rows.row(item.dfid(), item.localId(), item.ownerId(), ItemRows.statusName(item.status()),
                    item.status().mergedIntoLid(), item.enrichedData().toCanonicalJson(), item.createdAt(),
                    item.lastModified(), 1, item.legacyMode(), item.fingerprint(),
                    ItemRows.aliasesJson(item.aliases()), item.confidenceScore());
            ItemChildRows.copy(item, identifiers, sources);
        }
        db.atomically(ex -> {
            ex.dml(STAGE_ITEMS);
            java.sql.Connection connection = db.transactionConnection();
            rows.into(connection, "items_load", ITEM_COLUMNS);
            long inserted = ex.dml(MOVE_ITEMS);
            if (inserted != items.size()) {
                throw new ConflictException("DUPLICATE_DFID", (items.size() - inserted) + " of the items already exist");
            }
            ItemChildRows.copyInto(connection, identifiers, sources);
            return null;
        });
    }

    @Override
    public Item update(Item item) {
        return db.atomically(ex -> {
            long updated = ex.update(UPDATE_ITEM, item.localId(), ItemRows.statusName(item.status()),
                    item.status().mergedIntoLid(), item.enrichedData().toCanonicalJson(),
                    PgRows.at(item.lastModified()), item.legacyMode(), item.fingerprint(), ItemRows.aliasesJson(item.aliases()),
                    item.confidenceScore(), item.dfid(), item.version());
            if (updated == 0) {
                boolean exists = ex.get("SELECT 1 FROM items WHERE dfid = ?", item.dfid()).isPresent();
                throw exists ? new StaleUpdateException("Item " + item.dfid())
                        : new NotFoundException("ITEM_NOT_FOUND", "Item not found: " + item.dfid());
            }
            ex.delete("DELETE FROM item_identifiers WHERE dfid = ?", item.dfid());
            ex.delete("DELETE FROM item_source_entries WHERE dfid = ?", item.dfid());
            ItemChildRows.write(ex, item);
            return item.atVersion(item.version() + 1);
        });
    }

    @Override
    public List<String> findDfidsByIdentifier(String ownerId, Identifier identifier, int max) {
        return db.list("""
                SELECT ii.dfid FROM item_identifiers ii JOIN items i ON i.dfid = ii.dfid
                 WHERE ii.owner_id = ? AND ii.namespace = ? AND ii.key = ? AND ii.value = ?
                 GROUP BY ii.dfid, i.created_at ORDER BY i.created_at, ii.dfid LIMIT ?""",
                r -> PgRows.text(r, "dfid"), ownerId, identifier.namespace(), identifier.key(), identifier.value(), max);
    }

    @Override
    public Map<String, List<String>> findDfidsByIdentifiers(String ownerId, List<Identifier> identifiers, int max) {
        return resolve(ownerId, identifiers, max, List.of());
    }

    /** One statement: the locks, then the lookups with a snapshot taken after them (V16's resolve_identifiers). */
    @Override
    public Map<String, List<String>> lockAndFindDfids(String ownerId, List<Identifier> identifiers, int max) {
        if (db.current() == null) {
            throw new IllegalStateException("identifier locks are only held inside a transaction");
        }
        return resolve(ownerId, identifiers, max, identifiers.stream().map(Identifier::uniqueKey).toList());
    }

    private Map<String, List<String>> resolve(String ownerId, List<Identifier> identifiers, int max,
                                              Collection<String> lockedKeys) {
        Map<String, List<String>> found = new LinkedHashMap<>();
        if (identifiers.isEmpty()) {
            lockIdentifiers(ownerId, lockedKeys);
            return found;
        }
        List<List<String>> byPosition = new ArrayList<>();
        identifiers.forEach(id -> byPosition.add(new ArrayList<>()));
        db.list("SELECT ord, found_dfid FROM resolve_identifiers(CAST(? AS bigint[]), ?, CAST(? AS text[]), "
                        + "CAST(? AS text[]), CAST(? AS text[]), ?)",
                r -> byPosition.get((int) PgRows.longValue(r, "ord") - 1).add(PgRows.text(r, "found_dfid")),
                lockKeys(ownerId, lockedKeys), ownerId,
                identifiers.stream().map(Identifier::namespace).toArray(String[]::new),
                identifiers.stream().map(Identifier::key).toArray(String[]::new),
                identifiers.stream().map(Identifier::value).toArray(String[]::new), max);
        for (int i = 0; i < identifiers.size(); i++) {
            found.put(identifiers.get(i).uniqueKey(), List.copyOf(byPosition.get(i)));
        }
        return found;
    }

    @Override
    public Optional<String> findDfidByCanonicalIdentifier(Identifier identifier) {
        return db.one("""
                SELECT i.dfid FROM item_identifiers ii JOIN items i ON i.dfid = ii.dfid
                 WHERE ii.id_type = 'Canonical' AND ii.namespace = ? AND ii.key = ? AND ii.value = ?
                   AND i.dfid NOT LIKE 'LID-%'
                 ORDER BY i.created_at, i.dfid LIMIT 1""", r -> PgRows.text(r, "dfid"), identifier.namespace(),
                identifier.key(), identifier.value());
    }

    @Override
    public void lockIdentifiers(String ownerId, Collection<String> uniqueKeys) {
        if (db.current() == null) {
            throw new IllegalStateException("identifier locks are only held inside a transaction");
        }
        String[] array = lockKeys(ownerId, uniqueKeys);
        if (array.length == 0) {
            return;
        }
        db.run(ex -> {
            try (Stream<DbRow> rows = ex.query("SELECT pg_advisory_xact_lock(k) FROM unnest(CAST(? AS bigint[])) "
                    + "AS k ORDER BY k", (Object) array)) {
                return rows.count();
            }
        });
    }

    /** The advisory lock keys of these identifiers, ascending and each once (never two waits in a cycle). */
    private static String[] lockKeys(String ownerId, Collection<String> uniqueKeys) {
        TreeSet<Long> keys = new TreeSet<>();
        uniqueKeys.forEach(k -> keys.add(lockKey(ownerId, k)));
        return keys.stream().map(String::valueOf).toArray(String[]::new);
    }

    /** A 64-bit FNV-1a of owner and identifier: the advisory lock that serializes resolution of that identifier. */
    static long lockKey(String ownerId, String uniqueKey) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : (ownerId + '\u0000' + uniqueKey).getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    @Override
    public List<Item> find(ItemQuery query, ItemKey after, int limit) {
        PageQuery q = new PageQuery(ItemRows.SELECT_ITEMS + " WHERE i.owner_id = ?", query.ownerId());
        if (query.status() != null) {
            q.and("i.status = ?", ItemRows.statusName(query.status()));
        }
        if (query.identifierKey() != null || query.identifierValue() != null) {
            StringBuilder exists = new StringBuilder(
                    "EXISTS (SELECT 1 FROM item_identifiers x WHERE x.dfid = i.dfid AND x.owner_id = ?");
            List<Object> values = new ArrayList<>();
            values.add(query.ownerId());
            if (query.identifierKey() != null) {
                exists.append(" AND x.key = ?");
                values.add(query.identifierKey());
            }
            if (query.identifierValue() != null) {
                exists.append(" AND x.value = ?");
                values.add(query.identifierValue());
            }
            q.and(exists.append(')').toString(), values.toArray());
        }
        if (after != null) {
            q.and("(i.created_at, i.dfid) > (?, ?)", PgRows.at(after.createdAt()), after.dfid());
        }
        return q.page(db, "i.created_at, i.dfid", limit, ItemRows::toItem);
    }

    @Override
    public ItemStatistics statistics(String ownerId) {
        return db.one("""
                SELECT count(*) AS total,
                       count(*) FILTER (WHERE status = 'Active') AS active,
                       count(*) FILTER (WHERE status = 'Deprecated') AS deprecated,
                       count(*) FILTER (WHERE status IN ('Merged', 'MergedInto')) AS merged,
                       count(*) FILTER (WHERE status = 'Split') AS split,
                       coalesce(avg(confidence_score), 0) AS confidence,
                       (SELECT count(*) FROM item_identifiers WHERE owner_id = ?) AS identifiers
                  FROM items WHERE owner_id = ?""", r -> new ItemStatistics(PgRows.longValue(r, "total"),
                        PgRows.longValue(r, "active"), PgRows.longValue(r, "deprecated"),
                        PgRows.longValue(r, "merged"), PgRows.longValue(r, "split"),
                        PgRows.longValue(r, "identifiers"), PgRows.doubleValue(r, "confidence")), ownerId, ownerId)
                .orElseThrow();
    }

    @Override
    public List<DuplicateGroup> findLocalDuplicates(String ownerId, int maxGroups) {
        return db.run(ex -> {
            Map<List<String>, List<String>> groups = new LinkedHashMap<>();
            db.list("""
                    WITH firsts AS (
                        SELECT DISTINCT ON (ii.dfid) ii.dfid, ii.namespace, ii.key, ii.value
                          FROM item_identifiers ii JOIN items i ON i.dfid = ii.dfid
                         WHERE i.owner_id = ? AND i.dfid LIKE 'LID-%' AND i.status <> 'MergedInto'
                           AND ii.id_type = 'Canonical'
                         ORDER BY ii.dfid, ii.ordinal),
                    groups AS (
                        SELECT namespace, key, value FROM firsts GROUP BY namespace, key, value
                        HAVING count(*) > 1
                         ORDER BY (namespace || ':' || key) COLLATE "C", value COLLATE "C" LIMIT ?)
                    SELECT f.dfid, g.namespace, g.key, g.value
                      FROM groups g JOIN firsts f USING (namespace, key, value)
                     ORDER BY (g.namespace || ':' || g.key) COLLATE "C", g.value COLLATE "C", f.dfid""",
                    r -> List.of(PgRows.text(r, "namespace") + ":" + PgRows.text(r, "key"), PgRows.text(r, "value"),
                            PgRows.text(r, "dfid")), ownerId, maxGroups)
                    .forEach(g -> groups.computeIfAbsent(g.subList(0, 2), k -> new ArrayList<>()).add(g.get(2)));
            if (groups.isEmpty()) {
                return List.of();
            }
            Map<String, Item> byDfid = new LinkedHashMap<>();
            List<String> all = groups.values().stream().flatMap(List::stream).toList();
            db.list(ItemRows.SELECT_ITEMS + " WHERE i.dfid = ANY (CAST(? AS text[]))", ItemRows::toItem,
                    (Object) all.toArray(String[]::new)).forEach(i -> byDfid.put(i.dfid(), i));
            return groups.entrySet().stream().map(e -> new DuplicateGroup(e.getKey().get(0), e.getKey().get(1),
                    e.getValue().stream().map(byDfid::get).toList())).toList();
        });
    }
}
