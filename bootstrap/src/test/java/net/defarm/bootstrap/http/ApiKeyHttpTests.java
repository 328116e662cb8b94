package net.defarm.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import net.defarm.bootstrap.http.ApiClient.Response;
import net.defarm.bootstrap.http.ApiClient.User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** API keys end to end: issuing, authenticating with either header, and everything a key is held to. */
public abstract class ApiKeyHttpTests extends RunningService {

    private static final String READ_WRITE = "\"permissions\":{\"read\":true,\"write\":true,\"admin\":false,"
            + "\"custom\":{}}";

    private User owner;
    private KeyRequests machine;

    @BeforeAll
    void owner() {
        owner = api.newUser("keys");
        machine = new KeyRequests(service.port());
    }

    /** Creates a key for {@code user} with extra JSON fields; returns the creation answer. */
    private JsonNode create(User user, String fields) {
        return ok(api.post("/api/api-keys", user.token(), "{\"name\":\"scale\",\"organization_type\":\"Producer\""
                + (fields.isEmpty() ? "" : "," + fields) + "}")).body();
    }

    private String key(String fields) {
        return create(owner, fields).path("api_key").asText();
    }

    @Test
    void aKeyIsShownOnceAndListsNeverShowIt() {
        JsonNode created = create(owner, READ_WRITE);
        String key = created.path("api_key").asText();
        assertTrue(key.matches("dfm_[A-Za-z0-9]{32}"), key);
        JsonNode metadata = created.path("metadata");
        assertEquals(key.substring(0, 8), metadata.path("key_prefix").asText());
        assertTrue(metadata.path("is_active").asBoolean());
        assertFalse(created.path("warning").asText().isBlank());
        String id = metadata.path("id").asText();

        Response list = ok(api.get("/api/api-keys", owner.token()));
        assertTrue(list.body().findValuesAsText("id").contains(id), list.body().toString());
        assertFalse(list.raw().body().contains(key), "the list never shows the key");
        Response one = ok(api.get("/api/api-keys/" + id, owner.token()));
        assertEquals("scale", one.text("name"));
        assertFalse(one.raw().body().contains(key.substring(8)), "nor does the key's own page");
    }

    @Test
    void bothHeadersAuthenticateAsTheKeysOwnerWithTheLimitHeaders() {
        String key = key("");
        Response byHeader = ok(machine.get("/api/auth/profile", key));
        assertEquals(owner.id(), byHeader.text("user_id"));
        Response byBearer = ok(api.get("/api/auth/profile", key));
        assertEquals(owner.id(), byBearer.text("user_id"));
        assertEquals("100", byHeader.header("X-RateLimit-Limit").orElseThrow(), "the configured default");
        assertEquals("99", byHeader.header("X-RateLimit-Remaining").orElseThrow());
        assertTrue(Long.parseLong(byHeader.header("X-RateLimit-Reset").orElseThrow())
                > System.currentTimeMillis() / 1000 - 5);
    }

    @Test
    void aReadOnlyKeyReadsButCannotWrite() {
        String readOnly = key("");
        ok(machine.get("/api/items", readOnly));
        String item = "{\"identifiers\":[{\"key\":\"lote\",\"value\":\"K-" + System.nanoTime() + "\"}]}";
        assertError(machine.send("POST", "/api/items", readOnly, item, Map.of()), 403,
                "INSUFFICIENT_KEY_PERMISSIONS");
        String writer = key(READ_WRITE);
        Response created = ok(machine.send("POST", "/api/items", writer, item, Map.of()));
        assertTrue(created.text("dfid").startsWith("DFID-"));
        ok(api.get("/api/items/" + created.text("dfid"), owner.token()));
    }

    @Test
    void anExpiredKeyIs401() {
        String key = key("\"expires_in_days\":-1");
        assertError(machine.get("/api/items", key), 401, "API_KEY_EXPIRED");
        ok(machine.get("/api/items", key("\"expires_in_days\":30")));
    }

    @Test
    void anUnknownKeyIs401() {
        assertError(machine.get("/api/items", "dfm_" + "x".repeat(32)), 401, "INVALID_API_KEY");
        assertError(machine.get("/api/items", "not-a-key"), 401, "INVALID_API_KEY");
    }

    @Test
    void allowedEndpointsAreEnforced() {
        String key = key("\"allowed_endpoints\":[\"/api/circuits\"]");
        ok(machine.get("/api/circuits", key));
        assertError(machine.get("/api/items", key), 403, "ENDPOINT_NOT_ALLOWED");
        assertError(machine.get("/api/events/public", key), 403, "ENDPOINT_NOT_ALLOWED");
        ok(machine.get("/api/circuits/member/" + owner.id(), key));
    }

    @Test
    void allowedAddressesAreEnforcedAndAForwardedHeaderFromAnUntrustedPeerIsIgnored() {
        String elsewhere = key("\"allowed_ips\":[\"203.0.113.7\"]");
        assertError(machine.get("/api/items", elsewhere), 403, "IP_NOT_ALLOWED");
        assertError(machine.send("GET", "/api/items", elsewhere, null, Map.of("X-Forwarded-For", "203.0.113.7")),
                403, "IP_NOT_ALLOWED");
        ok(machine.get("/api/items", key("\"allowed_ips\":[\"127.0.0.1\",\"::1\"]")));
    }

    @Test
    void aKeyCannotManageKeys() {
        String key = key(READ_WRITE);
        assertError(machine.send("POST", "/api/api-keys", key, "{\"name\":\"n\",\"organization_type\":\"Producer\"}",
                Map.of()), 403, "PASSWORD_SESSION_REQUIRED");
        assertError(machine.get("/api/api-keys", key), 403, "PASSWORD_SESSION_REQUIRED");
    }

    @Test
    void onlyAnAdministratorGrantsAdmin() {
        assertError(api.post("/api/api-keys", owner.token(), "{\"name\":\"a\",\"organization_type\":\"Admin\","
                + "\"permissions\":{\"read\":true,\"write\":true,\"admin\":true,\"custom\":{}}}"), 403,
                "ADMIN_REQUIRED");
        String id = create(owner, "").path("metadata").path("id").asText();
        assertError(api.patch("/api/api-keys/" + id, owner.token(), "{\"permissions\":{\"read\":true,"
                + "\"write\":false,\"admin\":true,\"custom\":{}}}"), 403, "ADMIN_REQUIRED");
    }

    @Test
    void revokedAndDeletedKeysStopAtOnceAndOutsidersNeverSeeAKey() {
        JsonNode created = create(owner, "");
        String key = created.path("api_key").asText();
        String id = created.path("metadata").path("id").asText();
        ok(machine.get("/api/items", key));

        User outsider = api.newUser("outsider");
        assertError(api.get("/api/api-keys/" + id, outsider.token()), 404, "API_KEY_NOT_FOUND");
        assertError(api.post("/api/api-keys/" + id + "/revoke", outsider.token(), "{}"), 404, "API_KEY_NOT_FOUND");
        assertError(api.delete("/api/api-keys/" + id, outsider.token()), 404, "API_KEY_NOT_FOUND");
        assertFalse(ok(api.get("/api/api-keys", outsider.token())).raw().body().contains(id));
        ok(machine.get("/api/items", key));

        Response revoked = ok(api.post("/api/api-keys/" + id + "/revoke", owner.token(), "{}"));
        assertFalse(revoked.body().path("is_active").asBoolean());
        assertError(machine.get("/api/items", key), 401, "API_KEY_INACTIVE");
        assertFalse(ok(api.get("/api/api-keys", owner.token())).raw().body().contains(id), "inactive keys are hidden");
        assertTrue(ok(api.get("/api/api-keys?include_inactive=true", owner.token())).raw().body().contains(id));

        ok(api.patch("/api/api-keys/" + id, owner.token(), "{\"is_active\":true}"));
        ok(machine.get("/api/items", key));
        assertEquals(204, api.delete("/api/api-keys/" + id, owner.token()).status());
        assertError(machine.get("/api/items", key), 401, "INVALID_API_KEY");
        assertError(api.get("/api/api-keys/" + id, owner.token()), 404, "API_KEY_NOT_FOUND");
    }

    @Test
    void theRequestOverTheHourlyLimitIs429WithTheHeaders() {
        // A window may end between two requests (once an hour): then the count restarts, and so does the test.
        for (int attempt = 0; ; attempt++) {
            String key = key("\"rate_limit_per_hour\":3");
            Response first = ok(machine.get("/api/items", key));
            ok(machine.get("/api/items", key));
            ok(machine.get("/api/items", key));
            Response over = machine.get("/api/items", key);
            String reset = first.header("X-RateLimit-Reset").orElseThrow();
            if (!reset.equals(over.header("X-RateLimit-Reset").orElse(reset)) && attempt == 0) {
                continue;
            }
            assertError(over, 429, "RATE_LIMIT_EXCEEDED");
            assertEquals("3", over.header("X-RateLimit-Limit").orElseThrow());
            assertEquals("0", over.header("X-RateLimit-Remaining").orElseThrow());
            long retryAfter = Long.parseLong(over.header("Retry-After").orElseThrow());
            assertTrue(retryAfter >= 1 && retryAfter <= 3600, "Retry-After " + retryAfter);
            return;
        }
    }

    @Test
    void usageIsCountedAndWrittenInBatches() {
        JsonNode created = create(owner, "");
        String key = created.path("api_key").asText();
        String id = created.path("metadata").path("id").asText();
        ok(machine.get("/api/items", key));
        ok(machine.get("/api/circuits", key));
        assertEquals(404, machine.get("/api/items/DFID-20250101-000001-AB", key).status());

        Response before = ok(api.get("/api/api-keys/" + id + "/usage", owner.token()));
        assertEquals(3, before.body().path("total_requests").asLong(), "unwritten counts are included");
        assertEquals(1, before.body().path("failed_requests").asLong());

        service.flushKeyUsage();
        JsonNode metadata = ok(api.get("/api/api-keys/" + id, owner.token())).body();
        assertEquals(3, metadata.path("usage_count").asLong());
        assertFalse(metadata.path("last_used_at").isNull());
        Response usage = ok(api.get("/api/api-keys/" + id + "/usage?days=7", owner.token()));
        assertEquals(3, usage.body().path("total_requests").asLong(), "counted once after the flush");
        assertEquals(2, usage.body().path("successful_requests").asLong());
        assertEquals(1, usage.body().path("daily_usage").size());
        assertEquals(3, usage.body().path("daily_usage").get(0).path("requests").asLong());
    }

    @Test
    void badInputIsAJsonError() {
        assertError(api.post("/api/api-keys", owner.token(), "{\"name\":\"k\",\"organization_type\":\"Farm\"}"),
                400, "INVALID_ORGANIZATION_TYPE");
        assertError(api.post("/api/api-keys", owner.token(), "{\"name\":\"k\",\"organization_type\":\"Producer\","
                + "\"rate_limit_per_hour\":\"lots\"}"), 400, "INVALID_FIELD");
        assertError(api.post("/api/api-keys", owner.token(), "{\"organization_type\":\"Producer\"}"), 400,
                "MISSING_FIELD");
        assertError(api.get("/api/api-keys/not-a-uuid", owner.token()), 400, "INVALID_ID");
    }
}
