package net.defarm.adapters.postgres;

import java.time.Instant;
import net.defarm.application.shared.StoreHealth;

/** A real round trip ({@code SELECT 1}) through the pool; never a remembered flag. */
public final class PostgresStoreHealth implements StoreHealth {

    private static final System.Logger LOG = System.getLogger(PostgresStoreHealth.class.getName());

    private final PostgresDatabase db;

    public PostgresStoreHealth(PostgresDatabase db) {
        this.db = db;
    }

    @Override
    public long storedItems() {
        // Table statistics, kept current by autovacuum: one catalog lookup, never count(*) over the table.
        return db.one("""
                SELECT coalesce((SELECT greatest(n_live_tup, 0) FROM pg_stat_user_tables
                                  WHERE relid = to_regclass('items')), 0) AS n""", r -> PgRows.longValue(r, "n"))
                .orElse(0L);
    }

    @Override
    public Report check() {
        try {
            db.run(ex -> ex.get("SELECT 1 AS ok").orElseThrow());
            return new Report("connected", "PostgreSQL operational", Instant.now());
        } catch (RuntimeException e) {
            // The report is public (/health/db): hosts, users and driver messages go to the log, not to the caller.
            LOG.log(System.Logger.Level.WARNING, "PostgreSQL health check failed: " + e.getMessage());
            return new Report("failed", "PostgreSQL connection failed", Instant.now());
        }
    }
}
