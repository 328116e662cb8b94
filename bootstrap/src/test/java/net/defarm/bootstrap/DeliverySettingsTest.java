package net.defarm.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeliverySettingsTest {

    private static final String JWT = "test-secret-that-is-at-least-32-bytes-long";

    private static ServiceSettings load(Map<String, String> env) {
        return ServiceSettings.load(env);
    }

    @Test
    void defaultsComeFromTheFileAndVariablesOverrideThem() {
        DeliverySettings d = load(Map.of()).delivery();
        assertEquals("generated", d.keySource());
        assertTrue(d.dispatcherEnabled());
        assertEquals(Duration.ofSeconds(1), d.pollInterval());
        assertEquals(4, d.policy().maxAttempts());
        assertEquals(Set.of(), d.allowedHosts());
        assertNotEquals(d.secretKey(), load(Map.of()).delivery().secretKey(), "a new key per process");

        Map<String, String> env = new HashMap<>();
        env.put("WEBHOOK_ALLOWED_HOSTS", " 127.0.0.1, receiver.local ,");
        env.put("DELIVERY_MAX_ATTEMPTS", "6");
        env.put("DELIVERY_DISPATCHER_ENABLED", "false");
        env.put("WEBHOOK_SECRET_KEY", "k".repeat(40));
        DeliverySettings custom = load(env).delivery();
        assertEquals(Set.of("127.0.0.1", "receiver.local"), custom.allowedHosts());
        assertEquals(6, custom.policy().maxAttempts());
        assertEquals(false, custom.dispatcherEnabled());
        assertEquals("configured", custom.keySource());
        assertEquals("k".repeat(40), custom.secretKey());
    }

    @Test
    void outsideMemoryModeAnUnsetKeyIsDerivedFromTheJwtSecret() {
        Map<String, String> env = Map.of("STORAGE_MODE", "postgres", "DATABASE_URL",
                "jdbc:postgresql://127.0.0.1:5432/x", "JWT_SECRET", JWT);
        DeliverySettings d = load(env).delivery();
        assertEquals("derived", d.keySource());
        assertEquals(d.secretKey(), load(env).delivery().secretKey(), "stable across restarts");
    }

    @Test
    void badValuesStopTheStartWithTheirVariable() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> load(Map.of("WEBHOOK_SECRET_KEY", "short")))
                .getMessage().contains("WEBHOOK_SECRET_KEY"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> load(Map.of("DELIVERY_LEASE_SECONDS", "10")))
                .getMessage().contains("DELIVERY_LEASE_SECONDS"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> load(Map.of("DELIVERY_JITTER", "2")))
                .getMessage().contains("jitter"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> load(Map.of("DELIVERY_MAX_ATTEMPTS", "x")))
                .getMessage().contains("DELIVERY_MAX_ATTEMPTS"));
    }
}
