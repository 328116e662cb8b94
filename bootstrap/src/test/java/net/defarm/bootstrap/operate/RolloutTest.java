package net.defarm.bootstrap.operate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import net.defarm.adapters.postgres.TestDatabase;
import net.defarm.bootstrap.Service;
import net.defarm.bootstrap.ServiceSettings;
import net.defarm.bootstrap.http.ApiClient;
import net.defarm.bootstrap.http.ApiClient.Response;
import net.defarm.bootstrap.http.TestSettings;
import org.junit.jupiter.api.Test;

/**
 * The staged rollout of docs/rollout.md: the same database served in write-through mode (the old architecture)
 * and in postgres mode (the new one), back and forth by a flag, with no migration and nothing lost either way.
 */
class RolloutTest {

    private static ServiceSettings mode(TestDatabase db, ServiceSettings.StorageMode mode) {
        return TestSettings.postgres(db.jdbcUrl(), TestDatabase.USER, TestDatabase.PASSWORD).withStorageMode(mode);
    }

    private static String item(ApiClient api, String token, String lote) {
        Response r = api.post("/api/items", token, "{\"identifiers\":[{\"key\":\"lote\",\"value\":\"" + lote
                + "\"}],\"enriched_data\":{\"peso\":1}}");
        assertEquals(200, r.status(), r.body().toString());
        return r.text("dfid");
    }

    @Test
    void writeThroughAndPostgresServeTheSameDataBackAndForth() {
        try (TestDatabase db = TestDatabase.create()) {
            String token;
            String first;
            try (Service old = Service.start(mode(db, ServiceSettings.StorageMode.WRITE_THROUGH))) {
                ApiClient api = new ApiClient(old.port());
                token = api.signUp("rollout");
                first = item(api, token, "WT-1");
                assertEquals(1, db.count("SELECT count(*) FROM items"), "acknowledged means in PostgreSQL");
            }
            String second;
            try (Service next = Service.start(mode(db, ServiceSettings.StorageMode.POSTGRES))) {
                ApiClient api = new ApiClient(next.port());
                assertEquals(200, api.get("/api/items/" + first, token).status(), "the new mode reads the old data");
                second = item(api, token, "PG-2");
                assertEquals(200, api.put("/api/items/" + first, token, "{\"enriched_data\":{\"peso\":2}}")
                        .status());
            }
            try (Service back = Service.start(mode(db, ServiceSettings.StorageMode.WRITE_THROUGH))) {
                ApiClient api = new ApiClient(back.port());
                assertEquals(2, api.get("/api/items/" + first, token).body().path("enriched_data").path("peso")
                        .asInt(), "rolling back loads what the new mode wrote");
                assertEquals(200, api.get("/api/items/" + second, token).status());
                assertEquals(200, api.put("/api/items/" + first, token, "{\"enriched_data\":{\"peso\":3}}")
                        .status(), "and versions agree, so updates go on");
                String health = api.text("/observe/health");
                assertTrue(health.contains("write-through"), health);
            }
            assertEquals(2, db.count("SELECT count(*) FROM items"));
            assertEquals(1, db.count("SELECT count(*) FROM items WHERE enriched_data ->> 'peso' = '3'"));
        }
    }
}
