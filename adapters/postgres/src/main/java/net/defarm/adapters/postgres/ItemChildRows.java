package net.defarm.adapters.postgres;

import io.helidon.dbclient.DbExecute;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;
import net.defarm.domain.items.Identifier;
import net.defarm.domain.items.Item;

/**
 * Writes an item's children (identifiers and source entries) as whole columns: at most two statements whatever the
 * number of items, one for identifiers and one for source entries.
 */
final class ItemChildRows {

    private static final String IDENTIFIER_COLUMNS = "dfid, ordinal, owner_id, namespace, key, value, id_type, "
            + "registry, verified, verification_date, scope";

    private static final String INSERT_IDENTIFIERS_BULK = "INSERT INTO item_identifiers (" + IDENTIFIER_COLUMNS + ") "
            + """
            SELECT * FROM unnest(CAST(? AS text[]), CAST(? AS int[]), CAST(? AS text[]), CAST(? AS text[]),
                                 CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),
                                 CAST(? AS boolean[]), CAST(? AS timestamptz[]), CAST(? AS text[]))
            """;

    private static final String INSERT_SOURCES_BULK = """
            INSERT INTO item_source_entries (dfid, ordinal, entry_id)
            SELECT * FROM unnest(CAST(? AS text[]), CAST(? AS int[]), CAST(? AS uuid[]))
            """;

    /**
     * The children's inserts as parts of a WITH whose part {@code item} inserts the item (returning its DFID): they
     * write only if the item was written, so an item and its children are one statement (see
     * {@link #childColumns}).
     */
    static final String CHILDREN_OF_NEW_ITEM = ", ids AS (" + INSERT_IDENTIFIERS_BULK
            + " WHERE EXISTS (SELECT 1 FROM item)), src AS (" + INSERT_SOURCES_BULK
            + " WHERE EXISTS (SELECT 1 FROM item))";

    private ItemChildRows() {
    }

    static void write(DbExecute ex, Item item) {
        List<Object[]> idRows = new ArrayList<>();
        List<Object[]> sourceRows = new ArrayList<>();
        add(item, idRows, sourceRows);
        insert(ex, idRows, sourceRows);
    }

    /** One row per identifier and per source entry, numbered from 1 in the item's order. */
    static void add(Item item, List<Object[]> idRows, List<Object[]> sourceRows) {
        int ordinal = 1;
        for (Identifier id : item.identifiers()) {
            idRows.add(new Object[] {item.dfid(), ordinal++, item.ownerId(), id});
        }
        ordinal = 1;
        for (UUID entry : item.sourceEntries()) {
            sourceRows.add(new Object[] {item.dfid(), ordinal++, entry.toString()});
        }
    }

    /** The item's identifier and source entry rows, for {@link #copyInto}. */
    static void copy(Item item, PgCopy identifiers, PgCopy sources) {
        int ordinal = 1;
        for (Identifier identifier : item.identifiers()) {
            PgRows.IdentifierDoc id = PgRows.IdentifierDoc.of(identifier);
            identifiers.row(item.dfid(), ordinal++, item.ownerId(), id.namespace(), id.key(), id.value(), id.idType(),
                    id.registry(), id.verified(), id.verificationDate(), id.scope());
        }
        ordinal = 1;
        for (UUID entry : item.sourceEntries()) {
            sources.row(item.dfid(), ordinal++, entry);
        }
    }

    /** Two COPYs on the transaction's connection: identifiers, then source entries. */
    static void copyInto(java.sql.Connection connection, PgCopy identifiers, PgCopy sources) {
        identifiers.into(connection, "item_identifiers", IDENTIFIER_COLUMNS);
        sources.into(connection, "item_source_entries", "dfid, ordinal, entry_id");
    }

    /** At most two statements whatever the number of items: one for identifiers, one for source entries. */
    static void insert(DbExecute ex, List<Object[]> idRows, List<Object[]> sourceRows) {
        if (!idRows.isEmpty()) {
            insertIdentifierRows(ex, idRows);
        }
        if (!sourceRows.isEmpty()) {
            ex.insert(INSERT_SOURCES_BULK, column(sourceRows, 0, String[]::new),
                    column(sourceRows, 1, Integer[]::new), column(sourceRows, 2, String[]::new));
        }
    }

    private static void insertIdentifierRows(DbExecute ex, List<Object[]> rows) {
        ex.insert(INSERT_IDENTIFIERS_BULK, identifierColumns(rows));
    }

    /** The parameters of {@link #CHILDREN_OF_NEW_ITEM}: the identifier columns, then the source entry columns. */
    static Object[] childColumns(Item item) {
        List<Object[]> idRows = new ArrayList<>();
        List<Object[]> sourceRows = new ArrayList<>();
        add(item, idRows, sourceRows);
        Object[] ids = identifierColumns(idRows);
        Object[] all = java.util.Arrays.copyOf(ids, ids.length + 3);
        all[ids.length] = column(sourceRows, 0, String[]::new);
        all[ids.length + 1] = column(sourceRows, 1, Integer[]::new);
        all[ids.length + 2] = column(sourceRows, 2, String[]::new);
        return all;
    }

    private static Object[] identifierColumns(List<Object[]> rows) {
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
        return new Object[] {column(rows, 0, String[]::new), column(rows, 1, Integer[]::new),
                column(rows, 2, String[]::new), ns, keys, values, types, registries, verified, dates, scopes};
    }

    private static <T> T[] column(List<Object[]> rows, int index, IntFunction<T[]> array) {
        T[] out = array.apply(rows.size());
        for (int i = 0; i < out.length; i++) {
            @SuppressWarnings("unchecked")
            T value = (T) rows.get(i)[index];
            out[i] = value;
        }
        return out;
    }
}
