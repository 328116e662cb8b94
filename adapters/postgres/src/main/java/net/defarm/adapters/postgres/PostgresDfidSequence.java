package net.defarm.adapters.postgres;

import net.defarm.application.items.DfidSequence;

/** The DFID counter as a PostgreSQL sequence: unique across restarts and concurrent instances. */
public final class PostgresDfidSequence implements DfidSequence {

    private final PostgresDatabase db;

    public PostgresDfidSequence(PostgresDatabase db) {
        this.db = db;
    }

    @Override
    public long next() {
        return db.one("SELECT nextval('dfid_sequence') AS n", r -> PgRows.longValue(r, "n")).orElseThrow();
    }

    @Override
    public void advancePast(long used) {
        if (used < 1) {
            return;
        }
        // setval(..., true): the next value is one above; GREATEST keeps the sequence from ever going back.
        db.run(ex -> ex.get("SELECT setval('dfid_sequence', GREATEST(last_value, ?), true) AS n FROM dfid_sequence",
                used));
    }
}
