package net.defarm.bootstrap;

import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import net.defarm.adapters.cache.CacheSettings;
import net.defarm.adapters.cache.CacheTier;
import net.defarm.adapters.memory.InMemoryStorage;
import net.defarm.adapters.postgres.PostgresDatabase;
import net.defarm.adapters.postgres.PostgresMigrations;
import net.defarm.adapters.postgres.PostgresSettings;
import net.defarm.adapters.postgres.PostgresStorage;
import net.defarm.adapters.writethrough.WriteThroughStorage;
import net.defarm.application.storage.StoragePorts;

/**
 * The system of record the settings chose, opened: its ports, how to tell whether it is ready to serve, how to
 * close it, and what it offers to metrics (the cache tier, the connection pool, the statements sent). Opening never reads the data in
 * the postgres mode (no bulk load), so start-up does not grow with the data; the write-through mode loads
 * everything into memory on purpose, as the architecture it stands for did.
 */
record OpenedStorage(StoragePorts ports, Supplier<Readiness> readiness, AutoCloseable closer, CacheTier cache,
                     Supplier<PostgresDatabase.PoolStats> pool, LongSupplier statements) {

    /** Whether requests can be served, with the facts behind the answer. */
    record Readiness(boolean ready, Map<String, Object> details) {
    }

    private static final System.Logger LOG = System.getLogger(OpenedStorage.class.getName());

    static OpenedStorage open(ServiceSettings settings) {
        return switch (settings.storageMode()) {
            case MEMORY -> new OpenedStorage(InMemoryStorage.create(),
                    () -> new Readiness(true, Map.of("store", "memory")), () -> { }, null, null, null);
            case POSTGRES -> openPostgres(settings);
            case WRITE_THROUGH -> openWriteThrough(settings);
        };
    }

    static PostgresSettings postgresSettings(ServiceSettings.Database db) {
        return PostgresSettings.of(db.url(), db.username(), db.password(), db.poolSize(), db.connectTimeout(),
                db.statementTimeout()).behindPooler(db.transactionPooler(), db.directUrl());
    }

    private static PostgresStorage postgres(ServiceSettings settings) {
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
        return PostgresStorage.open(pg);
    }

    private static OpenedStorage openPostgres(ServiceSettings settings) {
        PostgresStorage storage = postgres(settings);
        if (settings.cache().kind() == CacheSettings.Kind.NONE) {
            return new OpenedStorage(storage.ports(), () -> postgresReadiness(storage), storage, null, storage::pool,
                    storage::statementCount);
        }
        CacheTier cache = CacheTier.open(settings.cache(), storage.ports());
        LOG.log(System.Logger.Level.INFO, "cache tier: " + settings.cache());
        return new OpenedStorage(cache.ports(), () -> withCache(postgresReadiness(storage), cache), () -> {
            cache.close();
            storage.close();
        }, cache, storage::pool, storage::statementCount);
    }

    /** Memory as the primary, PostgreSQL behind it: everything is loaded at start (progress in the log). */
    private static OpenedStorage openWriteThrough(ServiceSettings settings) {
        PostgresStorage storage = postgres(settings);
        try {
            InMemoryStorage.Opened memory = InMemoryStorage.open();
            WriteThroughStorage store = WriteThroughStorage.open(memory.ports(), memory.restore(), storage.ports());
            return new OpenedStorage(store.ports(), () -> {
                Readiness db = postgresReadiness(storage);
                Map<String, Object> details = new java.util.LinkedHashMap<>(db.details());
                details.put("store", "write-through");
                details.put("loaded_records", store.loaded().records());
                return new Readiness(db.ready(), details);
            }, storage, null, storage::pool,
                    storage::statementCount);
        } catch (RuntimeException e) {
            storage.close();
            throw new IllegalStateException("write-through: the data could not be loaded from PostgreSQL ("
                    + e.getMessage() + "); start in postgres mode, or fix the database and start again", e);
        }
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
