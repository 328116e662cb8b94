package net.defarm.adapters.postgres;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import net.defarm.application.storage.AggregateKind;
import net.defarm.application.storage.LidMapping;
import net.defarm.application.storage.StoreExport;

/**
 * Reads whole tables in key order, a page at a time (keyset, never OFFSET), through each repository's own row
 * mapping, so an exported record is exactly what the repository would return.
 */
public final class PostgresStoreExport implements StoreExport {

    static final int PAGE = 1000;

    /** How one kind is read: its query, table, key column (as the query names it) and row mapping. */
    private record Table(String select, String table, String keyColumn, String keyInSelect, boolean uuidKey,
                         Function<PgRow, Object> mapper) {
        Table(String select, String table, String keyColumn, boolean uuidKey, Function<PgRow, Object> mapper) {
            this(select, table, keyColumn, keyColumn, uuidKey, mapper);
        }
    }

    private final PostgresDatabase db;

    public PostgresStoreExport(PostgresDatabase db) {
        this.db = db;
    }

    private static Table table(AggregateKind kind) {
        return switch (kind) {
            case USER -> new Table(PostgresUserAccountRepository.SELECT, "user_accounts", "user_id", false,
                    PostgresUserAccountRepository::toAccount);
            case ITEM -> new Table(ItemRows.SELECT_ITEMS, "items", "dfid", "i.dfid", false,
                    ItemRows::toItem);
            case LID_MAPPING -> new Table("SELECT local_id, dfid FROM lid_dfid_mappings", "lid_dfid_mappings",
                    "local_id", true, r -> new LidMapping(PgRows.uuid(r, "local_id"), PgRows.text(r, "dfid")));
            case PENDING_ITEM -> new Table(PostgresPendingItemRepository.SELECT, "pending_items", "pending_id", true,
                    PostgresPendingItemRepository::toPending);
            case EVENT -> new Table(PostgresEventRepository.SELECT, "events", "event_id", "e.event_id", true,
                    PostgresEventRepository::toEvent);
            case CIRCUIT -> new Table(PostgresCircuitRepository.SELECT, "circuits", "circuit_id", "c.circuit_id", true,
                    PostgresCircuitRepository::toCircuit);
            case CIRCUIT_ITEM -> new Table("SELECT circuit_id, dfid, pushed_by, pushed_at FROM circuit_items",
                    "circuit_items", null, false, PostgresCircuitItemRepository::toCircuitItem);
            case OPERATION -> new Table(PostgresCircuitOperationRepository.SELECT, "circuit_operations",
                    "operation_id", true, PostgresCircuitOperationRepository::toOperation);
            case ACTIVITY -> new Table(PostgresCircuitActivityRepository.SELECT, "circuit_activities", "activity_id",
                    false, PostgresCircuitActivityRepository::toActivity);
            case NOTIFICATION -> new Table(PostgresNotificationRepository.SELECT, "notifications", "notification_id",
                    true, PostgresNotificationRepository::toNotification);
            case SNAPSHOT -> new Table(PostgresSnapshotRepository.SELECT, "snapshots", "snapshot_id", false,
                    PostgresSnapshotRepository::toSnapshot);
        };
    }

    @Override
    public void forEach(AggregateKind kind, Consumer<Object> sink) {
        Table t = table(kind);
        String after = null;
        String afterDfid = null;
        while (true) {
            List<Object> params = new ArrayList<>();
            StringBuilder sql = new StringBuilder(t.select());
            String orderBy;
            if (kind == AggregateKind.CIRCUIT_ITEM) {
                if (after != null) {
                    sql.append(" WHERE (circuit_id, dfid) > (CAST(? AS uuid), ?)");
                    params.add(after);
                    params.add(afterDfid);
                }
                orderBy = "circuit_id, dfid";
            } else {
                String key = t.keyInSelect();
                if (after != null) {
                    sql.append(" WHERE ").append(key).append(t.uuidKey() ? " > CAST(? AS uuid)" : " > ?");
                    params.add(after);
                }
                orderBy = key;
            }
            sql.append(" ORDER BY ").append(orderBy).append(" LIMIT ").append(PAGE);
            List<Object> page = db.list(sql.toString(), t.mapper(), params.toArray());
            page.forEach(sink);
            if (page.size() < PAGE) {
                return;
            }
            Object last = page.getLast();
            if (kind == AggregateKind.CIRCUIT_ITEM) {
                var ci = (net.defarm.domain.circuits.CircuitItem) last;
                after = ci.circuitId().toString();
                afterDfid = ci.dfid();
            } else {
                after = kind.keyOf(last);
            }
        }
    }

    @Override
    public Set<String> existing(AggregateKind kind, Collection<String> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        Table t = table(kind);
        String sql;
        if (kind == AggregateKind.CIRCUIT_ITEM) {
            sql = "SELECT CAST(circuit_id AS text) || '|' || dfid AS k FROM circuit_items"
                    + " WHERE CAST(circuit_id AS text) || '|' || dfid = ANY (CAST(? AS text[]))";
        } else {
            sql = "SELECT CAST(" + t.keyColumn() + " AS text) AS k FROM " + t.table() + " WHERE " + t.keyColumn()
                    + (t.uuidKey() ? " = ANY (CAST(? AS uuid[]))" : " = ANY (CAST(? AS text[]))");
        }
        String[] array = keys.toArray(String[]::new);
        return new HashSet<>(db.list(sql, r -> PgRows.text(r, "k"), (Object) array));
    }

    @Override
    public long count(AggregateKind kind) {
        return db.one("SELECT count(*) AS n FROM " + table(kind).table(), r -> PgRows.longValue(r, "n"))
                .orElse(0L);
    }
}
