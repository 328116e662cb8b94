package net.defarm.adapters.cache;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * How the cache tier in front of PostgreSQL is set up. Defaults follow common caching practice: a short in-process TTL (it is
 * only the safety net behind pub/sub invalidation), minutes in Redis with jitter, and Redis timeouts short enough
 * that an outage costs a request at most one of them.
 */
public record CacheSettings(
        Kind kind,
        long l1MaxEntries,
        Duration l1Ttl,
        Duration negativeTtl,
        String redisHost,
        int redisPort,
        String redisPassword,
        int redisDatabase,
        String keyPrefix,
        Duration redisTtl,
        double ttlJitter,
        Duration connectTimeout,
        Duration readTimeout,
        int poolMax,
        Duration poolMaxWait,
        Duration retryInterval,
        int maxTimelineEvents) {

    /** Which tiers sit in front of PostgreSQL. */
    public enum Kind {
        NONE("none"), LRU("lru"), REDIS("redis"), TWO_LEVEL("two-level");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        public boolean usesL1() {
            return this == LRU || this == TWO_LEVEL;
        }

        public boolean usesRedis() {
            return this == REDIS || this == TWO_LEVEL;
        }

        public static Kind parse(String value) {
            for (Kind k : values()) {
                if (k.key.equals(value.strip().toLowerCase(Locale.ROOT))) {
                    return k;
                }
            }
            throw new IllegalArgumentException("cache.kind must be one of: none, lru, redis, two-level (was '"
                    + value + "')");
        }
    }

    public CacheSettings {
        if (l1MaxEntries < 1) {
            throw new IllegalArgumentException("cache.l1.max-entries must be at least 1");
        }
        if (ttlJitter < 0 || ttlJitter >= 1) {
            throw new IllegalArgumentException("cache.redis.ttl-jitter must be in [0, 1)");
        }
        if (poolMax < 1) {
            throw new IllegalArgumentException("cache.redis.pool-max must be at least 1");
        }
        if (maxTimelineEvents < 0) {
            throw new IllegalArgumentException("cache.max-timeline-events must not be negative");
        }
        for (Duration d : new Duration[] {l1Ttl, negativeTtl, redisTtl, connectTimeout, readTimeout, poolMaxWait,
                retryInterval}) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("cache durations must be positive");
            }
        }
        if (keyPrefix == null || keyPrefix.isBlank() || keyPrefix.contains(" ")) {
            throw new IllegalArgumentException("cache.redis.key-prefix must be a non-blank word");
        }
    }

    /** The defaults, for {@code kind}, towards Redis on the local machine. */
    public static CacheSettings defaults(Kind kind) {
        return new CacheSettings(kind, 100_000, Duration.ofSeconds(10), Duration.ofSeconds(10), "127.0.0.1", 6379,
                null, 0, "defarm", Duration.ofMinutes(10), 0.1, Duration.ofMillis(200), Duration.ofMillis(200), 16,
                Duration.ofMillis(100), Duration.ofSeconds(1), 1000);
    }

    /** The same settings towards {@code redis://[:password@]host[:port][/database]}. */
    public CacheSettings withRedisUrl(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("REDIS_URL must look like redis://host:6379/0");
        }
        if (!"redis".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("REDIS_URL must look like redis://host:6379/0 (was '" + redact(url)
                    + "')");
        }
        String password = redisPassword;
        if (uri.getUserInfo() != null && !uri.getUserInfo().isEmpty()) {
            String info = uri.getUserInfo();
            password = info.contains(":") ? info.substring(info.indexOf(':') + 1) : info;
        }
        int database = redisDatabase;
        String path = uri.getPath();
        if (path != null && path.length() > 1) {
            try {
                database = Integer.parseInt(path.substring(1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the database in REDIS_URL must be a number");
            }
        }
        return new CacheSettings(kind, l1MaxEntries, l1Ttl, negativeTtl, uri.getHost(),
                uri.getPort() < 0 ? 6379 : uri.getPort(), password, database, keyPrefix, redisTtl, ttlJitter,
                connectTimeout, readTimeout, poolMax, poolMaxWait, retryInterval, maxTimelineEvents);
    }

    public CacheSettings withKind(Kind k) {
        return new CacheSettings(k, l1MaxEntries, l1Ttl, negativeTtl, redisHost, redisPort, redisPassword,
                redisDatabase, keyPrefix, redisTtl, ttlJitter, connectTimeout, readTimeout, poolMax, poolMaxWait,
                retryInterval, maxTimelineEvents);
    }

    public CacheSettings withRedis(String host, int port, String prefix) {
        return new CacheSettings(kind, l1MaxEntries, l1Ttl, negativeTtl, host, port, redisPassword, redisDatabase,
                prefix, redisTtl, ttlJitter, connectTimeout, readTimeout, poolMax, poolMaxWait, retryInterval,
                maxTimelineEvents);
    }

    private static String redact(String url) {
        return url.replaceAll("//[^@/]*@", "//***@");
    }

    @Override
    public String toString() {
        return "CacheSettings[kind=" + kind.key() + (kind.usesL1() ? ", l1=" + l1MaxEntries + " entries/" + l1Ttl
                : "") + (kind.usesRedis() ? ", redis=" + redisHost + ":" + redisPort + "/" + redisDatabase
                + (redisPassword == null ? "" : " (password set)") + ", prefix=" + keyPrefix + ", ttl=" + redisTtl
                : "") + "]";
    }
}
