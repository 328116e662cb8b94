package net.defarm.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import net.defarm.adapters.postgres.TestDatabase;
import net.defarm.bootstrap.http.ApiClient.Response;
import net.defarm.bootstrap.http.ApiClient.User;
import org.junit.jupiter.api.Test;

/** The adapter suite on PostgreSQL, plus what needs the database to set up: other tiers and an administrator. */
class PostgresModeAdapterTest extends AdapterHttpTests {

    private static final String API_KEY = "pinata-key-" + UUID.randomUUID();
    private static final String SECRET_KEY = "pinata-secret-" + UUID.randomUUID();
    private static final String HEADER_VALUE = "header-secret-" + UUID.randomUUID();

    @Override
    protected StoreMode mode() {
        return StoreMode.POSTGRES;
    }

    @Test
    void tiersAndAdministratorsListsDecideTheAdapters() {
        TestDatabase db = database().orElseThrow();
        {
            User pro = api.newUser("pro");
            db.execute("UPDATE user_accounts SET tier = 'Professional' WHERE user_id = '" + pro.id() + "'");
            assertEquals(List.of("ipfs-ipfs", "stellar_testnet-ipfs"),
                    adapterTypes(ok(api.get("/api/adapters", pro.token())).body()));
            db.execute("UPDATE user_accounts SET available_adapters = ARRAY['stellar_mainnet-ipfs'] WHERE user_id = '"
                    + pro.id() + "'");
            JsonNode custom = ok(api.get("/api/adapters", pro.token())).body();
            assertEquals(List.of("stellar_mainnet-ipfs"), adapterTypes(custom));
            assertTrue(custom.path("using_custom_adapters").asBoolean());
            ok(api.post("/api/adapters/select", pro.token(), "{\"adapter_type\":\"stellar_mainnet-ipfs\"}"));
        }
    }

    @Test
    void anAdministratorManagesConfigurationsWhoseSecretsNeverComeBack() {
        administratorJourney(database().orElseThrow());
    }

    private void administratorJourney(TestDatabase db) {
        User admin = api.newUser("admin");
        db.execute("UPDATE user_accounts SET is_admin = true WHERE user_id = '" + admin.id() + "'");
        String name = "pinata-" + UUID.randomUUID();
        Response created = ok(api.post("/api/admin/adapters", admin.token(), "{\"name\":\"" + name + "\","
                + "\"description\":\"IPFS pinning\",\"adapter_type\":\"ipfs-ipfs\",\"connection_details\":{"
                + "\"endpoint\":\"https://api.pinata.example/v1\",\"api_key\":\"" + API_KEY + "\",\"secret_key\":\""
                + SECRET_KEY + "\",\"auth_type\":\"BasicAuth\",\"timeout_ms\":5000,\"retry_attempts\":2,"
                + "\"max_concurrent_requests\":4,\"custom_headers\":{\"X-Pin\":\"" + HEADER_VALUE + "\"}},"
                + "\"contract_configs\":{\"network\":\"testnet\",\"mint_contract\":\"CMINT\"}}"));
        JsonNode config = created.body().path("config");
        String id = config.path("config_id").asText();
        assertTrue(config.path("connection_details").path("has_api_key").asBoolean());
        assertTrue(config.path("connection_details").path("has_secret_key").asBoolean());
        assertEquals("********", config.path("connection_details").path("custom_headers").path("X-Pin").asText());
        assertEquals("testnet", config.path("contract_configs").path("network").asText());

        List<Response> answers = List.of(created, ok(api.get("/api/admin/adapters", admin.token())),
                ok(api.get("/api/admin/adapters?active_only=true", admin.token())),
                ok(api.get("/api/admin/adapters/" + id, admin.token())),
                ok(api.put("/api/admin/adapters/" + id, admin.token(), "{\"description\":\"renamed\"}")),
                ok(api.post("/api/admin/adapters/" + id + "/set-default", admin.token(), "{}")));
        for (Response r : answers) {
            for (String secret : List.of(API_KEY, SECRET_KEY, HEADER_VALUE)) {
                assertFalse(r.body().toString().contains(secret), "a secret came back: " + r.body());
            }
        }
        assertEquals(0, db.count("SELECT count(*) FROM adapter_configs WHERE CAST(connection_details AS text) LIKE '%"
                + API_KEY + "%' OR CAST(connection_details AS text) LIKE '%" + HEADER_VALUE + "%'"),
                "secrets are sealed at rest");
        assertTrue(ok(api.get("/api/admin/adapters/" + id, admin.token())).body().path("config")
                .path("is_default").asBoolean());
        assertEquals(1, ok(api.get("/api/adapters/ipfs-ipfs/status", admin.token())).body().path("status")
                .path("active_configurations").asInt());

        assertError(api.post("/api/admin/adapters", admin.token(), "{\"name\":\"" + name + "\",\"adapter_type\":"
                + "\"ipfs-ipfs\",\"connection_details\":{\"endpoint\":\"https://other.example\"}}"), 409,
                "DUPLICATE_NAME");
        assertError(api.post("/api/admin/adapters", admin.token(), "{\"name\":\"ftp\",\"adapter_type\":\"ipfs-ipfs\","
                + "\"connection_details\":{\"endpoint\":\"ftp://files.example\"}}"), 400, "INVALID_ENDPOINT");
        assertError(api.post("/api/admin/adapters", admin.token(), "{\"name\":\"nokey\",\"adapter_type\":"
                + "\"ipfs-ipfs\",\"connection_details\":{\"endpoint\":\"https://x.example\",\"auth_type\":\"Bearer\"}}"),
                400, "MISSING_FIELD");
        assertError(api.delete("/api/admin/adapters/" + id, admin.token()), 409, "DEFAULT_ADAPTER_CONFIG");
        String other = ok(api.post("/api/admin/adapters", admin.token(), "{\"name\":\"other-" + UUID.randomUUID()
                + "\",\"adapter_type\":\"stellar_testnet-ipfs\",\"connection_details\":{\"endpoint\":"
                + "\"https://soroban.example\"}}")).body().path("config").path("config_id").asText();
        ok(api.delete("/api/admin/adapters/" + other, admin.token()));
        assertError(api.get("/api/admin/adapters/" + other, admin.token()), 404, "ADAPTER_CONFIG_NOT_FOUND");
        assertEquals(0, db.count("SELECT count(*) FROM adapter_configs WHERE config_id = '" + other + "'"));
        assertError(api.get("/api/admin/adapters/not-a-uuid", admin.token()), 400, "INVALID_ID");
    }
}
