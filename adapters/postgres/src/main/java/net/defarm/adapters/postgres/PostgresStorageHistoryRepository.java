package net.defarm.adapters.postgres;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.defarm.application.history.HistoryScope;
import net.defarm.application.history.StorageHistoryRepository;
import net.defarm.domain.evidence.Cid;
import net.defarm.domain.history.StorageLocation;
import net.defarm.domain.history.StorageRecord;
import net.defarm.domain.history.StorageStatistics;
import net.defarm.domain.shared.ConflictException;

/**
 * Storage history in {@code storage_records}. An append takes a transaction-scoped advisory lock per item, reads
 * the item's last timeline sequence and inserts after it; the unique (dfid, timeline_sequence) and the unique
 * message id refuse a second record even if the lock were bypassed.
 */
public final class PostgresStorageHistoryRepository implements StorageHistoryRepository {

    private static final String SELECT = """
            SELECT record_id, message_id, dfid, owner_id, circuit_id, triggered_by, operation, adapter_type, cid,
                   pinned, network, ledger_sequence, transaction_hash, anchored_at, stored_at, timeline_sequence,
                   is_primary
              FROM storage_records""";
    /** A scope's condition: its circuits as a comma-separated text, or null for every record. */
    private static final String WITHIN =
            " AND (CAST(? AS text) IS NULL OR circuit_id = ANY (CAST(string_to_array(?, ',') AS uuid[])))";

    private final PostgresDatabase db;

    public PostgresStorageHistoryRepository(PostgresDatabase db) {
        this.db = db;
    }

    @Override
    public StorageRecord append(StorageRecord draft) {
        try {
            return db.atomically(ex -> {
                ex.get("SELECT pg_advisory_xact_lock(?) AS locked",
                        PostgresItemRepository.lockKey("timeline", draft.dfid()));
                long last = db.one("SELECT COALESCE(MAX(timeline_sequence), 0) AS last FROM storage_records "
                        + "WHERE dfid = ?", r -> PgRows.longValue(r, "last"), draft.dfid()).orElse(0L);
                StorageRecord r = draft.atSequence(last + 1);
                ex.insert("""
                        INSERT INTO storage_records (record_id, message_id, dfid, owner_id, circuit_id, triggered_by,
                            operation, adapter_type, cid, pinned, network, ledger_sequence, transaction_hash,
                            anchored_at, stored_at, timeline_sequence, is_primary)
                        VALUES (CAST(? AS uuid), CAST(? AS uuid), ?, ?, CAST(? AS uuid), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                                ?, ?)""",
                        r.recordId(), r.messageId(), r.dfid(), r.ownerId(), r.circuitId(), r.triggeredBy(),
                        r.operation(), r.adapterType(), r.cid().value(), r.pinned(), r.network(), r.ledgerSequence(),
                        r.transactionHash(), r.anchoredAt() == null ? null : PgRows.at(r.anchoredAt()),
                        PgRows.at(r.storedAt()), r.timelineSequence(), r.primary());
                return r;
            });
        } catch (RuntimeException e) {
            if (PostgresDatabase.sqlState(e).equals("23505")) {
                throw new ConflictException("ALREADY_RECORDED", "This upload is already recorded");
            }
            throw e;
        }
    }

    @Override
    public Optional<StorageRecord> findByMessage(UUID messageId) {
        return db.one(SELECT + " WHERE message_id = CAST(? AS uuid)", PostgresStorageHistoryRepository::record,
                messageId);
    }

    @Override
    public List<StorageRecord> history(String dfid, long afterSequence, int limit) {
        return history(dfid, HistoryScope.ALL, afterSequence, limit);
    }

    @Override
    public List<StorageRecord> history(String dfid, HistoryScope scope, long afterSequence, int limit) {
        if (scope.isEmpty()) {
            return List.of();
        }
        return db.list(SELECT + " WHERE dfid = ? AND timeline_sequence > ?" + WITHIN
                        + " ORDER BY timeline_sequence LIMIT ?", PostgresStorageHistoryRepository::record,
                dfid, afterSequence, circuits(scope), circuits(scope), limit);
    }

    @Override
    public long count(String dfid, HistoryScope scope) {
        if (scope.isEmpty()) {
            return 0;
        }
        return db.one("SELECT COUNT(*) AS n FROM storage_records WHERE dfid = ?" + WITHIN,
                r -> PgRows.longValue(r, "n"), dfid, circuits(scope), circuits(scope)).orElse(0L);
    }

    @Override
    public Optional<StorageRecord> find(String dfid, long sequence) {
        return db.one(SELECT + " WHERE dfid = ? AND timeline_sequence = ?", PostgresStorageHistoryRepository::record,
                dfid, sequence);
    }

    @Override
    public Optional<StorageRecord> latest(String dfid) {
        return latest(dfid, HistoryScope.ALL);
    }

    @Override
    public Optional<StorageRecord> latest(String dfid, HistoryScope scope) {
        if (scope.isEmpty()) {
            return Optional.empty();
        }
        return db.one(SELECT + " WHERE dfid = ?" + WITHIN + " ORDER BY timeline_sequence DESC LIMIT 1",
                PostgresStorageHistoryRepository::record, dfid, circuits(scope), circuits(scope));
    }

    @Override
    public Optional<StorageRecord> newestAt(String dfid, StorageLocation location) {
        boolean content = StorageLocation.IPFS.equals(location.kind());
        return db.one(SELECT + " WHERE dfid = ? AND " + (content ? "cid" : "transaction_hash") + " = ?"
                        + " ORDER BY timeline_sequence DESC LIMIT 1", PostgresStorageHistoryRepository::record, dfid,
                content ? location.cid() : location.transactionId());
    }

    @Override
    public Optional<StorageRecord> primary(String dfid) {
        // Served by the partial unique index storage_records_one_primary.
        return db.one(SELECT + " WHERE dfid = ? AND is_primary", PostgresStorageHistoryRepository::record, dfid);
    }

    @Override
    public void markPrimary(String dfid, UUID recordId) {
        db.atomically(ex -> {
            // The append's per-item lock: two marks at once would otherwise both unset, then collide on the
            // one-primary index.
            ex.get("SELECT pg_advisory_xact_lock(?) AS locked", PostgresItemRepository.lockKey("timeline", dfid));
            ex.update("UPDATE storage_records SET is_primary = false WHERE dfid = ? AND is_primary", dfid);
            return ex.update("UPDATE storage_records SET is_primary = true WHERE dfid = ? "
                    + "AND record_id = CAST(? AS uuid)", dfid, recordId);
        });
    }

    @Override
    public StorageStatistics statistics(String ownerId) {
        Map<String, Long> perAdapter = new LinkedHashMap<>();
        db.list("SELECT adapter_type, COUNT(*) AS n FROM storage_records WHERE owner_id = ? GROUP BY adapter_type "
                + "ORDER BY adapter_type", r -> perAdapter.put(PgRows.text(r, "adapter_type"),
                PgRows.longValue(r, "n")), ownerId);
        return db.one("""
                SELECT COUNT(DISTINCT dfid) AS items, COUNT(*) AS records,
                       COUNT(*) FILTER (WHERE operation = ?) AS migrations
                  FROM storage_records WHERE owner_id = ?""",
                r -> new StorageStatistics(PgRows.longValue(r, "items"), PgRows.longValue(r, "records"), perAdapter,
                        PgRows.longValue(r, "migrations")), StorageRecord.MIGRATION, ownerId).orElseThrow();
    }

    /** The circuit ids of {@link #WITHIN} as one text parameter (given twice); null for everything. */
    private static String circuits(HistoryScope scope) {
        return scope.everything() ? null : String.join(",", scope.circuits().stream().map(UUID::toString).toList());
    }

    private static StorageRecord record(PgRow r) {
        Object sequence = r.value("ledger_sequence");
        return new StorageRecord(PgRows.uuid(r, "record_id"), PgRows.uuid(r, "message_id"), PgRows.text(r, "dfid"),
                PgRows.text(r, "owner_id"), PgRows.uuid(r, "circuit_id"), PgRows.text(r, "triggered_by"),
                PgRows.text(r, "operation"), PgRows.text(r, "adapter_type"), new Cid(PgRows.text(r, "cid")),
                PgRows.bool(r, "pinned"), PgRows.text(r, "network"),
                sequence == null ? null : ((Number) sequence).longValue(), PgRows.text(r, "transaction_hash"),
                PgRows.instant(r, "anchored_at"), PgRows.instant(r, "stored_at"),
                PgRows.longValue(r, "timeline_sequence"), PgRows.bool(r, "is_primary"));
    }
}
