package net.defarm.bootstrap.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.defarm.adapters.cache.CacheSettings;
import net.defarm.adapters.postgres.TestDatabase;
import net.defarm.bootstrap.ApiKeySettings;
import net.defarm.bootstrap.Service;
import net.defarm.bootstrap.ServiceSettings;
import net.defarm.bootstrap.http.ApiClient;
import net.defarm.bootstrap.http.ApiClient.Response;
import net.defarm.bootstrap.http.KeyRequests;
import net.defarm.bootstrap.http.RunningService;
import net.defarm.bootstrap.http.TestSettings;
import net.defarm.bootstrap.support.Pause;
import org.junit.jupiter.api.Test;

/**
 * API keys across instances: a revocation on one is refused by the other within a second (a key is kept at most
 * AUTH_FRESHNESS_MS, ADR 0023), the hourly limit is shared through Redis, each instance keeps its own limit while
 * Redis is unreachable, and X-Forwarded-For is believed only from a configured proxy.
 */
class ApiKeyInstancesTest {

    private static ServiceSettings postgres(TestDatabase db) {
        return TestSettings.postgres(db);
    }

    private static ServiceSettings cached(TestDatabase db, int redisPort, String prefix) {
        return TestSettings.cached(db.jdbcUrl(), TestDatabase.USER, TestDatabase.PASSWORD,
                CacheSettings.Kind.TWO_LEVEL, redisPort, prefix);
    }

    private static JsonNode createKey(ApiClient api, String token, String fields) {
        Response r = api.post("/api/api-keys", token, "{\"name\":\"erp\",\"organization_type\":\"Enterprise\""
                + (fields.isEmpty() ? "" : "," + fields) + "}");
        assertEquals(200, r.status(), r.body().toString());
        return r.body();
    }

    private static void assertStatus(int status, Response r) {
        assertEquals(status, r.status(), r.body().toString());
    }

    @Test
    void aKeyRevokedOnOneInstanceIsRefusedOnTheOtherWithinOneSecond() {
        try (TestDatabase db = TestDatabase.create();
             Service a = Service.start(postgres(db));
             Service b = Service.start(postgres(db))) {
            ApiClient onA = new ApiClient(a.port());
            String token = onA.signUp("rev-" + UUID.randomUUID().toString().substring(0, 8));
            JsonNode created = createKey(onA, token, "");
            String key = created.path("api_key").asText();
            String id = created.path("metadata").path("id").asText();
            KeyRequests machineOnB = new KeyRequests(b.port());
            assertStatus(200, machineOnB.get("/api/items", key));

            assertStatus(200, onA.post("/api/api-keys/" + id + "/revoke", token, "{}"));
            long revoked = System.nanoTime();
            Response refused;
            while ((refused = machineOnB.get("/api/items", key)).status() != 401) {
                assertTrue(System.nanoTime() - revoked < Duration.ofSeconds(1).toNanos(),
                        "B refuses the revoked key within one second: " + refused.body());
                Pause.millis(5);
            }
            assertEquals("API_KEY_INACTIVE", refused.text("code"));

            assertEquals(204, onA.delete("/api/api-keys/" + id, token).status());
            assertEquals("INVALID_API_KEY", machineOnB.get("/api/items", key).text("code"));
        }
    }

    @Test
    void theHourlyLimitIsSharedByInstancesThroughRedis() {
        String prefix = "test-" + UUID.randomUUID();
        try (TestDatabase db = TestDatabase.create();
             Service a = Service.start(cached(db, TestSettings.REDIS_PORT, prefix));
             Service b = Service.start(cached(db, TestSettings.REDIS_PORT, prefix))) {
            RunningService.awaitCache(a);
            RunningService.awaitCache(b);
            ApiClient onA = new ApiClient(a.port());
            String token = onA.signUp("lim-" + UUID.randomUUID().toString().substring(0, 8));
            List<KeyRequests> machines = List.of(new KeyRequests(a.port()), new KeyRequests(b.port()));
            // A window may end during the run (once an hour): the count restarts there, and so does the test.
            for (int attempt = 0; ; attempt++) {
                String key = createKey(onA, token, "\"rate_limit_per_hour\":100").path("api_key").asText();
                Response first = machines.get(0).get("/api/items", key);
                assertStatus(200, first);
                for (int n = 2; n <= 100; n++) {
                    assertStatus(200, machines.get(n % 2).get("/api/items", key));
                }
                Response overOnB = machines.get(1).get("/api/items", key);
                Response overOnA = machines.get(0).get("/api/items", key);
                String reset = first.header("X-RateLimit-Reset").orElseThrow();
                if (attempt == 0 && !reset.equals(overOnA.header("X-RateLimit-Reset").orElse(reset))) {
                    continue;
                }
                for (Response over : List.of(overOnB, overOnA)) {
                    assertStatus(429, over);
                    assertEquals("RATE_LIMIT_EXCEEDED", over.text("code"));
                    assertEquals("100", over.header("X-RateLimit-Limit").orElseThrow());
                    assertEquals("0", over.header("X-RateLimit-Remaining").orElseThrow());
                    assertTrue(Long.parseLong(over.header("Retry-After").orElseThrow()) >= 1);
                }
                return;
            }
        }
    }

    @Test
    void withRedisUnreachableKeyedRequestsSucceedWithinThePerInstanceLimit() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        try (TestDatabase db = TestDatabase.create();
             Service service = Service.start(cached(db, closed, "test-" + UUID.randomUUID()))) {
            assertEquals("degraded", service.cacheStatus().orElseThrow().redis());
            ApiClient api = new ApiClient(service.port());
            String token = api.signUp("down-" + UUID.randomUUID().toString().substring(0, 8));
            KeyRequests machine = new KeyRequests(service.port());
            for (int attempt = 0; ; attempt++) {
                String key = createKey(api, token, "\"rate_limit_per_hour\":5").path("api_key").asText();
                Response first = machine.get("/api/items", key);
                assertStatus(200, first);
                for (int n = 2; n <= 5; n++) {
                    Response r = machine.get("/api/items", key);
                    assertStatus(200, r);
                    assertEquals(String.valueOf(5 - n), r.header("X-RateLimit-Remaining").orElseThrow());
                }
                Response over = machine.get("/api/items", key);
                String reset = first.header("X-RateLimit-Reset").orElseThrow();
                if (attempt == 0 && !reset.equals(over.header("X-RateLimit-Reset").orElse(reset))) {
                    continue;
                }
                assertStatus(429, over);
                return;
            }
        }
    }

    @Test
    void forwardedForIsBelievedOnlyFromATrustedProxy() {
        ServiceSettings behindProxy = TestSettings.memory().withApiKeys(new ApiKeySettings(100,
                Duration.ofSeconds(10), List.of("127.0.0.1", "0:0:0:0:0:0:0:1")));
        try (Service service = Service.start(behindProxy)) {
            ApiClient api = new ApiClient(service.port());
            String token = api.signUp("proxy-" + UUID.randomUUID().toString().substring(0, 8));
            String key = createKey(api, token, "\"allowed_ips\":[\"203.0.113.7\"]").path("api_key").asText();
            KeyRequests machine = new KeyRequests(service.port());
            assertStatus(200, machine.send("GET", "/api/items", key, null, Map.of("X-Forwarded-For", "203.0.113.7")));
            assertStatus(200, machine.send("GET", "/api/items", key, null,
                    Map.of("X-Forwarded-For", "203.0.113.7, 127.0.0.1")));
            assertStatus(403, machine.send("GET", "/api/items", key, null,
                    Map.of("X-Forwarded-For", "203.0.113.7, 198.51.100.1")));
            assertStatus(403, machine.get("/api/items", key));
        }
    }
}
