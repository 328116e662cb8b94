package net.defarm.adapters.postgres;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.defarm.application.evidence.IdentifierMatch;
import net.defarm.application.evidence.ReceiptRepository;
import net.defarm.domain.evidence.Cid;
import net.defarm.domain.evidence.Receipt;

/**
 * Receipts in PostgreSQL: listed per owner on the index (owner, time, id); identifier searches use jsonb containment
 * on the GIN index of the identifiers.
 */
public final class PostgresReceiptRepository implements ReceiptRepository {

    private static final String SELECT = """
            SELECT receipt_id, owner_id, hash, received_at, data_size, CAST(identifiers AS text) AS identifiers, cid
              FROM receipts""";

    private final PostgresDatabase db;

    public PostgresReceiptRepository(PostgresDatabase db) {
        this.db = db;
    }

    @Override
    public void insert(Receipt r) {
        db.run(ex -> ex.insert("""
                INSERT INTO receipts (receipt_id, owner_id, hash, received_at, data_size, identifiers, cid)
                VALUES (CAST(? AS uuid), ?, ?, ?, ?, CAST(? AS jsonb), ?)""",
                r.id(), r.ownerId(), r.hash(), PgRows.at(r.timestamp()), r.dataSize(),
                PgRows.identifiersJson(r.identifiers()), r.cid() == null ? null : r.cid().value()));
    }

    @Override
    public Optional<Receipt> findById(UUID id) {
        return db.one(SELECT + " WHERE receipt_id = CAST(? AS uuid)", PostgresReceiptRepository::receipt, id);
    }

    @Override
    public List<Receipt> find(String ownerId, IdentifierMatch match, ReceiptKey after, int limit) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE owner_id = ?");
        List<Object> params = new ArrayList<>(List.of(ownerId));
        Map<String, String> fields = new LinkedHashMap<>();
        if (match.namespace() != null) {
            fields.put("namespace", match.namespace());
        }
        if (match.key() != null) {
            fields.put("key", match.key());
        }
        if (match.value() != null) {
            fields.put("value", match.value());
        }
        if (!fields.isEmpty()) {
            // [{...}] is contained in the array when one identifier object holds every given field.
            sql.append(" AND identifiers @> CAST(? AS jsonb)");
            params.add(PgRows.json(List.of(fields)));
        }
        if (after != null) {
            sql.append(" AND (received_at, receipt_id) > (?, CAST(? AS uuid))");
            params.add(PgRows.at(after.timestamp()));
            params.add(after.id());
        }
        sql.append(" ORDER BY received_at, receipt_id LIMIT ?");
        params.add(limit);
        return db.list(sql.toString(), PostgresReceiptRepository::receipt, params.toArray());
    }

    private static Receipt receipt(PgRow r) {
        String cid = PgRows.text(r, "cid");
        return new Receipt(PgRows.uuid(r, "receipt_id"), PgRows.text(r, "owner_id"), PgRows.text(r, "hash"),
                PgRows.instant(r, "received_at"), PgRows.longValue(r, "data_size"),
                PgRows.identifiersFromJson(PgRows.text(r, "identifiers")), cid == null ? null : new Cid(cid));
    }
}
