package net.defarm.bootstrap.http.golden;

/** A circuit's members, join requests and custom roles. */
final class CircuitMemberSteps implements Scenario.Steps {

    @Override
    public void play(Scene s) {
        Scene.Who owner = s.user("coop-owner");
        Scene.Who member = s.user("coop-member");
        String circuit = s.get("circuit.main");
        String addMember = "{\"member_id\":\"" + member.id() + "\",\"role\":\"member\"}";
        s.as(owner).post("/api/circuits/{id}/members", addMember, circuit);
        s.as(owner).expect(409).post("/api/circuits/{id}/members", addMember, circuit);

        Scene.Who viewer = s.user("coop-viewer");
        s.api.post("/api/circuits/" + circuit + "/members", owner.token(), "{\"member_id\":\"" + viewer.id()
                + "\",\"role\":\"viewer\"}");
        s.as(owner).patch("/api/circuits/{id}/members/{user_id}", "{\"role\":\"member\"}", circuit, viewer.id());
        s.as(owner).delete("/api/circuits/{id}/members/{user_id}", circuit, viewer.id());

        Scene.Who applicant = s.user("applicant");
        Scene.Who refused = s.user("refused");
        s.as(applicant).post("/api/circuits/{id}/requests", "{\"message\":\"please add me\"}", circuit);
        s.as(applicant).expect(409).post("/api/circuits/{id}/requests", "{}", circuit);
        s.as(refused).post("/api/circuits/{id}/requests", "{\"message\":\"me too\"}", circuit);
        s.as(owner).get("/api/circuits/{id}/requests/pending", circuit);
        s.as(owner).post("/api/circuits/{id}/requests/{requester_id}/approve", "{\"role\":\"viewer\"}", circuit,
                applicant.id());
        s.as(owner).post("/api/circuits/{id}/requests/{requester_id}/reject", "{}", circuit, refused.id());

        s.as(owner).post("/api/circuits/{id}/roles", "{\"role_name\":\"Inspector\",\"permissions\":[\"Pull\","
                + "\"Audit\"],\"description\":\"reads and audits\",\"color\":\"#336699\"}", circuit);
        s.as(owner).expect(400).post("/api/circuits/{id}/roles", "{\"role_name\":\"Pilot\",\"permissions\":"
                + "[\"Fly\"]}", circuit);
        s.as(owner).get("/api/circuits/{id}/roles", circuit);
        s.as(owner).put("/api/circuits/{id}/roles/{role_name}", "{\"description\":\"audits the lots\"}", circuit,
                "Inspector");
        s.api.post("/api/circuits/" + circuit + "/roles", owner.token(), "{\"role_name\":\"Temporary\","
                + "\"permissions\":[\"Pull\"]}");
        s.as(owner).delete("/api/circuits/{id}/roles/{role_name}", circuit, "Temporary");
    }
}
