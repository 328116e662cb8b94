package net.defarm.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import net.defarm.adapters.cache.CacheSettings;
import org.junit.jupiter.api.Test;

/** Settings come from application.yaml, environment variables override them, and bad values stop the start. */
class ServiceSettingsTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";

    private static ServiceSettings load(Map<String, String> env) {
        return ServiceSettings.load(env);
    }

    @Test
    void theDefaultsRunInMemoryWithoutACache() {
        ServiceSettings s = load(Map.of());
        assertEquals(ServiceSettings.StorageMode.MEMORY, s.storageMode());
        assertEquals(8080, s.port());
        assertEquals(CacheSettings.Kind.NONE, s.cache().kind());
        assertTrue(s.jwtSecretGenerated());
    }

    @Test
    void environmentVariablesChooseTheCacheAndRedis() {
        ServiceSettings s = load(Map.of("STORAGE_MODE", "postgres", "DATABASE_URL", "jdbc:postgresql://db/x",
                "JWT_SECRET", SECRET, "CACHE_KIND", "two-level", "REDIS_URL", "redis://:s3cret@cache.internal:6380/2",
                "CACHE_L1_TTL_SECONDS", "5", "CACHE_REDIS_TTL_JITTER", "0.2", "CACHE_REDIS_READ_TIMEOUT_MS", "150"));
        CacheSettings c = s.cache();
        assertEquals(CacheSettings.Kind.TWO_LEVEL, c.kind());
        assertEquals(new CacheSettings.RedisEndpoint("cache.internal", 6380, null, "s3cret", 2, false), c.redis());
        assertEquals(Duration.ofSeconds(5), c.l1Ttl());
        assertEquals(0.2, c.ttlJitter());
        assertEquals(Duration.ofMillis(150), c.readTimeout());
        assertFalse(s.toString().contains("s3cret"), "the Redis password is never printed: " + s);
        assertFalse(s.toString().contains(SECRET), "nor the JWT secret");
    }

    @Test
    void theFileHoldsEveryDefault() {
        ServiceSettings s = load(Map.of());
        assertEquals("0.0.0.0", s.host());
        assertEquals(Duration.ofHours(24), s.tokenLifetime());
        assertEquals(12, s.bcryptCost());
        assertEquals(Duration.ofSeconds(10), s.shutdownGrace());
        assertEquals(10, s.database().poolSize());
        assertEquals(Duration.ofMillis(5000), s.database().statementTimeout());
        assertEquals(new CacheSettings.RedisEndpoint("127.0.0.1", 6379, null, null, 0, false), s.cache().redis());
        assertEquals(CacheSettings.defaults(CacheSettings.Kind.NONE), s.cache(),
                "the cache adapter's own defaults agree with the file");
    }

    @Test
    void blankVariablesAndUndocumentedOnesChangeNothing() {
        ServiceSettings s = load(Map.of("PORT", "  ", "SERVER_PORT", "9999", "server.port", "9998", "CACHE_KIND", ""));
        assertEquals(8080, s.port());
        assertEquals(CacheSettings.Kind.NONE, s.cache().kind());
    }

    @Test
    void redisUrlsAreReadByJedisWithTlsAndAnAclUser() {
        ServiceSettings s = load(Map.of("STORAGE_MODE", "postgres", "DATABASE_URL", "jdbc:postgresql://db/x",
                "JWT_SECRET", SECRET, "CACHE_KIND", "redis", "REDIS_URL", "rediss://app:p%40ss@cache.internal:6390/3"));
        assertEquals(new CacheSettings.RedisEndpoint("cache.internal", 6390, "app", "p@ss", 3, true),
                s.cache().redis());
        assertFalse(s.toString().contains("p@ss"), "the password is never printed: " + s);
        assertEquals(new CacheSettings.RedisEndpoint("cache.internal", 6379, null, null, 0, false),
                load(Map.of("REDIS_URL", "redis://cache.internal")).cache().redis(), "port and database default");
        String noPassword = assertThrows(IllegalArgumentException.class,
                () -> load(Map.of("REDIS_URL", "redis://app@cache.internal:6379/0"))).getMessage();
        assertTrue(noPassword.contains("REDIS_URL"), noPassword);
        String badDatabase = assertThrows(IllegalArgumentException.class,
                () -> load(Map.of("REDIS_URL", "redis://:hunter2@cache.internal:6379/zero"))).getMessage();
        assertTrue(badDatabase.contains("database"), badDatabase);
        assertFalse(badDatabase.contains("hunter2"), "a bad URL is named without its password: " + badDatabase);
    }

    @Test
    void theDesignNotesFlagIsAnAliasForPostgres() {
        ServiceSettings s = load(Map.of("USE_POSTGRES_STORAGE", "true", "DATABASE_URL", "jdbc:postgresql://db/x",
                "JWT_SECRET", SECRET));
        assertEquals(ServiceSettings.StorageMode.POSTGRES, s.storageMode());
        assertEquals(ServiceSettings.StorageMode.MEMORY, load(Map.of("USE_POSTGRES_STORAGE", "false")).storageMode());
        assertEquals(ServiceSettings.StorageMode.MEMORY, load(Map.of("STORAGE_MODE", "memory",
                "USE_POSTGRES_STORAGE", "true")).storageMode(), "STORAGE_MODE wins over the alias");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> load(Map.of("USE_POSTGRES_STORAGE", "maybe")))
                .getMessage().contains("USE_POSTGRES_STORAGE must be true or false"));
    }

    @Test
    void behindATransactionPoolerSessionsGoStraightToPostgres() {
        ServiceSettings s = load(Map.of("STORAGE_MODE", "postgres", "JWT_SECRET", SECRET,
                "DATABASE_URL", "postgres://app:pw@pooler:6432/defarm", "DATABASE_POOLER", "transaction",
                "DATABASE_DIRECT_URL", "postgres://db.internal:5432/defarm?sslmode=require"));
        var pg = OpenedStorage.postgresSettings(s.database());
        assertTrue(pg.transactionPooling());
        assertEquals("jdbc:postgresql://pooler:6432/defarm", pg.jdbcUrl());
        assertEquals("jdbc:postgresql://db.internal:5432/defarm?sslmode=require", pg.sessionUrl());
        assertEquals("app", pg.username(), "one user both ways");
        assertFalse(load(Map.of()).database().transactionPooler(), "no pooler by default");
        var direct = OpenedStorage.postgresSettings(new ServiceSettings.Database("jdbc:postgresql://db/x", null, null,
                2, Duration.ofSeconds(1), Duration.ofSeconds(1)));
        assertFalse(direct.transactionPooling());
        assertEquals(direct.jdbcUrl(), direct.sessionUrl());
        assertEquals("DATABASE_DIRECT_URL (db.direct-url) is required with DATABASE_POOLER=transaction: LISTEN and "
                        + "migrations need a session of their own on PostgreSQL",
                assertThrows(IllegalArgumentException.class, () -> load(Map.of("STORAGE_MODE", "postgres",
                        "JWT_SECRET", SECRET, "DATABASE_URL", "jdbc:postgresql://pooler:6432/x",
                        "DATABASE_POOLER", "transaction"))).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> load(Map.of("DATABASE_POOLER", "session")))
                .getMessage().contains("none or transaction"));
    }

    @Test
    void badValuesStopTheStartWithAClearMessage() {
        assertEquals("CACHE_KIND (cache.kind) lru needs storage mode postgres: in memory mode memory is already the cache",
                assertThrows(IllegalArgumentException.class, () -> load(Map.of("CACHE_KIND", "lru"))).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> load(Map.of("CACHE_KIND", "memcached")))
                .getMessage().contains("none, lru, redis, two-level"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> load(Map.of("STORAGE_MODE", "postgres",
                "DATABASE_URL", "jdbc:postgresql://db/x", "JWT_SECRET", SECRET, "CACHE_KIND", "redis",
                "REDIS_URL", "http://cache:6379"))).getMessage().contains("redis://"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> load(Map.of("STORAGE_MODE", "postgres",
                "DATABASE_URL", "jdbc:postgresql://db/x", "JWT_SECRET", SECRET, "CACHE_REDIS_TTL_JITTER", "2")))
                .getMessage().contains("ttl-jitter"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> load(Map.of("PORT", "eighty")))
                .getMessage().contains("PORT"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> load(Map.of("STORAGE_MODE", "postgres",
                "JWT_SECRET", SECRET))).getMessage().contains("DATABASE_URL"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> load(Map.of("JWT_SECRET", "short")))
                .getMessage().contains("at least 32 bytes"));
    }
}
