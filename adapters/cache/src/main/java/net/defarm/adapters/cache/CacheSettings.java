package net.defarm.adapters.cache;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.util.JedisURIHelper;

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
        RedisEndpoint redis,
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
        if (redis == null) {
            throw new IllegalArgumentException("cache.redis.url is required");
        }
        if (keyPrefix == null || keyPrefix.isBlank() || keyPrefix.contains(" ")) {
            throw new IllegalArgumentException("cache.redis.key-prefix must be a non-blank word");
        }
    }

    /**
     * Where Redis is: {@code redis://} or {@code rediss://} (TLS), an optional ACL user and password, and the database
     * number, as Jedis reads them from a URL. The password never appears in {@link #toString()}.
     */
    public record RedisEndpoint(String host, int port, String user, String password, int database, boolean ssl) {

        public RedisEndpoint {
            if (host == null || host.isBlank() || port < 1 || port > 65535 || database < 0) {
                throw new IllegalArgumentException("a Redis endpoint needs a host, a port in 1..65535 and a database"
                        + " number of at least 0");
            }
        }

        /** A server without credentials, database 0. */
        public static RedisEndpoint plain(String host, int port) {
            return new RedisEndpoint(host, port, null, null, 0, false);
        }

        /** {@code redis[s]://[[user]:password@]host[:port][/database]}; a bad URL is named without its password. */
        public static RedisEndpoint parse(String url) {
            String expected = "REDIS_URL must look like redis://[[user]:password@]host[:port][/database] (rediss:// "
                    + "for TLS), was '" + redact(url) + "'";
            URI uri;
            try {
                uri = new URI(url.strip());
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException(expected);
            }
            if (!(JedisURIHelper.isRedisScheme(uri) || JedisURIHelper.isRedisSSLScheme(uri)) || uri.getHost() == null) {
                throw new IllegalArgumentException(expected);
            }
            try {
                HostAndPort address = JedisURIHelper.getHostAndPort(uri);
                return new RedisEndpoint(address.getHost(),
                        address.getPort() < 0 ? Protocol.DEFAULT_PORT : address.getPort(),
                        JedisURIHelper.getUser(uri), JedisURIHelper.getPassword(uri),
                        JedisURIHelper.hasDbIndex(uri) ? JedisURIHelper.getDBIndex(uri) : Protocol.DEFAULT_DATABASE,
                        JedisURIHelper.isRedisSSLScheme(uri));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the database in REDIS_URL must be a number (" + expected + ")");
            } catch (IllegalArgumentException e) {
                // Jedis refuses a user without a password, for instance.
                throw new IllegalArgumentException(e.getMessage() + " (" + expected + ")");
            }
        }

        @Override
        public String toString() {
            return (ssl ? "rediss://" : "redis://") + (user == null ? "" : user + "@") + host + ":" + port + "/"
                    + database + (password == null ? "" : " (password set)");
        }
    }

    /** The defaults, for {@code kind}, towards Redis on the local machine. */
    public static CacheSettings defaults(Kind kind) {
        return new CacheSettings(kind, 100_000, Duration.ofSeconds(10), Duration.ofSeconds(10),
                RedisEndpoint.plain("127.0.0.1", Protocol.DEFAULT_PORT), "defarm", Duration.ofMinutes(10), 0.1,
                Duration.ofMillis(200), Duration.ofMillis(200), 16, Duration.ofMillis(100), Duration.ofSeconds(1),
                1000);
    }

    /** The same settings towards {@code redis[s]://[[user]:password@]host[:port][/database]}. */
    public CacheSettings withRedisUrl(String url) {
        return withRedis(RedisEndpoint.parse(url), keyPrefix);
    }

    public CacheSettings withKind(Kind k) {
        return new CacheSettings(k, l1MaxEntries, l1Ttl, negativeTtl, redis, keyPrefix, redisTtl, ttlJitter,
                connectTimeout, readTimeout, poolMax, poolMaxWait, retryInterval, maxTimelineEvents);
    }

    /** The same settings towards a Redis without credentials, keys under {@code prefix}. */
    public CacheSettings withRedis(String host, int port, String prefix) {
        return withRedis(RedisEndpoint.plain(host, port), prefix);
    }

    public CacheSettings withRedis(RedisEndpoint endpoint, String prefix) {
        return new CacheSettings(kind, l1MaxEntries, l1Ttl, negativeTtl, endpoint, prefix, redisTtl, ttlJitter,
                connectTimeout, readTimeout, poolMax, poolMaxWait, retryInterval, maxTimelineEvents);
    }

    private static String redact(String url) {
        return url.replaceAll("//[^@/]*@", "//***@");
    }

    @Override
    public String toString() {
        return "CacheSettings[kind=" + kind.key() + (kind.usesL1() ? ", l1=" + l1MaxEntries + " entries/" + l1Ttl
                : "") + (kind.usesRedis() ? ", redis=" + redis + ", prefix=" + keyPrefix + ", ttl=" + redisTtl
                : "") + "]";
    }
}
