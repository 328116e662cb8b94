package net.defarm.bootstrap;

import static java.util.Map.entry;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.config.spi.ConfigSource;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where the settings come from: {@code application.yaml} holds every default, and the documented environment
 * variables override it through a config source of their own that maps each variable to its key. Nothing else
 * reads the environment, so the README's configuration table, this mapping and the file are the whole story (a
 * test checks that they agree).
 */
final class SettingsSources {

    static final String FILE = "application.yaml";

    /** Each environment variable the service reads, and the configuration key it overrides. */
    static final Map<String, String> VARIABLES = Map.ofEntries(
            entry("HOST", "server.host"),
            entry("PORT", "server.port"),
            entry("LOG_REQUESTS", "server.log-requests"),
            entry("SHUTDOWN_GRACE_SECONDS", "server.shutdown-grace-seconds"),
            entry("TRUSTED_PROXIES", "server.trusted-proxies"),
            entry("API_KEY_DEFAULT_RATE_LIMIT_PER_HOUR", "api-keys.default-rate-limit-per-hour"),
            entry("API_KEY_USAGE_FLUSH_INTERVAL_MS", "api-keys.usage-flush-interval-ms"),
            entry("CREDITS_ENFORCE", "credits.enforce"),
            entry("AUDIT_ENABLED", "audit.enabled"),
            entry("STORAGE_MODE", "storage.mode"),
            entry("STORAGE_MIGRATE_ON_START", "storage.migrate-on-start"),
            entry("DATABASE_URL", "db.url"),
            entry("DATABASE_USER", "db.username"),
            entry("DATABASE_PASSWORD", "db.password"),
            entry("DATABASE_POOL_SIZE", "db.pool-size"),
            entry("DATABASE_CONNECT_TIMEOUT_MS", "db.connect-timeout-ms"),
            entry("DATABASE_STATEMENT_TIMEOUT_MS", "db.statement-timeout-ms"),
            entry("DATABASE_POOLER", "db.pooler"),
            entry("DATABASE_DIRECT_URL", "db.direct-url"),
            entry("JWT_SECRET", "auth.jwt-secret"),
            entry("TOKEN_LIFETIME_HOURS", "auth.token-lifetime-hours"),
            entry("BCRYPT_COST", "auth.bcrypt-cost"),
            entry("AUTH_FRESHNESS_MS", "auth.freshness-ms"),
            entry("CACHE_KIND", "cache.kind"),
            entry("CACHE_L1_MAX_ENTRIES", "cache.l1.max-entries"),
            entry("CACHE_L1_TTL_SECONDS", "cache.l1.ttl-seconds"),
            entry("CACHE_NEGATIVE_TTL_SECONDS", "cache.negative-ttl-seconds"),
            entry("CACHE_MAX_TIMELINE_EVENTS", "cache.max-timeline-events"),
            entry("REDIS_URL", "cache.redis.url"),
            entry("CACHE_REDIS_KEY_PREFIX", "cache.redis.key-prefix"),
            entry("CACHE_REDIS_TTL_SECONDS", "cache.redis.ttl-seconds"),
            entry("CACHE_REDIS_TTL_JITTER", "cache.redis.ttl-jitter"),
            entry("CACHE_REDIS_CONNECT_TIMEOUT_MS", "cache.redis.connect-timeout-ms"),
            entry("CACHE_REDIS_READ_TIMEOUT_MS", "cache.redis.read-timeout-ms"),
            entry("CACHE_REDIS_POOL_MAX", "cache.redis.pool-max"),
            entry("CACHE_REDIS_POOL_MAX_WAIT_MS", "cache.redis.pool-max-wait-ms"),
            entry("CACHE_REDIS_RETRY_INTERVAL_MS", "cache.redis.retry-interval-ms"),
            entry("WEBHOOK_SECRET_KEY", "delivery.secret-key"),
            entry("WEBHOOK_ALLOWED_HOSTS", "delivery.allowed-hosts"),
            entry("WEBHOOK_CONNECT_TIMEOUT_MS", "delivery.connect-timeout-ms"),
            entry("WEBHOOK_READ_TIMEOUT_MS", "delivery.read-timeout-ms"),
            entry("DELIVERY_DISPATCHER_ENABLED", "delivery.dispatcher.enabled"),
            entry("DELIVERY_POLL_INTERVAL_MS", "delivery.dispatcher.poll-interval-ms"),
            entry("DELIVERY_BATCH_SIZE", "delivery.batch-size"),
            entry("DELIVERY_LEASE_SECONDS", "delivery.lease-seconds"),
            entry("DELIVERY_MAX_ATTEMPTS", "delivery.max-attempts"),
            entry("DELIVERY_INITIAL_DELAY_MS", "delivery.initial-delay-ms"),
            entry("DELIVERY_MAX_DELAY_MS", "delivery.max-delay-ms"),
            entry("DELIVERY_BACKOFF_MULTIPLIER", "delivery.backoff-multiplier"),
            entry("DELIVERY_JITTER", "delivery.jitter"),
            entry("FRONTEND_URL", "accounts.frontend-url"),
            entry("PASSWORD_RESET_RATE_LIMIT_PER_HOUR", "accounts.password-reset.rate-limit-per-hour"),
            entry("PASSWORD_RESET_ADDRESS_LIMIT_PER_HOUR", "accounts.password-reset.address-limit-per-hour"),
            entry("PASSWORD_RESET_TOKEN_TTL_MINUTES", "accounts.password-reset.token-ttl-minutes"),
            entry("LOGIN_MAX_FAILURES_PER_ACCOUNT", "accounts.login.max-failures-per-account"),
            entry("LOGIN_MAX_ATTEMPTS_PER_ADDRESS", "accounts.login.max-attempts-per-address"),
            entry("REGISTER_MAX_PER_ADDRESS_PER_HOUR", "accounts.registration.max-per-address-per-hour"),
            entry("LOGIN_THROTTLE_WINDOW_MINUTES", "accounts.login.window-minutes"),
            entry("MAIL_TRANSPORT", "mail.transport"),
            entry("MAIL_FROM", "mail.from"),
            entry("MAIL_LOG_REVEAL_LINKS", "mail.log.reveal-links"),
            entry("MAIL_SMTP_HOST", "mail.smtp.host"),
            entry("MAIL_SMTP_PORT", "mail.smtp.port"),
            entry("MAIL_SMTP_USERNAME", "mail.smtp.username"),
            entry("MAIL_SMTP_PASSWORD", "mail.smtp.password"),
            entry("MAIL_SMTP_SECURITY", "mail.smtp.security"),
            entry("MAIL_SMTP_TIMEOUT_MS", "mail.smtp.timeout-ms"),
            entry("CONTENT_STORE", "content-store.kind"),
            entry("CONTENT_STORE_DIR", "content-store.directory"),
            entry("IPFS_API_URL", "content-store.ipfs.api-url"),
            entry("IPFS_CONNECT_TIMEOUT_MS", "content-store.ipfs.connect-timeout-ms"),
            entry("IPFS_REQUEST_TIMEOUT_MS", "content-store.ipfs.request-timeout-ms"));

    /** The design note's flag: selects {@code storage.mode} when {@code STORAGE_MODE} is not set. */
    static final String STORAGE_ALIAS = "USE_POSTGRES_STORAGE";

    private SettingsSources() {
    }

    /** The environment over the file: the first source wins. */
    static Config config(Map<String, String> env) {
        return Config.just(environment(env), ConfigSources.classpath(FILE));
    }

    /** The documented variables that are set (blank counts as unset), under their configuration keys. */
    static ConfigSource environment(Map<String, String> env) {
        Map<String, String> values = new HashMap<>();
        VARIABLES.forEach((variable, key) -> set(env, variable).ifPresent(v -> values.put(key, v)));
        if (!values.containsKey("storage.mode")) {
            set(env, STORAGE_ALIAS).ifPresent(v -> values.put("storage.mode",
                    bool(v, STORAGE_ALIAS) ? ServiceSettings.StorageMode.POSTGRES.key()
                            : ServiceSettings.StorageMode.MEMORY.key()));
        }
        return ConfigSources.create(values).name("environment variables").build();
    }

    private static Optional<String> set(Map<String, String> env, String variable) {
        return Optional.ofNullable(env.get(variable)).map(String::strip).filter(v -> !v.isEmpty());
    }

    /** A key as messages name it: with the variable that overrides it, so either can be fixed. */
    static String describe(String key) {
        return VARIABLES.entrySet().stream().filter(e -> e.getValue().equals(key)).findFirst()
                .map(e -> key + " (" + e.getKey() + ")").orElse(key);
    }

    static boolean bool(String value, String what) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new IllegalArgumentException(what + " must be true or false (was '" + value + "')");
        };
    }
}
