package net.defarm.bootstrap.http.golden;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import net.defarm.bootstrap.support.Pause;

/** API keys: create, list, read, change, use (rate-limit headers), usage, revoke, delete. */
final class ApiKeySteps implements Scenario.Steps {

    @Override
    public void play(Scene s) {
        Scene.Who integrator = s.user("integrator");
        JsonNode created = s.as(integrator).post("/api/api-keys", "{\"name\":\"scale\",\"organization_type\":"
                + "\"Producer\",\"permissions\":{\"read\":true,\"write\":false,\"admin\":false},"
                + "\"rate_limit_per_hour\":100}").body();
        String id = created.path("metadata").path("id").asText();
        s.as(integrator).expect(400).post("/api/api-keys", "{\"organization_type\":\"Producer\"}");
        s.as(integrator).get("/api/api-keys");
        s.as(integrator).get("/api/api-keys/{key_id}", id);
        s.as(s.user("stranger")).expect(404).get("/api/api-keys/{key_id}", id);
        s.as(integrator).patch("/api/api-keys/{key_id}", "{\"name\":\"scale-2\"}", id);

        Scene.Who machine = s.credential("api-key", created.path("api_key").asText(), integrator.id());
        s.as(machine).get("/api/items");
        awaitUsage(s, integrator, id);
        s.as(integrator).get("/api/api-keys/{key_id}/usage?days=7", id);
        s.as(integrator).post("/api/api-keys/{key_id}/revoke", "{}", id);
        s.as(machine).expect(401).get("/api/items");

        String spare = s.api.post("/api/api-keys", integrator.token(), "{\"name\":\"spare\",\"organization_type\":"
                + "\"Producer\"}").body().path("metadata").path("id").asText();
        s.as(integrator).delete("/api/api-keys/{key_id}", spare);
    }

    /** The keyed request is counted as it completes, maybe just after its answer: flush until it is stored. */
    private static void awaitUsage(Scene s, Scene.Who owner, String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            s.service.flushKeyUsage();
            if (s.api.get("/api/api-keys/" + id, owner.token()).body().path("usage_count").asLong() == 1) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the key's use was not stored in time");
            }
            Pause.sleep(Duration.ofMillis(20));
        }
    }
}
