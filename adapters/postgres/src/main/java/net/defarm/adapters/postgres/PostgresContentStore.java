package net.defarm.adapters.postgres;

import java.util.Optional;
import net.defarm.application.evidence.ContentIntegrityException;
import net.defarm.application.evidence.ContentStore;
import net.defarm.domain.evidence.Cid;

/** Blobs in the {@code content_blocks} table: one raw block per row, re-hashed on every read. */
public final class PostgresContentStore implements ContentStore {

    private final PostgresDatabase db;

    public PostgresContentStore(PostgresDatabase db) {
        this.db = db;
    }

    @Override
    public Cid put(byte[] bytes) {
        Cid.requireOneBlock(bytes);
        Cid cid = Cid.of(bytes);
        // Same CID, same bytes: a second put (from any instance) has nothing to add but the pin.
        db.run(ex -> ex.insert("""
                INSERT INTO content_blocks (cid, bytes, size, pinned) VALUES (?, ?, ?, true)
                ON CONFLICT (cid) DO UPDATE SET pinned = true""", cid.value(), bytes, bytes.length));
        return cid;
    }

    @Override
    public Optional<byte[]> get(Cid cid) {
        Optional<byte[]> stored = db.one("SELECT bytes FROM content_blocks WHERE cid = ?",
                row -> (byte[]) row.value("bytes"), cid.value());
        stored.ifPresent(bytes -> {
            if (!cid.matches(bytes)) {
                throw new ContentIntegrityException(cid, "PostgreSQL table content_blocks");
            }
        });
        return stored;
    }

    @Override
    public boolean has(Cid cid) {
        return db.one("SELECT 1 AS found FROM content_blocks WHERE cid = ?", row -> true, cid.value()).isPresent();
    }

    @Override
    public boolean pin(Cid cid) {
        return db.run(ex -> ex.update("UPDATE content_blocks SET pinned = true WHERE cid = ?", cid.value())) > 0;
    }

    @Override
    public String kind() {
        return "postgres";
    }
}
