package net.defarm.bootstrap;

import io.helidon.config.Config;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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
        boolean logRequests) {

    /** Where the data lives (DECISIONS.md §3). */
    public enum StorageMode {
        MEMORY("memory"),
        POSTGRES("postgres");

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
            throw new IllegalArgumentException("storage.mode must be one of: memory, postgres (was '" + value + "')");
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

    @Override
    public String toString() {
        return "ServiceSettings[host=" + host + ", port=" + port + ", storage=" + storageMode.key() + ", " + database
                + ", tokenLifetime=" + tokenLifetime + ", bcryptCost=" + bcryptCost + "]";
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
                in.bool("server.log-requests", "LOG_REQUESTS").orElse(false));
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

    private static StorageMode storageMode(Lookup in) {
        Optional<String> explicit = in.string("storage.mode", "STORAGE_MODE");
        if (explicit.isPresent()) {
            return StorageMode.parse(explicit.get());
        }
        // The design note's flag, kept as an alias: true chose PostgreSQL as the primary store.
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

        Optional<Boolean> bool(String key, String envName) {
            return string(key, envName).map(v -> switch (v.toLowerCase(Locale.ROOT)) {
                case "true", "1", "yes", "on" -> true;
                case "false", "0", "no", "off" -> false;
                default -> throw new IllegalArgumentException(key + " (" + envName + ") must be true or false");
            });
        }
    }
}
