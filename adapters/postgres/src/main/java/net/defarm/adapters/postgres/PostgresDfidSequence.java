package net.defarm.adapters.postgres;

import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import net.defarm.application.items.DfidSequence;

/**
 * The DFID counter as a PostgreSQL sequence: unique across restarts and concurrent instances. Values are taken
 * from the sequence {@value #BLOCK} at a time and handed out smallest first, so a create costs no round trip for its
 * number (one in {@value #BLOCK} pays for the block). Numbers a block held when the instance stopped are never
 * issued: gaps, which the port allows, never repeats (the sequence itself never goes back).
 */
public final class PostgresDfidSequence implements DfidSequence {

    /** Numbers fetched per round trip: small, so a restart or a second instance leaves short gaps. */
    static final int BLOCK = 32;

    private static final String TAKE_BLOCK = "SELECT nextval('dfid_sequence') AS n FROM generate_series(1, " + BLOCK
            + ")";

    private final PostgresDatabase db;
    /** Fetched, not yet issued. Concurrent refills may both land here: each value is still issued once. */
    private final ConcurrentSkipListSet<Long> fetched = new ConcurrentSkipListSet<>();
    /** Values at or below it are never issued (advancePast after an import), even from a block fetched earlier. */
    private final AtomicLong floor = new AtomicLong();

    public PostgresDfidSequence(PostgresDatabase db) {
        this.db = db;
    }

    @Override
    public long next() {
        while (true) {
            Long value = fetched.pollFirst();
            if (value == null) {
                // No lock held while fetching: a thread waiting for a pool connection never blocks another's refill.
                fetched.addAll(db.list(TAKE_BLOCK, r -> PgRows.longValue(r, "n")));
            } else if (value > floor.get()) {
                return value;
            }
        }
    }

    @Override
    public void advancePast(long used) {
        if (used < 1) {
            return;
        }
        floor.accumulateAndGet(used, Math::max);
        fetched.headSet(used, true).clear();
        // setval(..., true): the next value is one above; GREATEST keeps the sequence from ever going back.
        db.run(ex -> ex.get("SELECT setval('dfid_sequence', GREATEST(last_value, ?), true) AS n FROM dfid_sequence",
                used));
    }
}
