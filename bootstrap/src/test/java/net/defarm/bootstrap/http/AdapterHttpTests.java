package net.defarm.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import net.defarm.bootstrap.http.ApiClient.User;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/adapters} per tier and {@code /api/admin/adapters}: the caller's adapters follow the tier (or an
 * administrator's list), a choice is checked against them, health is a live check; adapter configurations are for
 * administrators only. Promoting an account needs the database (no route makes an administrator yet), so the
 * administrator's journey is in the PostgreSQL suite.
 */
public abstract class AdapterHttpTests extends RunningService {

    private static List<String> types(JsonNode listing) {
        return listing.path("adapters").findValuesAsText("adapter_type");
    }

    @Test
    void aBasicAccountHoldsIpfsOnlyAndChoicesAreChecked() {
        User basic = api.newUser("basic");
        JsonNode listing = ok(api.get("/api/adapters", basic.token())).body();
        assertEquals(List.of("ipfs-ipfs"), types(listing));
        assertEquals("Basic", listing.path("tier").asText());
        assertFalse(listing.path("using_custom_adapters").asBoolean());
        assertEquals(1, listing.path("count").asInt());

        JsonNode chosen = ok(api.post("/api/adapters/select", basic.token(), "{\"adapter_type\":\"ipfs-ipfs\"}"))
                .body();
        assertEquals("ipfs-ipfs", chosen.path("adapter_type").asText());
        assertFalse(chosen.path("stored").asBoolean());
        assertError(api.post("/api/adapters/select", basic.token(), "{\"adapter_type\":\"stellar_mainnet-ipfs\"}"),
                403, "ADAPTER_NOT_AVAILABLE");
        assertError(api.post("/api/adapters/select", basic.token(), "{\"adapter_type\":\"floppy\"}"), 400,
                "INVALID_ADAPTER_TYPE");
        assertError(api.post("/api/adapters/select", basic.token(), "{}"), 400, "MISSING_FIELD");
    }

    @Test
    void templatesStatusAndHealthDescribeThisDeployment() {
        User user = api.newUser("viewer");
        JsonNode templates = ok(api.get("/api/adapters/templates", user.token())).body().path("templates");
        assertEquals(6, templates.size());
        assertTrue(templates.has("local-local") && templates.has("stellar_mainnet-ipfs"));

        JsonNode status = ok(api.get("/api/adapters/ipfs-ipfs/status", user.token())).body();
        assertEquals("ipfs-ipfs", status.path("adapter_type").asText());
        JsonNode backends = status.path("status").path("backends");
        assertEquals("record-store", backends.get(0).path("backend").asText());
        assertTrue(backends.get(0).path("healthy").asBoolean(), backends.toString());

        // The Stellar types are served by the content store and a local ledger network, each checked now.
        JsonNode stellar = ok(api.get("/api/adapters/stellar_testnet-ipfs/health", user.token())).body();
        assertTrue(stellar.path("healthy").asBoolean(), stellar.toString());
        assertTrue(stellar.path("backends").toString().contains("local ledger network 'stellar-testnet'"),
                stellar.toString());
        JsonNode health = ok(api.get("/api/adapters/ethereum_goerli-ipfs/health", user.token())).body();
        // This build runs no Ethereum backend: the adapter is reported unhealthy, and says why.
        assertFalse(health.path("healthy").asBoolean());
        assertTrue(health.path("error").asText().contains("not configured"), health.toString());
        assertTrue(health.path("backends").get(0).path("healthy").asBoolean());
        assertError(api.get("/api/adapters/floppy/health", user.token()), 400, "INVALID_ADAPTER_TYPE");
        assertError(api.get("/api/adapters/none/status", user.token()), 400, "INVALID_ADAPTER_TYPE");
    }

    @Test
    void nonAdministratorsAreRefusedEveryConfigurationRoute() {
        User user = api.newUser("plain");
        String id = UUID.randomUUID().toString();
        String body = "{\"name\":\"x\",\"adapter_type\":\"ipfs-ipfs\",\"connection_details\":{\"endpoint\":"
                + "\"https://pin.example.com\"}}";
        assertError(api.get("/api/admin/adapters", user.token()), 403, "ADMIN_REQUIRED");
        assertError(api.post("/api/admin/adapters", user.token(), body), 403, "ADMIN_REQUIRED");
        assertError(api.get("/api/admin/adapters/" + id, user.token()), 403, "ADMIN_REQUIRED");
        assertError(api.put("/api/admin/adapters/" + id, user.token(), "{}"), 403, "ADMIN_REQUIRED");
        assertError(api.delete("/api/admin/adapters/" + id, user.token()), 403, "ADMIN_REQUIRED");
        assertError(api.post("/api/admin/adapters/" + id + "/set-default", user.token(), "{}"), 403,
                "ADMIN_REQUIRED");
    }

    protected static List<String> adapterTypes(JsonNode listing) {
        return types(listing);
    }
}
