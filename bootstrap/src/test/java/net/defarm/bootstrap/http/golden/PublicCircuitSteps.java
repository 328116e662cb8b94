package net.defarm.bootstrap.http.golden;

/** Publishing a circuit: its public settings and page, and joining it. Leaves a published item with events. */
final class PublicCircuitSteps implements Scenario.Steps {

    @Override
    public void play(Scene s) {
        Scene.Who owner = s.user("coop-owner");
        String circuit = s.get("circuit.main");
        String item = s.get("circuit.item");
        s.as(s.anonymous()).expect(404).get("/api/circuits/{id}/public", circuit);
        s.put("event.published", s.api.post("/api/events", owner.token(), "{\"dfid\":\"" + item + "\","
                + "\"event_type\":\"enriched\",\"visibility\":\"public\",\"metadata\":{\"vaccine\":\"brucelose\"}}")
                .text("event_id"));
        s.as(owner).put("/api/circuits/{id}/public-settings", "{\"public_settings\":{\"access_mode\":\"public\","
                + "\"auto_approve_members\":true,\"public_name\":\"Golden Coop\",\"public_description\":"
                + "\"Nelore lots from the golden coop\",\"published_items\":[\"" + item + "\"]}}", circuit);
        s.as(s.anonymous()).get("/api/circuits/{id}/public", circuit);
        s.as(s.user("visitor")).post("/api/circuits/{id}/public/join", "{\"message\":\"Farm V\"}", circuit);
        s.as(s.user("visitor")).expect(409).post("/api/circuits/{id}/public/join", "{}", circuit);
    }
}
