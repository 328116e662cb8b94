package net.defarm.adapters.postgres;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.defarm.application.items.ItemShareRepository;
import net.defarm.domain.items.ItemShare;
import net.defarm.domain.shared.ConflictException;

/** Item shares in PostgreSQL: one row per (item, recipient), looked up by that pair on every shared read. */
public final class PostgresItemShareRepository implements ItemShareRepository {

    private static final String SELECT = """
            SELECT share_id, dfid, shared_by, recipient_id, CAST(permissions AS text) AS permissions, shared_at
              FROM item_shares""";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final PostgresDatabase db;

    public PostgresItemShareRepository(PostgresDatabase db) {
        this.db = db;
    }

    @Override
    public void insert(ItemShare s) {
        try {
            db.run(ex -> ex.insert("""
                    INSERT INTO item_shares (share_id, dfid, shared_by, recipient_id, permissions, shared_at)
                    VALUES (?, ?, ?, ?, CAST(? AS jsonb), ?)""",
                    s.shareId(), s.dfid(), s.sharedBy(), s.recipientId(),
                    s.permissions() == null ? null : PgRows.json(s.permissions()), PgRows.at(s.sharedAt())));
        } catch (RuntimeException e) {
            if (PostgresDatabase.sqlState(e).equals("23505")) {
                throw new ConflictException("ALREADY_SHARED", "The item is already shared with this user");
            }
            throw e;
        }
    }

    @Override
    public Optional<ItemShare> findById(String shareId) {
        return db.one(SELECT + " WHERE share_id = ?", PostgresItemShareRepository::share, shareId);
    }

    @Override
    public Optional<ItemShare> find(String dfid, String recipientId) {
        return db.one(SELECT + " WHERE dfid = ? AND recipient_id = ?", PostgresItemShareRepository::share, dfid,
                recipientId);
    }

    @Override
    public List<ItemShare> findForRecipient(String recipientId, Instant afterAt, String afterId, int limit) {
        if (afterAt == null || afterId == null) {
            return db.list(SELECT + " WHERE recipient_id = ? ORDER BY shared_at, share_id LIMIT ?",
                    PostgresItemShareRepository::share, recipientId, limit);
        }
        return db.list(SELECT + " WHERE recipient_id = ? AND (shared_at, share_id) > (?, ?)"
                + " ORDER BY shared_at, share_id LIMIT ?", PostgresItemShareRepository::share, recipientId,
                PgRows.at(afterAt), afterId, limit);
    }

    @Override
    public boolean delete(String shareId) {
        return db.run(ex -> ex.delete("DELETE FROM item_shares WHERE share_id = ?", shareId)) > 0;
    }

    private static ItemShare share(PgRow r) {
        String permissions = PgRows.text(r, "permissions");
        return new ItemShare(PgRows.text(r, "share_id"), PgRows.text(r, "dfid"), PgRows.text(r, "shared_by"),
                PgRows.text(r, "recipient_id"), permissions == null ? null : PgRows.read(permissions, STRINGS),
                PgRows.instant(r, "shared_at"));
    }
}
