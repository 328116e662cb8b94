package net.defarm.bootstrap;

import io.helidon.config.Config;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import net.defarm.adapters.cache.CacheSettings;
import net.defarm.adapters.mail.SmtpSettings;
import net.defarm.application.delivery.DeliveryPolicy;
import net.defarm.application.identity.AccountPolicy;

/**
 * Every setting of the service, read once at start-up and validated (a bad value stops the start with a clear
 * message). Each has a key in {@code application.yaml}, which holds its default, and an environment variable that
 * overrides it ({@link SettingsSources}); the README lists them all.
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
        Duration shutdownGrace,
        DeliverySettings delivery, ApiKeySettings apiKeys, AccountSettings accounts,
        ContentStoreSettings contentStore, boolean creditsEnforce, boolean auditEnabled) {

    public ServiceSettings {
        accounts.checkLease(delivery.policy().lease());
    }

    /** Without charging credits for operations (the default of CREDITS_ENFORCE), the local content store. */
    public ServiceSettings(String host, int port, StorageMode storageMode, Database database, boolean migrateOnStart,
                           String jwtSecret, boolean jwtSecretGenerated, Duration tokenLifetime, int bcryptCost,
                           boolean logRequests, CacheSettings cache, Duration shutdownGrace,
                           DeliverySettings delivery, ApiKeySettings apiKeys, AccountSettings accounts) {
        this(host, port, storageMode, database, migrateOnStart, jwtSecret, jwtSecretGenerated, tokenLifetime,
                bcryptCost, logRequests, cache, shutdownGrace, delivery, apiKeys, accounts, ContentStoreSettings.DEFAULTS,
                false, true);
    }

    /** With the default account settings (mail to the log) and the default content store (local). */
    public ServiceSettings(String host, int port, StorageMode storageMode, Database database, boolean migrateOnStart,
                           String jwtSecret, boolean jwtSecretGenerated, Duration tokenLifetime, int bcryptCost,
                           boolean logRequests, CacheSettings cache, Duration shutdownGrace,
                           DeliverySettings delivery, ApiKeySettings apiKeys) {
        this(host, port, storageMode, database, migrateOnStart, jwtSecret, jwtSecretGenerated, tokenLifetime,
                bcryptCost, logRequests, cache, shutdownGrace, delivery, apiKeys, AccountSettings.DEFAULTS,
                ContentStoreSettings.DEFAULTS, false, true);
    }

    public ServiceSettings withAccounts(AccountSettings settings) {
        return new ServiceSettings(host, port, storageMode, database, migrateOnStart, jwtSecret, jwtSecretGenerated,
                tokenLifetime, bcryptCost, logRequests, cache, shutdownGrace, delivery, apiKeys, settings, contentStore,
                creditsEnforce, auditEnabled);
    }

    public ServiceSettings withContentStore(ContentStoreSettings settings) {
        return new ServiceSettings(host, port, storageMode, database, migrateOnStart, jwtSecret, jwtSecretGenerated,
                tokenLifetime, bcryptCost, logRequests, cache, shutdownGrace, delivery, apiKeys, accounts, settings,
                creditsEnforce, auditEnabled);
    }

    /** With the default API-key settings. */
    public ServiceSettings(String host, int port, StorageMode storageMode, Database database, boolean migrateOnStart,
                           String jwtSecret, boolean jwtSecretGenerated, Duration tokenLifetime, int bcryptCost,
                           boolean logRequests, CacheSettings cache, Duration shutdownGrace,
                           DeliverySettings delivery) {
        this(host, port, storageMode, database, migrateOnStart, jwtSecret, jwtSecretGenerated, tokenLifetime,
                bcryptCost, logRequests, cache, shutdownGrace, delivery, ApiKeySettings.DEFAULTS);
    }

    public ServiceSettings withApiKeys(ApiKeySettings settings) {
        return new ServiceSettings(host, port, storageMode, database, migrateOnStart, jwtSecret, jwtSecretGenerated,
                tokenLifetime, bcryptCost, logRequests, cache, shutdownGrace, delivery, settings, accounts,
                contentStore, creditsEnforce, auditEnabled);
    }

    /** {@code enforce}: priced operations are debited from their caller's credits (CREDITS_ENFORCE). */
    public ServiceSettings withCreditsEnforce(boolean enforce) {
        return new ServiceSettings(host, port, storageMode, database, migrateOnStart, jwtSecret, jwtSecretGenerated,
                tokenLifetime, bcryptCost, logRequests, cache, shutdownGrace, delivery, apiKeys, accounts, contentStore,
                enforce, auditEnabled);
    }

    /** {@code enabled}: the service records its own actions in the audit trail (AUDIT_ENABLED). */
    public ServiceSettings withAuditEnabled(boolean enabled) {
        return new ServiceSettings(host, port, storageMode, database, migrateOnStart, jwtSecret, jwtSecretGenerated,
                tokenLifetime, bcryptCost, logRequests, cache, shutdownGrace, delivery, apiKeys, accounts, contentStore,
                creditsEnforce, enabled);
    }

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

    /**
     * PostgreSQL connection settings (used outside memory mode, and by the migrate command). {@code transactionPooler}:
     * the URL goes through a transaction-pooling PgBouncer; {@code directUrl} then reaches PostgreSQL itself (LISTEN,
     * migrations), see docs/scaling.md.
     */
    public record Database(String url, String username, String password, int poolSize, Duration connectTimeout,
                           Duration statementTimeout, boolean transactionPooler, String directUrl) {

        /** Straight to PostgreSQL, no pooler. */
        public Database(String url, String username, String password, int poolSize, Duration connectTimeout,
                        Duration statementTimeout) {
            this(url, username, password, poolSize, connectTimeout, statementTimeout, false, null);
        }

        @Override
        public String toString() {
            return "Database[" + url + ", user=" + username + ", pool=" + poolSize
                    + (transactionPooler ? ", transaction pooler, direct " + directUrl : "") + "]";
        }
    }

    public static final int MIN_SECRET_BYTES = 32;

    public ServiceSettings withStorageMode(StorageMode mode) {
        return new ServiceSettings(host, port, mode, database, migrateOnStart, jwtSecret, jwtSecretGenerated,
                tokenLifetime, bcryptCost, logRequests, cache, shutdownGrace, delivery, apiKeys, accounts,
                contentStore, creditsEnforce, auditEnabled);
    }

    public ServiceSettings withDelivery(DeliverySettings settings) {
        return new ServiceSettings(host, port, storageMode, database, migrateOnStart, jwtSecret, jwtSecretGenerated,
                tokenLifetime, bcryptCost, logRequests, cache, shutdownGrace, settings, apiKeys, accounts,
                contentStore, creditsEnforce, auditEnabled);
    }

    public ServiceSettings withCache(CacheSettings settings) {
        return new ServiceSettings(host, port, storageMode, database, migrateOnStart, jwtSecret, jwtSecretGenerated,
                tokenLifetime, bcryptCost, logRequests, settings, shutdownGrace, delivery, apiKeys, accounts,
                contentStore, creditsEnforce, auditEnabled);
    }

    @Override
    public String toString() {
        return "ServiceSettings[host=" + host + ", port=" + port + ", storage=" + storageMode.key() + ", " + database
                + ", tokenLifetime=" + tokenLifetime + ", bcryptCost=" + bcryptCost + ", " + cache + ", " + delivery + ", "
                + accounts + ", " + contentStore + "]";
    }

    /** The settings from {@code application.yaml} with the environment variables over it. */
    public static ServiceSettings load(Map<String, String> env) {
        return load(SettingsSources.config(env));
    }

    /** The settings from a configuration that holds every key with a default (as {@code application.yaml} does). */
    public static ServiceSettings load(Config config) {
        Keys in = new Keys(config);
        StorageMode mode = StorageMode.parse(in.required("storage.mode"));
        String secret = in.optional("auth.jwt-secret").orElse(null);
        boolean generated = false;
        if (secret == null) {
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
                in.required("server.host"),
                in.integer("server.port"),
                mode,
                database,
                in.bool("storage.migrate-on-start"),
                secret,
                generated,
                Duration.ofHours(in.integer("auth.token-lifetime-hours")),
                in.integer("auth.bcrypt-cost"),
                in.bool("server.log-requests"),
                cache,
                Duration.ofSeconds(in.integer("server.shutdown-grace-seconds")),
                delivery(in, mode == StorageMode.MEMORY, secret),
                new ApiKeySettings(in.integer("api-keys.default-rate-limit-per-hour"),
                        Duration.ofMillis(in.integer("api-keys.usage-flush-interval-ms")),
                        ApiKeySettings.proxies(in.optional("server.trusted-proxies").orElse(""))),
                accounts(in),
                ContentStoreSettings.of(in.required("content-store.kind"), in.required("content-store.directory"),
                        in.required("content-store.ipfs.api-url"), in.integer("content-store.ipfs.connect-timeout-ms"),
                        in.integer("content-store.ipfs.request-timeout-ms")),
                in.bool("credits.enforce"),
                in.bool("audit.enabled"));
    }

    private static AccountSettings accounts(Keys in) {
        AccountPolicy policy;
        SmtpSettings smtp = null;
        AccountSettings.Transport transport = AccountSettings.transport(in.required("mail.transport"));
        try {
            policy = new AccountPolicy(in.integer("accounts.password-reset.rate-limit-per-hour"),
                    in.integer("accounts.password-reset.address-limit-per-hour"),
                    Duration.ofMinutes(in.integer("accounts.password-reset.token-ttl-minutes")),
                    in.required("accounts.frontend-url"), in.integer("accounts.login.max-failures-per-account"),
                    in.integer("accounts.login.max-attempts-per-address"),
                    Duration.ofMinutes(in.integer("accounts.login.window-minutes")),
                    in.integer("accounts.registration.max-per-address-per-hour"));
            if (transport == AccountSettings.Transport.SMTP) {
                smtp = new SmtpSettings(in.optional("mail.smtp.host").orElse(null), in.integer("mail.smtp.port"),
                        in.optional("mail.smtp.username").orElse(null), in.optional("mail.smtp.password").orElse(null),
                        SmtpSettings.Security.parse(in.required("mail.smtp.security")), in.required("mail.from"),
                        Duration.ofMillis(in.integer("mail.smtp.timeout-ms")));
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("account settings: " + e.getMessage(), e);
        }
        return new AccountSettings(policy, transport, smtp, in.bool("mail.log.reveal-links"),
                Duration.ofMillis(in.integer("auth.freshness-ms")));
    }

    private static DeliverySettings delivery(Keys in, boolean memoryMode, String jwtSecret) {
        String[] key = DeliverySettings.key(in.optional("delivery.secret-key").orElse(null), memoryMode, jwtSecret);
        DeliveryPolicy policy;
        try {
            policy = new DeliveryPolicy(in.integer("delivery.max-attempts"),
                    Duration.ofMillis(in.integer("delivery.initial-delay-ms")),
                    Duration.ofMillis(in.integer("delivery.max-delay-ms")),
                    in.decimal("delivery.backoff-multiplier"), in.decimal("delivery.jitter"),
                    Duration.ofSeconds(in.integer("delivery.lease-seconds")), in.integer("delivery.batch-size"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("delivery settings: " + e.getMessage(), e);
        }
        Set<String> hosts = new HashSet<>();
        for (String host : in.optional("delivery.allowed-hosts").orElse("").split(",")) {
            if (!host.isBlank()) {
                hosts.add(host.strip());
            }
        }
        return new DeliverySettings(key[0], key[1], in.bool("delivery.dispatcher.enabled"),
                Duration.ofMillis(in.integer("delivery.dispatcher.poll-interval-ms")), policy,
                Duration.ofMillis(in.integer("delivery.connect-timeout-ms")),
                Duration.ofMillis(in.integer("delivery.read-timeout-ms")), hosts);
    }

    private static CacheSettings cache(Keys in) {
        CacheSettings.Kind kind = CacheSettings.Kind.parse(in.required("cache.kind"));
        return new CacheSettings(kind,
                in.integer("cache.l1.max-entries"),
                Duration.ofSeconds(in.integer("cache.l1.ttl-seconds")),
                Duration.ofSeconds(in.integer("cache.negative-ttl-seconds")),
                CacheSettings.RedisEndpoint.parse(in.required("cache.redis.url")),
                in.required("cache.redis.key-prefix"),
                Duration.ofSeconds(in.integer("cache.redis.ttl-seconds")),
                in.decimal("cache.redis.ttl-jitter"),
                Duration.ofMillis(in.integer("cache.redis.connect-timeout-ms")),
                Duration.ofMillis(in.integer("cache.redis.read-timeout-ms")),
                in.integer("cache.redis.pool-max"),
                Duration.ofMillis(in.integer("cache.redis.pool-max-wait-ms")),
                Duration.ofMillis(in.integer("cache.redis.retry-interval-ms")),
                in.integer("cache.max-timeline-events"));
    }

    private static Database database(Keys in) {
        int pool = in.integer("db.pool-size");
        if (pool < 1) {
            throw new IllegalArgumentException("db.pool-size (DATABASE_POOL_SIZE) must be at least 1");
        }
        String pooler = in.required("db.pooler").toLowerCase(Locale.ROOT);
        if (!pooler.equals("none") && !pooler.equals("transaction")) {
            throw new IllegalArgumentException("db.pooler (DATABASE_POOLER) must be none or transaction (was '"
                    + pooler + "')");
        }
        String direct = in.optional("db.direct-url").orElse(null);
        if (pooler.equals("transaction") && direct == null) {
            throw new IllegalArgumentException("DATABASE_DIRECT_URL (db.direct-url) is required with "
                    + "DATABASE_POOLER=transaction: LISTEN and migrations need a session of their own on PostgreSQL");
        }
        return new Database(
                in.optional("db.url").orElse(null),
                in.optional("db.username").orElse(null),
                in.optional("db.password").orElse(null),
                pool,
                Duration.ofMillis(in.integer("db.connect-timeout-ms")),
                Duration.ofMillis(in.integer("db.statement-timeout-ms")),
                pooler.equals("transaction"), direct);
    }

    /** Typed reads of the merged configuration; a message names the key and the variable that sets it. */
    private record Keys(Config config) {

        Optional<String> optional(String key) {
            return config.get(key).asString().asOptional().map(String::strip).filter(s -> !s.isEmpty());
        }

        /** Keys with a default in application.yaml: missing means the file was changed, not the environment. */
        String required(String key) {
            return optional(key).orElseThrow(() -> new IllegalArgumentException(SettingsSources.describe(key)
                    + " has no value: " + SettingsSources.FILE + " should hold its default"));
        }

        int integer(String key) {
            return number(key, Integer::parseInt, "an integer");
        }

        double decimal(String key) {
            return number(key, Double::parseDouble, "a number");
        }

        private <T> T number(String key, Function<String, T> parse, String kind) {
            String v = required(key);
            try {
                return parse.apply(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(SettingsSources.describe(key) + " must be " + kind + ", was '" + v
                        + "'");
            }
        }

        boolean bool(String key) {
            return SettingsSources.bool(required(key), SettingsSources.describe(key));
        }
    }
}
