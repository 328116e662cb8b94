package net.defarm.bootstrap.http.golden;

/** Circuits themselves: create, list, read, change, visibility, storage adapter, deactivate. */
final class CircuitSteps implements Scenario.Steps {

    @Override
    public void play(Scene s) {
        Scene.Who owner = s.user("coop-owner");
        String circuit = s.as(owner).post("/api/circuits", "{\"name\":\"Golden Coop\",\"description\":"
                + "\"Nelore lots\"}").text("circuit_id");
        s.put("circuit.main", circuit);
        s.as(owner).expect(400).post("/api/circuits", "{\"description\":\"no name\"}");
        s.as(owner).get("/api/circuits");
        s.as(owner).get("/api/circuits/list");
        s.as(owner).get("/api/circuits/member/{member_id}", owner.id());
        s.as(owner).get("/api/circuits/{id}", circuit);
        s.as(s.user("stranger")).expect(404).get("/api/circuits/{id}", circuit);
        s.as(owner).put("/api/circuits/{id}", "{\"description\":\"Nelore lots, 2025\"}", circuit);
        s.as(owner).patch("/api/circuits/{id}", "{\"permissions\":{\"require_approval_for_pull\":false}}",
                circuit);
        s.as(owner).put("/api/circuits/{id}/visibility/toggle", "{}", circuit);
        s.as(owner).put("/api/circuits/{id}/visibility/toggle", "{}", circuit);
        s.as(owner).get("/api/circuits/{id}/adapter", circuit);
        s.as(owner).put("/api/circuits/{id}/adapter", "{\"adapter_type\":\"ipfs-ipfs\","
                + "\"sponsor_adapter_access\":true}", circuit);

        String retired = s.api.post("/api/circuits", owner.token(), "{\"name\":\"Retired\",\"description\":"
                + "\"old lots\"}").text("circuit_id");
        s.as(owner).put("/api/circuits/{id}/deactivate", "{}", retired);
    }
}
