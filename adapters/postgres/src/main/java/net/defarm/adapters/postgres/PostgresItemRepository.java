package net.defarm.adapters.postgres;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import net.defarm.application.items.ItemRepository;
import net.defarm.domain.items.DuplicateGroup;
import net.defarm.domain.items.ExternalAlias;
import net.defarm.domain.items.Identifier;
import net.defarm.domain.items.IdentifierType;
import net.defarm.domain.items.Item;
import net.defarm.domain.items.ItemStatistics;
import net.defarm.domain.items.ItemStatus;
import net.defarm.domain.shared.ConflictException;
import net.defarm.domain.shared.NotFoundException;
import net.defarm.domain.shared.StaleUpdateException;

/**
 * Items in PostgreSQL: one row per item, its identifiers and source entries in child tables. Reading an item or a
 * page of items is one statement (children aggregated as JSON); saving one is a single transaction.
 */
public final class PostgresItemRepository implements ItemRepository {

    /** The item columns plus its children, aggregated in identifier and source-entry order. */
    static final String SELECT_ITEMS = """
            SELECT i.dfid, i.local_id, i.owner_id, i.status, i.merged_into_lid,
                   CAST(i.enriched_data AS text) AS enriched_data, i.created_at, i.last_modified, i.version,
                   i.legacy_mode, i.fingerprint, CAST(i.aliases AS text) AS aliases, i.confidence_score,
                   (SELECT CAST(coalesce(json_agg(json_build_array(ii.namespace, ii.key, ii.value, ii.id_type,
                           ii.registry, ii.verified, ii.verification_date, ii.scope) ORDER BY ii.ordinal),
                           '[]') AS text)
                      FROM item_identifiers ii WHERE ii.dfid = i.dfid) AS identifiers,
                   (SELECT CAST(coalesce(json_agg(se.entry_id ORDER BY se.ordinal), '[]') AS text)
                      FROM item_source_entries se WHERE se.dfid = i.dfid) AS source_entries
              FROM items i
            """;

    private static final String INSERT_ITEM = """
            INSERT INTO items (dfid, local_id, owner_id, status, merged_into_lid, enriched_data, created_at,
                               last_modified, version, legacy_mode, fingerprint, aliases, confidence_score)
            VALUES (?, CAST(? AS uuid), ?, ?, ?, CAST(? AS jsonb), ?, ?, 1, ?, ?, CAST(? AS jsonb), ?)
            ON CONFLICT (dfid) DO NOTHING
            """;

    private static final String UPDATE_ITEM = """
            UPDATE items SET local_id = CAST(? AS uuid), status = ?, merged_into_lid = ?, enriched_data = CAST(? AS jsonb),
                   last_modified = ?, legacy_mode = ?, fingerprint = ?, aliases = CAST(? AS jsonb),
                   confidence_score = ?, version = version + 1
             WHERE dfid = ? AND version = ?
            """;

    private static final String INSERT_ITEMS_BULK = """
            INSERT INTO items (dfid, local_id, owner_id, status, merged_into_lid, enriched_data, created_at,
                               last_modified, version, legacy_mode, fingerprint, aliases, confidence_score)
            SELECT t.dfid, t.lid, t.owner, t.status, t.merged, t.data, t.created, t.modified, 1, t.legacy, t.fp,
                   t.aliases, t.conf
              FROM unnest(CAST(? AS text[]), CAST(? AS uuid[]), CAST(? AS text[]), CAST(? AS text[]),
                          CAST(? AS text[]), CAST(? AS jsonb[]), CAST(? AS timestamptz[]), CAST(? AS timestamptz[]),
                          CAST(? AS boolean[]), CAST(? AS text[]), CAST(? AS jsonb[]), CAST(? AS float8[]))
                   AS t(dfid, lid, owner, status, merged, data, created, modified, legacy, fp, aliases, conf)
            ON CONFLICT (dfid) DO NOTHING
            """;

    private static final String INSERT_IDENTIFIERS_BULK = """
            INSERT INTO item_identifiers (dfid, ordinal, owner_id, namespace, key, value, id_type, registry,
                                          verified, verification_date, scope)
            SELECT * FROM unnest(CAST(? AS text[]), CAST(? AS int[]), CAST(? AS text[]), CAST(? AS text[]),
                                 CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),
                                 CAST(? AS boolean[]), CAST(? AS timestamptz[]), CAST(? AS text[]))
            """;

    private static final String INSERT_SOURCES_BULK = """
            INSERT INTO item_source_entries (dfid, ordinal, entry_id)
            SELECT * FROM unnest(CAST(? AS text[]), CAST(? AS int[]), CAST(? AS uuid[]))
            """;

    private final PostgresDatabase db;

    public PostgresItemRepository(PostgresDatabase db) {
        this.db = db;
    }

    @Override
    public Optional<Item> findByDfid(String dfid) {
        return db.run(ex -> ex.get(SELECT_ITEMS + " WHERE i.dfid = ?", dfid).map(PostgresItemRepository::toItem));
    }

    @Override
    public Item insert(Item item) {
        return db.atomically(ex -> {
            long inserted = ex.insert(INSERT_ITEM, item.dfid(), item.localId(), item.ownerId(),
                    statusName(item.status()), item.status().mergedIntoLid(), item.enrichedData().toCanonicalJson(),
                    PgRows.at(item.createdAt()), PgRows.at(item.lastModified()), item.legacyMode(),
                    item.fingerprint(), aliasesJson(item.aliases()), item.confidenceScore());
            if (inserted == 0) {
                throw new ConflictException("DUPLICATE_DFID", "An item with DFID " + item.dfid() + " already exists");
            }
            writeChildren(ex, item);
            return item.atVersion(1);
        });
    }

    /** Three statements for the whole list: the items, all their identifiers, all their source entries. */
    @Override
    public void insertAll(List<Item> items) {
        if (items.isEmpty()) {
            return;
        }
        int n = items.size();
        String[] dfids = new String[n];
        String[] lids = new String[n];
        String[] owners = new String[n];
        String[] statuses = new String[n];
        String[] merged = new String[n];
        String[] data = new String[n];
        String[] created = new String[n];
        String[] modified = new String[n];
        Boolean[] legacy = new Boolean[n];
        String[] fingerprints = new String[n];
        String[] aliases = new String[n];
        Double[] confidence = new Double[n];
        List<Object[]> idRows = new ArrayList<>();
        List<Object[]> sourceRows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Item item = items.get(i);
            dfids[i] = item.dfid();
            lids[i] = item.localId() == null ? null : item.localId().toString();
            owners[i] = item.ownerId();
            statuses[i] = statusName(item.status());
            merged[i] = item.status().mergedIntoLid();
            data[i] = item.enrichedData().toCanonicalJson();
            created[i] = item.createdAt().toString();
            modified[i] = item.lastModified().toString();
            legacy[i] = item.legacyMode();
            fingerprints[i] = item.fingerprint();
            aliases[i] = aliasesJson(item.aliases());
            confidence[i] = item.confidenceScore();
            addChildRows(item, idRows, sourceRows);
        }
        db.atomically(ex -> {
            long inserted = ex.insert(INSERT_ITEMS_BULK, dfids, lids, owners, statuses, merged, data, created,
                    modified, legacy, fingerprints, aliases, confidence);
            if (inserted != n) {
                throw new ConflictException("DUPLICATE_DFID", (n - inserted) + " of the items already exist");
            }
            insertChildRows(ex, idRows, sourceRows);
            return null;
        });
    }

    /** One row per identifier and per source entry, numbered from 1 in the item's order. */
    private static void addChildRows(Item item, List<Object[]> idRows, List<Object[]> sourceRows) {
        int ordinal = 1;
        for (Identifier id : item.identifiers()) {
            idRows.add(new Object[] {item.dfid(), ordinal++, item.ownerId(), id});
        }
        ordinal = 1;
        for (UUID entry : item.sourceEntries()) {
            sourceRows.add(new Object[] {item.dfid(), ordinal++, entry.toString()});
        }
    }

    /** At most two statements whatever the number of items: one for identifiers, one for source entries. */
    private static void insertChildRows(DbExecute ex, List<Object[]> idRows, List<Object[]> sourceRows) {
        if (!idRows.isEmpty()) {
            insertIdentifierRows(ex, idRows);
        }
        if (!sourceRows.isEmpty()) {
            ex.insert(INSERT_SOURCES_BULK, column(sourceRows, 0, String[]::new),
                    column(sourceRows, 1, Integer[]::new), column(sourceRows, 2, String[]::new));
        }
    }

    private static void insertIdentifierRows(DbExecute ex, List<Object[]> rows) {
        int m = rows.size();
        String[] ns = new String[m];
        String[] keys = new String[m];
        String[] values = new String[m];
        String[] types = new String[m];
        String[] registries = new String[m];
        Boolean[] verified = new Boolean[m];
        String[] dates = new String[m];
        String[] scopes = new String[m];
        for (int i = 0; i < m; i++) {
            PgRows.IdentifierDoc id = PgRows.IdentifierDoc.of((Identifier) rows.get(i)[3]);
            ns[i] = id.namespace();
            keys[i] = id.key();
            values[i] = id.value();
            types[i] = id.idType();
            registries[i] = id.registry();
            verified[i] = id.verified();
            dates[i] = id.verificationDate();
            scopes[i] = id.scope();
        }
        ex.insert(INSERT_IDENTIFIERS_BULK, column(rows, 0, String[]::new), column(rows, 1, Integer[]::new),
                column(rows, 2, String[]::new), ns, keys, values, types, registries, verified, dates, scopes);
    }

    private static <T> T[] column(List<Object[]> rows, int index, java.util.function.IntFunction<T[]> array) {
        T[] out = array.apply(rows.size());
        for (int i = 0; i < out.length; i++) {
            @SuppressWarnings("unchecked")
            T value = (T) rows.get(i)[index];
            out[i] = value;
        }
        return out;
    }

    @Override
    public Item update(Item item) {
        return db.atomically(ex -> {
            long updated = ex.update(UPDATE_ITEM, item.localId(), statusName(item.status()),
                    item.status().mergedIntoLid(), item.enrichedData().toCanonicalJson(),
                    PgRows.at(item.lastModified()), item.legacyMode(), item.fingerprint(), aliasesJson(item.aliases()),
                    item.confidenceScore(), item.dfid(), item.version());
            if (updated == 0) {
                boolean exists = ex.get("SELECT 1 FROM items WHERE dfid = ?", item.dfid()).isPresent();
                throw exists ? new StaleUpdateException("Item " + item.dfid())
                        : new NotFoundException("ITEM_NOT_FOUND", "Item not found: " + item.dfid());
            }
            ex.delete("DELETE FROM item_identifiers WHERE dfid = ?", item.dfid());
            ex.delete("DELETE FROM item_source_entries WHERE dfid = ?", item.dfid());
            writeChildren(ex, item);
            return item.atVersion(item.version() + 1);
        });
    }

    private static void writeChildren(DbExecute ex, Item item) {
        List<Object[]> idRows = new ArrayList<>();
        List<Object[]> sourceRows = new ArrayList<>();
        addChildRows(item, idRows, sourceRows);
        insertChildRows(ex, idRows, sourceRows);
    }

    @Override
    public List<String> findDfidsByIdentifier(String ownerId, Identifier identifier, int max) {
        return db.run(ex -> {
            try (Stream<DbRow> rows = ex.query("""
                    SELECT ii.dfid FROM item_identifiers ii JOIN items i ON i.dfid = ii.dfid
                     WHERE ii.owner_id = ? AND ii.namespace = ? AND ii.key = ? AND ii.value = ?
                     GROUP BY ii.dfid, i.created_at ORDER BY i.created_at, ii.dfid LIMIT ?""",
                    ownerId, identifier.namespace(), identifier.key(), identifier.value(), max)) {
                return rows.map(r -> PgRows.text(r, "dfid")).toList();
            }
        });
    }

    @Override
    public Optional<String> findDfidByCanonicalIdentifier(Identifier identifier) {
        return db.run(ex -> ex.get("""
                SELECT i.dfid FROM item_identifiers ii JOIN items i ON i.dfid = ii.dfid
                 WHERE ii.id_type = 'Canonical' AND ii.namespace = ? AND ii.key = ? AND ii.value = ?
                   AND i.dfid NOT LIKE 'LID-%'
                 ORDER BY i.created_at, i.dfid LIMIT 1""", identifier.namespace(), identifier.key(), identifier.value())
                .map(r -> PgRows.text(r, "dfid")));
    }

    @Override
    public void lockIdentifiers(String ownerId, Collection<String> uniqueKeys) {
        if (db.current() == null) {
            throw new IllegalStateException("identifier locks are only held inside a transaction");
        }
        TreeSet<Long> keys = new TreeSet<>();
        uniqueKeys.forEach(k -> keys.add(lockKey(ownerId, k)));
        if (keys.isEmpty()) {
            return;
        }
        String[] array = keys.stream().map(String::valueOf).toArray(String[]::new);
        db.run(ex -> {
            try (Stream<DbRow> rows = ex.query("SELECT pg_advisory_xact_lock(k) FROM unnest(CAST(? AS bigint[])) "
                    + "AS k ORDER BY k", (Object) array)) {
                return rows.count();
            }
        });
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
        StringBuilder sql = new StringBuilder(SELECT_ITEMS).append(" WHERE i.owner_id = ?");
        List<Object> params = new ArrayList<>();
        params.add(query.ownerId());
        if (query.status() != null) {
            sql.append(" AND i.status = ?");
            params.add(statusName(query.status()));
        }
        if (query.identifierKey() != null || query.identifierValue() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM item_identifiers x WHERE x.dfid = i.dfid AND x.owner_id = ?");
            params.add(query.ownerId());
            if (query.identifierKey() != null) {
                sql.append(" AND x.key = ?");
                params.add(query.identifierKey());
            }
            if (query.identifierValue() != null) {
                sql.append(" AND x.value = ?");
                params.add(query.identifierValue());
            }
            sql.append(')');
        }
        if (after != null) {
            sql.append(" AND (i.created_at, i.dfid) > (?, ?)");
            params.add(PgRows.at(after.createdAt()));
            params.add(after.dfid());
        }
        sql.append(" ORDER BY i.created_at, i.dfid LIMIT ?");
        params.add(limit);
        return db.run(ex -> list(ex.query(sql.toString(), params.toArray())));
    }

    @Override
    public ItemStatistics statistics(String ownerId) {
        return db.run(ex -> ex.get("""
                SELECT count(*) AS total,
                       count(*) FILTER (WHERE status = 'Active') AS active,
                       count(*) FILTER (WHERE status = 'Deprecated') AS deprecated,
                       count(*) FILTER (WHERE status IN ('Merged', 'MergedInto')) AS merged,
                       count(*) FILTER (WHERE status = 'Split') AS split,
                       coalesce(avg(confidence_score), 0) AS confidence,
                       (SELECT count(*) FROM item_identifiers WHERE owner_id = ?) AS identifiers
                  FROM items WHERE owner_id = ?""", ownerId, ownerId)
                .map(r -> new ItemStatistics(PgRows.longValue(r, "total"), PgRows.longValue(r, "active"),
                        PgRows.longValue(r, "deprecated"), PgRows.longValue(r, "merged"),
                        PgRows.longValue(r, "split"), PgRows.longValue(r, "identifiers"),
                        ((Number) r.column("confidence").get(Object.class)).doubleValue()))
                .orElseThrow());
    }

    @Override
    public List<DuplicateGroup> findLocalDuplicates(String ownerId, int maxGroups) {
        return db.run(ex -> {
            Map<List<String>, List<String>> groups = new LinkedHashMap<>();
            try (Stream<DbRow> rows = ex.query("""
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
                    ownerId, maxGroups)) {
                rows.forEach(r -> groups.computeIfAbsent(List.of(PgRows.text(r, "namespace") + ":"
                        + PgRows.text(r, "key"), PgRows.text(r, "value")), k -> new ArrayList<>())
                        .add(PgRows.text(r, "dfid")));
            }
            if (groups.isEmpty()) {
                return List.of();
            }
            Map<String, Item> byDfid = new LinkedHashMap<>();
            List<String> all = groups.values().stream().flatMap(List::stream).toList();
            list(ex.query(SELECT_ITEMS + " WHERE i.dfid = ANY (CAST(? AS text[]))",
                    (Object) all.toArray(String[]::new))).forEach(i -> byDfid.put(i.dfid(), i));
            return groups.entrySet().stream().map(e -> new DuplicateGroup(e.getKey().get(0), e.getKey().get(1),
                    e.getValue().stream().map(byDfid::get).toList())).toList();
        });
    }

    private static List<Item> list(Stream<DbRow> rows) {
        try (rows) {
            return rows.map(PostgresItemRepository::toItem).toList();
        }
    }

    static Item toItem(DbRow r) {
        String status = PgRows.text(r, "status");
        ItemStatus itemStatus = status.equals("MergedInto")
                ? ItemStatus.mergedInto(PgRows.text(r, "merged_into_lid")) : ItemStatus.fromCode(status);
        return new Item(PgRows.text(r, "dfid"), PgRows.uuid(r, "local_id"), PgRows.bool(r, "legacy_mode"),
                identifiers(PgRows.text(r, "identifiers")), aliases(PgRows.text(r, "aliases")),
                PgRows.text(r, "fingerprint"), PgRows.object(r, "enriched_data"), PgRows.instant(r, "created_at"),
                PgRows.instant(r, "last_modified"), sources(PgRows.text(r, "source_entries")),
                ((Number) r.column("confidence_score").get(Object.class)).doubleValue(), itemStatus,
                PgRows.text(r, "owner_id"), PgRows.longValue(r, "version"));
    }

    private static List<Identifier> identifiers(String json) {
        JsonNode rows = PgRows.tree(json);
        List<Identifier> ids = new ArrayList<>(rows.size());
        for (JsonNode row : rows) {
            Instant date = row.get(6).isNull() ? null : OffsetDateTime.parse(row.get(6).asText()).toInstant();
            ids.add(new Identifier(row.get(0).asText(), row.get(1).asText(), row.get(2).asText(),
                    PgRows.type(row.get(3).asText(), row.get(4).isNull() ? null : row.get(4).asText(),
                            row.get(5).isNull() ? null : row.get(5).asBoolean(), date,
                            row.get(7).isNull() ? null : row.get(7).asText())));
        }
        return ids;
    }

    private static List<UUID> sources(String json) {
        List<String> ids = PgRows.read(json, new TypeReference<>() { });
        return ids.stream().map(UUID::fromString).toList();
    }

    record AliasDoc(String scheme, String value, String issuerId, String issuedAt, String evidenceHash) {
    }

    private static String aliasesJson(List<ExternalAlias> aliases) {
        return PgRows.json(aliases.stream().map(a -> new AliasDoc(a.scheme(), a.value(), a.issuerId(),
                a.issuedAt() == null ? null : a.issuedAt().toString(), a.evidenceHash())).toList());
    }

    private static List<ExternalAlias> aliases(String json) {
        List<AliasDoc> docs = PgRows.read(json, new TypeReference<>() { });
        return docs.stream().map(d -> new ExternalAlias(d.scheme(), d.value(), d.issuerId(),
                d.issuedAt() == null ? null : Instant.parse(d.issuedAt()), d.evidenceHash())).toList();
    }

    static String statusName(ItemStatus status) {
        return statusName(status.kind());
    }

    static String statusName(ItemStatus.Kind kind) {
        return switch (kind) {
            case ACTIVE -> "Active";
            case DEPRECATED -> "Deprecated";
            case MERGED -> "Merged";
            case SPLIT -> "Split";
            case MERGED_INTO -> "MergedInto";
        };
    }
}
