package net.defarm.bootstrap.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.defarm.adapters.postgres.TestDatabase;
import net.defarm.bootstrap.http.ApiClient;
import net.defarm.bootstrap.http.ApiClient.Response;
import net.defarm.bootstrap.support.ServiceProcess;
import org.junit.jupiter.api.Test;

/** Every acknowledged write survives a SIGKILL of the process (durability incidents, docs/storage-modes.md). */
class CrashRecoveryTest {

    @Test
    void acknowledgedWritesSurviveKillDashNine() {
        try (TestDatabase database = TestDatabase.create()) {
            Map<String, String> env = ServiceProcess.postgresEnv(database);

            List<String> dfids = new ArrayList<>();
            List<String> events = new ArrayList<>();
            try (ServiceProcess first = ServiceProcess.start(env, Duration.ofSeconds(30))) {
                ApiClient api = new ApiClient(first.port());
                String token = api.signUp("survivor");
                for (int i = 0; i < 40; i++) {
                    Response item = api.post("/api/items", token, "{\"identifiers\":[{\"key\":\"brinco\",\"value\":\""
                            + i + "\"}],\"enriched_data\":{\"peso\":" + (400 + i) + "}}");
                    assertEquals(200, item.status(), item.body().toString());
                    dfids.add(item.text("dfid"));
                    Response event = api.post("/api/events", token, "{\"dfid\":\"" + item.text("dfid")
                            + "\",\"event_type\":\"updated\",\"visibility\":\"private\",\"metadata\":{\"n\":" + i + "}}");
                    assertEquals(200, event.status(), event.body().toString());
                    events.add(event.text("event_id"));
                }
                first.kill();
            }

            try (ServiceProcess second = ServiceProcess.start(env, Duration.ofSeconds(30))) {
                ApiClient api = new ApiClient(second.port());
                Response login = api.post("/api/auth/login", null,
                        "{\"username\":\"survivor\",\"password\":\"Str0ng!Pass\"}");
                assertEquals(200, login.status(), "the account survived");
                String token = login.text("token");
                for (int i = 0; i < dfids.size(); i++) {
                    Response item = api.get("/api/items/" + dfids.get(i), token);
                    assertEquals(200, item.status());
                    assertEquals(400 + i, item.body().path("enriched_data").path("peso").asInt());
                    Response event = api.get("/api/events/" + events.get(i), token);
                    assertEquals(200, event.status());
                    assertEquals(i, event.body().path("metadata").path("n").asInt());
                }
                Response all = api.get("/api/items?limit=1000", token);
                assertEquals(dfids, all.body().findValuesAsText("dfid"));
                Response next = api.post("/api/items", token, "{\"identifiers\":[{\"key\":\"brinco\",\"value\":\"new\"}]}");
                assertFalse(dfids.contains(next.text("dfid")), "the DFID sequence continues after the crash");
            }
        }
    }
}
