package net.defarm.bootstrap.http;

import java.time.Duration;
import net.defarm.bootstrap.ServiceSettings;

/** Settings for services started by tests: a free port, a fixed secret and a cheap bcrypt cost. */
public final class TestSettings {

    public static final String SECRET = "test-secret-that-is-at-least-32-bytes-long";

    private TestSettings() {
    }

    public static ServiceSettings memory() {
        return new ServiceSettings("127.0.0.1", 0, ServiceSettings.StorageMode.MEMORY, database(null), false, SECRET,
                false, Duration.ofHours(24), 4, false);
    }

    /** Postgres mode against a JDBC URL (a test schema), without migrating at start. */
    public static ServiceSettings postgres(String jdbcUrl, String user, String password) {
        return new ServiceSettings("127.0.0.1", 0, ServiceSettings.StorageMode.POSTGRES,
                new ServiceSettings.Database(jdbcUrl, user, password, 8, Duration.ofSeconds(1), Duration.ofSeconds(10)),
                false, SECRET, false, Duration.ofHours(24), 4, false);
    }

    static ServiceSettings.Database database(String url) {
        return new ServiceSettings.Database(url, null, null, 8, Duration.ofSeconds(1), Duration.ofSeconds(10));
    }
}
