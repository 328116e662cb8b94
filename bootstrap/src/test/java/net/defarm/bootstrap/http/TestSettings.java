package net.defarm.bootstrap.http;

import java.time.Duration;
import net.defarm.bootstrap.ServiceSettings;

/** Settings for services started by tests: a free port, a fixed secret and a cheap bcrypt cost. */
public final class TestSettings {

    public static final String SECRET = "test-secret-that-is-at-least-32-bytes-long";

    private TestSettings() {
    }

    public static ServiceSettings memory() {
        return new ServiceSettings("127.0.0.1", 0, ServiceSettings.StorageMode.MEMORY, SECRET, false,
                Duration.ofHours(24), 4, false);
    }
}
