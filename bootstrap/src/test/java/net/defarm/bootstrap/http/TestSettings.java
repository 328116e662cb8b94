package net.defarm.bootstrap.http;

import net.defarm.adapters.postgres.TestDatabase;
import java.time.Duration;
import net.defarm.adapters.cache.CacheSettings;
import net.defarm.application.identity.AccountPolicy;
import net.defarm.bootstrap.AccountSettings;
import net.defarm.bootstrap.DeliverySettings;
import net.defarm.bootstrap.ServiceSettings;

/**
 * Settings for services started by tests: a free port, a fixed secret, a cheap bcrypt cost, and a sign-up limit per
 * address that suites registering many users from 127.0.0.1 do not reach (its own test sets a small one).
 */
public final class TestSettings {

    public static final String SECRET = "test-secret-that-is-at-least-32-bytes-long";
    public static final String WEBHOOK_KEY = "test-webhook-key-that-is-at-least-32-chars";
    /** Short: services in tests stop often, and idle keep-alive connections hold a stop for this long. */
    static final Duration SHUTDOWN_GRACE = Duration.ofMillis(500);
    public static final int REDIS_PORT = Integer.parseInt(System.getenv().getOrDefault("TEST_REDIS_PORT", "6379"));

    static final AccountSettings ACCOUNTS = new AccountSettings(
            AccountPolicy.defaults().withRegistrationsPerAddressPerHour(100_000), AccountSettings.Transport.LOG, null,
            false);

    private TestSettings() {
    }

    public static ServiceSettings memory() {
        return new ServiceSettings("127.0.0.1", 0, ServiceSettings.StorageMode.MEMORY, database(null), false, SECRET,
                false, Duration.ofHours(24), 4, false, CacheSettings.defaults(CacheSettings.Kind.NONE),
                SHUTDOWN_GRACE, DeliverySettings.defaults(WEBHOOK_KEY)).withAccounts(ACCOUNTS);
    }

    /** Postgres mode against a JDBC URL (a test schema), without migrating at start. */
    public static ServiceSettings postgres(String jdbcUrl, String user, String password) {
        return new ServiceSettings("127.0.0.1", 0, ServiceSettings.StorageMode.POSTGRES,
                new ServiceSettings.Database(jdbcUrl, user, password, 8, Duration.ofSeconds(1), Duration.ofSeconds(10)),
                false, SECRET, false, Duration.ofHours(24), 4, false,
                CacheSettings.defaults(CacheSettings.Kind.NONE), SHUTDOWN_GRACE, DeliverySettings.defaults(WEBHOOK_KEY))
                .withAccounts(ACCOUNTS);
    }

    /** Postgres mode on a test database, as its owner. */
    public static ServiceSettings postgres(TestDatabase database) {
        return postgres(database.jdbcUrl(), TestDatabase.USER, TestDatabase.PASSWORD);
    }

    /** Postgres mode behind a cache of the given kind, towards Redis at {@code redisPort} under {@code prefix}. */
    public static ServiceSettings cached(String jdbcUrl, String user, String password, CacheSettings.Kind kind,
                                         int redisPort, String prefix) {
        return postgres(jdbcUrl, user, password).withCache(CacheSettings.defaults(kind)
                .withRedis("127.0.0.1", redisPort, prefix));
    }

    static ServiceSettings.Database database(String url) {
        return new ServiceSettings.Database(url, null, null, 8, Duration.ofSeconds(1), Duration.ofSeconds(10));
    }
}
