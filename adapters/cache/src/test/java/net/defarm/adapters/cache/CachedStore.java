package net.defarm.adapters.cache;

import java.time.Duration;
import java.util.UUID;
import net.defarm.adapters.postgres.PostgresStorage;
import net.defarm.adapters.postgres.PostgresStoreTests;
import net.defarm.adapters.postgres.TestDatabase;
import net.defarm.application.storage.StoragePorts;
import net.defarm.application.testing.ClassStore;

/**
 * PostgreSQL behind a cache tier of one kind, for tests. Every fresh store gets empty tables and a new cache (its
 * own Redis key prefix), so no test sees another's entries.
 */
final class CachedStore implements ClassStore {

    static final String REDIS_HOST = System.getenv().getOrDefault("TEST_REDIS_HOST", "127.0.0.1");
    static final int REDIS_PORT = Integer.parseInt(System.getenv().getOrDefault("TEST_REDIS_PORT", "6379"));

    private final CacheSettings.Kind kind;
    private final PostgresStoreTests postgres = new PostgresStoreTests();
    private CacheTier tier;

    CachedStore(CacheSettings.Kind kind) {
        this.kind = kind;
    }

    @Override
    public CachedStore open() {
        postgres.open();
        return this;
    }

    StoragePorts fresh() {
        postgres.fresh();
        if (tier != null) {
            tier.close();
        }
        tier = tier(settings(kind, "test-" + UUID.randomUUID()), LoadHook.NONE);
        return tier.ports();
    }

    /** Another tier (another "instance") over the same database, with the given settings. */
    CacheTier tier(CacheSettings settings, LoadHook hook) {
        CacheTier t = CacheTier.open(settings, postgres.storage().ports(), hook);
        if (settings.kind().usesRedis()) {
            awaitHealthy(t);
        }
        return t;
    }

    CacheTier current() {
        return tier;
    }

    PostgresStorage storage() {
        return postgres.storage();
    }

    TestDatabase database() {
        return postgres.database();
    }

    /** Test settings: short TTLs so abandoned keys leave Redis quickly. */
    static CacheSettings settings(CacheSettings.Kind kind, String prefix) {
        CacheSettings d = CacheSettings.defaults(kind).withRedis(REDIS_HOST, REDIS_PORT, prefix);
        return new CacheSettings(kind, 10_000, Duration.ofSeconds(30), Duration.ofSeconds(5), d.redis(),
                prefix, Duration.ofSeconds(60), 0.1, Duration.ofMillis(200),
                Duration.ofMillis(200), 8, Duration.ofMillis(200), Duration.ofMillis(200), 1000);
    }

    static void awaitHealthy(CacheTier t) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!t.redisHealthy()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Redis is not reachable at " + REDIS_HOST + ":" + REDIS_PORT
                        + ". Start it: redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save \"\" "
                        + "--appendonly no");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() {
        if (tier != null) {
            tier.close();
        }
        postgres.close();
    }
}
