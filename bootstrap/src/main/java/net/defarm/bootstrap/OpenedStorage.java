package net.defarm.bootstrap;

import java.util.Map;
import java.util.function.Supplier;
import net.defarm.adapters.cache.CacheSettings;
import net.defarm.adapters.cache.CacheTier;
import net.defarm.adapters.memory.InMemoryStorage;
import net.defarm.adapters.postgres.PostgresMigrations;
import net.defarm.adapters.postgres.PostgresSettings;
import net.defarm.adapters.postgres.PostgresStorage;
import net.defarm.application.storage.StoragePorts;

/**
 * The system of record the settings chose, opened: its ports, how to tell whether it is ready to serve, and how
 * to close it. Opening never reads the data (no bulk load), so start-up does not grow with the data.
 */
record OpenedStorage(StoragePorts ports, Supplier<Readiness> readiness, AutoCloseable closer, CacheTier cache) {

    /** Whether requests can be served, with the facts behind the answer. */
    record Readiness(boolean ready, Map<String, Object> details) {
    }

    private static final System.Logger LOG = System.getLogger(OpenedStorage.class.getName());

    static OpenedStorage open(ServiceSettings settings) {
        return switch (settings.storageMode()) {
            case MEMORY -> new OpenedStorage(InMemoryStorage.create(),
                    () -> new Readiness(true, Map.of("store", "memory")), () -> { }, null);
            case POSTGRES -> openPostgres(settings);
        };
    }

    static PostgresSettings postgresSettings(ServiceSettings.Database db) {
        return PostgresSettings.of(db.url(), db.username(), db.password(), db.poolSize(), db.connectTimeout(),
                db.statementTimeout());
    }

    private static OpenedStorage openPostgres(ServiceSettings settings) {
        PostgresSettings pg = postgresSettings(settings.database());
        if (settings.migrateOnStart()) {
            try {
                var result = PostgresMigrations.migrate(pg);
                LOG.log(System.Logger.Level.INFO, "migrations: " + result.migrationsExecuted + " applied, schema at "
                        + result.targetSchemaVersion);
            } catch (RuntimeException e) {
                // Start anyway: readiness stays down until the schema is current (migrate again, or restart).
                LOG.log(System.Logger.Level.ERROR, "migrations could not run at start: " + e.getMessage());
            }
        }
        PostgresStorage storage = PostgresStorage.open(pg);
        if (settings.cache().kind() == CacheSettings.Kind.NONE) {
            return new OpenedStorage(storage.ports(), () -> postgresReadiness(storage), storage, null);
        }
        CacheTier cache = CacheTier.open(settings.cache(), storage.ports());
        LOG.log(System.Logger.Level.INFO, "cache tier: " + settings.cache());
        return new OpenedStorage(cache.ports(), () -> withCache(postgresReadiness(storage), cache), () -> {
            cache.close();
            storage.close();
        }, cache);
    }

    /** Redis is optional: its state is reported, never a reason to be unready (requests fall back to PostgreSQL). */
    private static Readiness withCache(Readiness store, CacheTier cache) {
        Map<String, Object> details = new java.util.LinkedHashMap<>(store.details());
        CacheTier.Status status = cache.status();
        details.put("cache", status.kind());
        details.put("cache.redis", status.redis());
        return new Readiness(store.ready(), details);
    }

    /** Ready when a real round trip succeeds and the schema is the one this build needs. */
    private static Readiness postgresReadiness(PostgresStorage storage) {
        var health = storage.ports().health().check();
        if (!health.connected()) {
            return new Readiness(false, Map.of("store", "postgres", "database", health.state(),
                    "message", health.message()));
        }
        try {
            PostgresStorage.SchemaStatus schema = storage.schemaStatus();
            return new Readiness(schema.current(), Map.of("store", "postgres", "database", health.state(),
                    "schema", schema.describe()));
        } catch (RuntimeException e) {
            return new Readiness(false, Map.of("store", "postgres", "database", "failed", "message",
                    e.getMessage()));
        }
    }
}
