package net.defarm.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The API-key settings: defaults from application.yaml, environment variables over them, bad values refused. */
class ApiKeySettingsTest {

    @Test
    void defaultsAndOverrides() {
        assertEquals(ApiKeySettings.DEFAULTS, ServiceSettings.load(Map.of()).apiKeys());
        ApiKeySettings s = ServiceSettings.load(Map.of("TRUSTED_PROXIES", " 10.0.0.1, 10.0.0.2 ,",
                "API_KEY_DEFAULT_RATE_LIMIT_PER_HOUR", "500", "API_KEY_USAGE_FLUSH_INTERVAL_MS", "250")).apiKeys();
        assertEquals(new ApiKeySettings(500, Duration.ofMillis(250), List.of("10.0.0.1", "10.0.0.2")), s);
    }

    @Test
    void badValuesStopTheStart() {
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> ServiceSettings.load(Map.of("API_KEY_DEFAULT_RATE_LIMIT_PER_HOUR", "-1")));
        assertTrue(negative.getMessage().contains("API_KEY_DEFAULT_RATE_LIMIT_PER_HOUR"), negative.getMessage());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> ServiceSettings.load(Map.of("API_KEY_USAGE_FLUSH_INTERVAL_MS", "0")));
        assertTrue(zero.getMessage().contains("API_KEY_USAGE_FLUSH_INTERVAL_MS"), zero.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ServiceSettings.load(Map.of("API_KEY_USAGE_FLUSH_INTERVAL_MS", "soon")));
    }
}
