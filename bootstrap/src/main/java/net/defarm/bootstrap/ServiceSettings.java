package net.defarm.bootstrap;

import io.helidon.config.Config;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import net.defarm.adapters.cache.CacheSettings;

/**
 * Every setting of the service, read once at start-up and validated (a bad value stops the start with a clear
 * message). Each has a key in {@code application.yaml} and an environment variable that overrides it; the
 * README lists them all.
 */
public record ServiceSettings(
        String host,
        int port,
        StorageMode storageMode,
        Database database,
        boolean migrateOnStart,
        String jwtSecret,
        boolean jwtSecretGenerated,
        Duration tokenLifetime,
        int bcryptCost,
        boolean logRequests,
        CacheSettings cache,
        Duration shutdownGrace) {

    /** Where the data lives (docs/storage-modes.md). */
    public enum StorageMode {
        MEMORY("memory"),
        POSTGRES("postgres"),
        WRITE_THROUGH("write-through");

        private final String key;

        StorageMode(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        static StorageMode parse(String value) {
            for (StorageMode m : values()) {
                if (m.key.equals(value.toLowerCase(Locale.ROOT))) {
                    return m;
                }
            }
            throw new IllegalArgumentException("storage.mode must be one of: memory, postgres, write-through (was '"
                    + value + "')");
        }
    }

    /** PostgreSQL connection settings (used outside memory mode, and by the migrate command). */
    public record Database(String url, String username, String password, int poolSize, Duration connectTimeout,
                           Duration statementTimeout) {
        @Override
        public String toString() {
            return "Database[" + url + ", user=" + username + ", pool=" + poolSize + "]";
        }
    }

    public static final int MIN_SECRET_BYTES = 32;

    public ServiceSettings withStorageMode(StorageMode mode) {
        return new ServiceSettings(host, port, mode, database, migrateOnStart, jwtSecret, jwtSecretGenerated,
                tokenLifetime, bcryptCost, logRequests, cache, shutdownGrace);
    }

    public ServiceSettings withCache(CacheSettings settings) {
        return new ServiceSettings(host, port, storageMode, database, migrateOnStart, jwtSecret, jwtSecretGenerated,
                tokenLifetime, bcryptCost, logRequests, settings, shutdownGrace);
    }

    @Override
    public String toString() {
        return "ServiceSettings[host=" + host + ", port=" + port + ", storage=" + storageMode.key() + ", " + database
                + ", tokenLifetime=" + tokenLifetime + ", bcryptCost=" + bcryptCost + ", " + cache + "]";
    }

    public static ServiceSettings load(Config config, Map<String, String> env) {
        Lookup in = new Lookup(config, env);
        StorageMode mode = storageMode(in);
        String secret = in.string("auth.jwt-secret", "JWT_SECRET").orElse(null);
        boolean generated = false;
        if (secret == null || secret.isBlank()) {
            if (mode != StorageMode.MEMORY) {
                throw new IllegalArgumentException("JWT_SECRET (auth.jwt-secret) is required outside memory mode");
            }
            byte[] random = new byte[MIN_SECRET_BYTES];
            new SecureRandom().nextBytes(random);
            secret = Base64.getEncoder().encodeToString(random);
            generated = true;
        }
        if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("JWT_SECRET must be at least " + MIN_SECRET_BYTES + " bytes");
        }
        Database database = database(in);
        if (mode != StorageMode.MEMORY && database.url() == null) {
            throw new IllegalArgumentException("DATABASE_URL (db.url) is required in storage mode " + mode.key());
        }
        CacheSettings cache = cache(in);
        if (mode != StorageMode.POSTGRES && cache.kind() != CacheSettings.Kind.NONE) {
            throw new IllegalArgumentException("CACHE_KIND (cache.kind) " + cache.kind().key()
                    + " needs storage mode postgres: in " + mode.key() + " mode memory is already the cache");
        }
        return new ServiceSettings(
                in.string("server.host", "HOST").orElse("0.0.0.0"),
                in.integer("server.port", "PORT").orElse(8080),
                mode,
                database,
                in.bool("storage.migrate-on-start", "STORAGE_MIGRATE_ON_START").orElse(false),
                secret,
                generated,
                Duration.ofHours(in.integer("auth.token-lifetime-hours", "TOKEN_LIFETIME_HOURS").orElse(24)),
                in.integer("auth.bcrypt-cost", "BCRYPT_COST").orElse(12),
                in.bool("server.log-requests", "LOG_REQUESTS").orElse(false),
                cache,
                in.seconds("server.shutdown-grace-seconds", "SHUTDOWN_GRACE_SECONDS").orElse(Duration.ofSeconds(10)));
    }

    private static CacheSettings cache(Lookup in) {
        CacheSettings.Kind kind = in.string("cache.kind", "CACHE_KIND").map(CacheSettings.Kind::parse)
                .orElse(CacheSettings.Kind.NONE);
        CacheSettings d = CacheSettings.defaults(kind);
        CacheSettings settings = new CacheSettings(kind,
                in.integer("cache.l1.max-entries", "CACHE_L1_MAX_ENTRIES").map(Integer::longValue)
                        .orElse(d.l1MaxEntries()),
                in.seconds("cache.l1.ttl-seconds", "CACHE_L1_TTL_SECONDS").orElse(d.l1Ttl()),
                in.seconds("cache.negative-ttl-seconds", "CACHE_NEGATIVE_TTL_SECONDS").orElse(d.negativeTtl()),
                d.redisHost(), d.redisPort(), d.redisPassword(), d.redisDatabase(),
                in.string("cache.redis.key-prefix", "CACHE_REDIS_KEY_PREFIX").orElse(d.keyPrefix()),
                in.seconds("cache.redis.ttl-seconds", "CACHE_REDIS_TTL_SECONDS").orElse(d.redisTtl()),
                in.decimal("cache.redis.ttl-jitter", "CACHE_REDIS_TTL_JITTER").orElse(d.ttlJitter()),
                in.millis("cache.redis.connect-timeout-ms", "CACHE_REDIS_CONNECT_TIMEOUT_MS")
                        .orElse(d.connectTimeout()),
                in.millis("cache.redis.read-timeout-ms", "CACHE_REDIS_READ_TIMEOUT_MS").orElse(d.readTimeout()),
                in.integer("cache.redis.pool-max", "CACHE_REDIS_POOL_MAX").orElse(d.poolMax()),
                in.millis("cache.redis.pool-max-wait-ms", "CACHE_REDIS_POOL_MAX_WAIT_MS").orElse(d.poolMaxWait()),
                in.millis("cache.redis.retry-interval-ms", "CACHE_REDIS_RETRY_INTERVAL_MS")
                        .orElse(d.retryInterval()),
                in.integer("cache.max-timeline-events", "CACHE_MAX_TIMELINE_EVENTS").orElse(d.maxTimelineEvents()));
        Optional<String> url = in.string("cache.redis.url", "REDIS_URL");
        return url.isPresent() ? settings.withRedisUrl(url.get()) : settings;
    }

    private static Database database(Lookup in) {
        int pool = in.integer("db.pool-size", "DATABASE_POOL_SIZE").orElse(10);
        if (pool < 1) {
            throw new IllegalArgumentException("db.pool-size (DATABASE_POOL_SIZE) must be at least 1");
        }
        return new Database(
                in.string("db.url", "DATABASE_URL").orElse(null),
                in.string("db.username", "DATABASE_USER").orElse(null),
                in.string("db.password", "DATABASE_PASSWORD").orElse(null),
                pool,
                Duration.ofMillis(in.integer("db.connect-timeout-ms", "DATABASE_CONNECT_TIMEOUT_MS").orElse(2000)),
                Duration.ofMillis(in.integer("db.statement-timeout-ms", "DATABASE_STATEMENT_TIMEOUT_MS")
                        .orElse(5000)));
    }

    /**
     * {@code STORAGE_MODE}, else the design note's {@code USE_POSTGRES_STORAGE} alias (true chose PostgreSQL as the
     * primary store), else the same two keys in the configuration file. Environment variables win over the file
     * as everywhere else, so the alias works although the file names a mode.
     */
    private static StorageMode storageMode(Lookup in) {
        Optional<String> mode = Optional.ofNullable(in.env().get("STORAGE_MODE")).filter(v -> !v.isBlank());
        if (mode.isPresent()) {
            return StorageMode.parse(mode.get().strip());
        }
        if (Optional.ofNullable(in.env().get("USE_POSTGRES_STORAGE")).filter(v -> !v.isBlank()).isPresent()) {
            return in.bool("storage.use-postgres", "USE_POSTGRES_STORAGE").orElseThrow()
                    ? StorageMode.POSTGRES : StorageMode.MEMORY;
        }
        Optional<String> configured = in.string("storage.mode", "STORAGE_MODE");
        if (configured.isPresent()) {
            return StorageMode.parse(configured.get());
        }
        return in.bool("storage.use-postgres", "USE_POSTGRES_STORAGE").orElse(false)
                ? StorageMode.POSTGRES : StorageMode.MEMORY;
    }

    /** Environment variable first, then the configuration key. */
    private record Lookup(Config config, Map<String, String> env) {

        Optional<String> string(String key, String envName) {
            String fromEnv = env.get(envName);
            if (fromEnv != null && !fromEnv.isBlank()) {
                return Optional.of(fromEnv.strip());
            }
            return config.get(key).asString().asOptional().filter(s -> !s.isBlank());
        }

        Optional<Integer> integer(String key, String envName) {
            return string(key, envName).map(v -> {
                try {
                    return Integer.parseInt(v);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(key + " (" + envName + ") must be an integer, was '" + v + "'");
                }
            });
        }

        Optional<Duration> seconds(String key, String envName) {
            return integer(key, envName).map(Duration::ofSeconds);
        }

        Optional<Duration> millis(String key, String envName) {
            return integer(key, envName).map(Duration::ofMillis);
        }

        Optional<Double> decimal(String key, String envName) {
            return string(key, envName).map(v -> {
                try {
                    return Double.parseDouble(v);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(key + " (" + envName + ") must be a number, was '" + v + "'");
                }
            });
        }

        Optional<Boolean> bool(String key, String envName) {
            return string(key, envName).map(v -> switch (v.toLowerCase(Locale.ROOT)) {
                case "true", "1", "yes", "on" -> true;
                case "false", "0", "no", "off" -> false;
                default -> throw new IllegalArgumentException(key + " (" + envName + ") must be true or false");
            });
        }
    }
}
