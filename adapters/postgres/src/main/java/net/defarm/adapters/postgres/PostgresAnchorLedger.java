package net.defarm.adapters.postgres;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.defarm.application.evidence.AnchorLedger;
import net.defarm.domain.evidence.Cid;
import net.defarm.domain.evidence.LedgerEntry;
import net.defarm.domain.evidence.LedgerHead;

/**
 * The anchoring log in {@code ledger_entries}. An append takes a transaction-scoped advisory lock per network, reads
 * the head and inserts after it, all in one transaction (the caller's when there is one): appends from any number of
 * instances queue on the lock, and the primary key (network, sequence) refuses a fork even if the lock were
 * bypassed. A trigger refuses updates and deletes.
 */
public final class PostgresAnchorLedger implements AnchorLedger {

    private static final String SELECT = """
            SELECT network, sequence, anchored_cid, dfid, circuit_id, recorded_at, previous_hash, entry_hash
              FROM ledger_entries""";

    private final PostgresDatabase db;

    public PostgresAnchorLedger(PostgresDatabase db) {
        this.db = db;
    }

    @Override
    public LedgerEntry append(Anchor anchor, Instant at) {
        return db.atomically(ex -> {
            ex.get("SELECT pg_advisory_xact_lock(?) AS locked",
                    PostgresItemRepository.lockKey("ledger", anchor.network()));
            LedgerHead head = db.one("SELECT sequence, entry_hash FROM ledger_entries WHERE network = ? "
                            + "ORDER BY sequence DESC LIMIT 1", r -> new LedgerHead(anchor.network(),
                            PgRows.longValue(r, "sequence"), PgRows.text(r, "entry_hash")), anchor.network())
                    .orElse(null);
            LedgerEntry e = LedgerEntry.next(head, anchor.network(), anchor.cid(), anchor.dfid(), anchor.circuitId(),
                    at);
            ex.insert("""
                    INSERT INTO ledger_entries (network, sequence, anchored_cid, dfid, circuit_id, recorded_at,
                                                previous_hash, entry_hash)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", e.network(), e.sequence(), e.anchoredCid().value(), e.dfid(),
                    e.circuitId(), PgRows.at(e.recordedAt()), e.previousHash(), e.entryHash());
            return e;
        });
    }

    @Override
    public Optional<LedgerHead> head(String network) {
        return db.one("SELECT sequence, entry_hash FROM ledger_entries WHERE network = ? ORDER BY sequence DESC "
                        + "LIMIT 1", r -> new LedgerHead(network, PgRows.longValue(r, "sequence"),
                        PgRows.text(r, "entry_hash")), network);
    }

    @Override
    public Optional<LedgerEntry> find(String network, long sequence) {
        return db.one(SELECT + " WHERE network = ? AND sequence = ?", PostgresAnchorLedger::entry, network, sequence);
    }

    @Override
    public List<LedgerEntry> entries(String network, long afterSequence, int limit) {
        return db.list(SELECT + " WHERE network = ? AND sequence > ? ORDER BY sequence LIMIT ?",
                PostgresAnchorLedger::entry, network, afterSequence, limit);
    }

    private static LedgerEntry entry(PgRow r) {
        // The stored CID is taken as written (not re-parsed), so a altered value shows up as a hash mismatch.
        return new LedgerEntry(PgRows.text(r, "network"), PgRows.longValue(r, "sequence"),
                new Cid(PgRows.text(r, "anchored_cid")), PgRows.text(r, "dfid"), PgRows.text(r, "circuit_id"),
                PgRows.instant(r, "recorded_at"), PgRows.text(r, "previous_hash"), PgRows.text(r, "entry_hash"));
    }
}
