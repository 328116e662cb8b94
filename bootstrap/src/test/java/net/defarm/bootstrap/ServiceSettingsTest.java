package net.defarm.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.time.Duration;
import java.util.Map;
import net.defarm.adapters.cache.CacheSettings;
import org.junit.jupiter.api.Test;

/** Settings come from application.yaml, environment variables override them, and bad values stop the start. */
class ServiceSettingsTest {

    private static final Config FILE = Config.just(ConfigSources.classpath("application.yaml"));
    private static final String SECRET = "0123456789abcdef0123456789abcdef";

    private static ServiceSettings load(Map<String, String> env) {
        return ServiceSettings.load(FILE, env);
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
        assertEquals("cache.internal", c.redisHost());
        assertEquals(6380, c.redisPort());
        assertEquals(2, c.redisDatabase());
        assertEquals("s3cret", c.redisPassword());
        assertEquals(Duration.ofSeconds(5), c.l1Ttl());
        assertEquals(0.2, c.ttlJitter());
        assertEquals(Duration.ofMillis(150), c.readTimeout());
        assertFalse(s.toString().contains("s3cret"), "the Redis password is never printed: " + s);
        assertFalse(s.toString().contains(SECRET), "nor the JWT secret");
    }

    @Test
    void theDesignNotesFlagIsAnAliasForPostgres() {
        ServiceSettings s = load(Map.of("USE_POSTGRES_STORAGE", "true", "DATABASE_URL", "jdbc:postgresql://db/x",
                "JWT_SECRET", SECRET));
        assertEquals(ServiceSettings.StorageMode.POSTGRES, s.storageMode());
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
