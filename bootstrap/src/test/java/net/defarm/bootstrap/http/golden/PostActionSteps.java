package net.defarm.bootstrap.http.golden;

/** A circuit's post-actions: settings, webhooks (to the test receiver), the test call, queued deliveries. */
final class PostActionSteps implements Scenario.Steps {

    @Override
    public void play(Scene s) {
        Scene.Who owner = s.user("coop-owner");
        String circuit = s.get("circuit.main");
        String receiver = s.get("receiver");
        s.as(owner).put("/api/circuits/{id}/post-actions", "{\"enabled\":true,\"trigger_events\":[\"item_pushed\","
                + "\"item_tokenized\"],\"include_storage_details\":true,\"include_item_metadata\":true}", circuit);
        s.as(owner).get("/api/circuits/{id}/post-actions", circuit);
        String hook = s.as(owner).post("/api/circuits/{id}/post-actions/webhooks", "{\"name\":\"ERP\",\"url\":\""
                + receiver + "erp\",\"auth_type\":\"BearerToken\",\"auth_credentials\":\"xyz\",\"headers\":"
                + "{\"X-Tenant\":\"coop-1\"}}", circuit).body().path("data").path("id").asText();
        s.as(owner).expect(400).post("/api/circuits/{id}/post-actions/webhooks", "{\"name\":\"internal\","
                + "\"url\":\"http://169.254.169.254/latest\"}", circuit);
        s.as(owner).get("/api/circuits/{id}/post-actions/webhooks/{webhook_id}", circuit, hook);
        s.as(owner).put("/api/circuits/{id}/post-actions/webhooks/{webhook_id}", "{\"name\":\"ERP v2\"}", circuit,
                hook);
        s.as(owner).post("/api/circuits/{id}/post-actions/webhooks/{webhook_id}/test", "", circuit, hook);

        String pushed = s.api.post("/api/items", owner.token(), "{\"identifiers\":[" + ItemSteps.lote("HOOKED-1")
                + "]}").text("dfid");
        s.api.post("/api/circuits/" + circuit + "/push/" + pushed, owner.token(), "{}");
        s.as(owner).get("/api/circuits/{id}/post-actions/deliveries", circuit);

        String gone = s.api.post("/api/circuits/" + circuit + "/post-actions/webhooks", owner.token(),
                "{\"name\":\"gone\",\"url\":\"" + receiver + "gone\"}").body().path("data").path("id").asText();
        s.as(owner).delete("/api/circuits/{id}/post-actions/webhooks/{webhook_id}", circuit, gone);
    }
}
