package net.defarm.bootstrap.http.golden;

/** Items and events moving through circuits: pushes, pulls, operations, approvals, the circuit's items. */
final class CircuitTrafficSteps implements Scenario.Steps {

    private static String item(Scene s, Scene.Who who, String lote) {
        return s.api.post("/api/items", who.token(), "{\"identifiers\":[" + ItemSteps.lote(lote)
                + "],\"enriched_data\":{\"origin\":\"" + lote + "\"}}").text("dfid");
    }

    @Override
    public void play(Scene s) {
        Scene.Who owner = s.user("coop-owner");
        Scene.Who member = s.user("coop-member");
        String circuit = s.get("circuit.main");

        String pushed = item(s, owner, "COOP-1");
        s.put("circuit.item", pushed);
        s.as(owner).post("/api/circuits/{id}/push/{dfid}", "{}", circuit, pushed);
        s.as(s.user("stranger")).expect(404).post("/api/circuits/{id}/push/{dfid}", "{}", circuit, pushed);
        String batched = item(s, owner, "COOP-2");
        s.as(owner).post("/api/circuits/{id}/push/batch", "{\"items\":[{\"dfid\":\"" + batched
                + "\"},{\"dfid\":\"DFID-20250101-999999-ZZZ\"}]}", circuit);
        s.as(member).post("/api/circuits/{id}/push-local", "{\"local_id\":\"11111111-2222-4333-8444-555555555555\","
                + "\"identifiers\":[" + LocalItemSteps.sisbov("BR100000000009") + "],\"enriched_data\":"
                + "{\"weight\":\"380kg\"}}", circuit);
        String localEvent = s.api.post("/api/events/local", owner.token(), "{\"event_type\":\"updated\","
                + "\"visibility\":\"public\",\"metadata\":{\"note\":\"weighed at the coop\"}}").text("local_event_id");
        s.as(owner).post("/api/circuits/{id}/push-events", "{\"dfid\":\"" + pushed + "\",\"local_event_ids\":[\""
                + localEvent + "\"]}", circuit);
        // A pull takes the item out of the circuit.
        s.as(member).post("/api/circuits/{id}/pull/{dfid}", "{}", circuit, batched);
        s.as(owner).get("/api/circuits/{id}/operations", circuit);
        s.as(owner).get("/api/circuits/{id}/items", circuit);
        s.as(owner).get("/api/circuits/{id}/activities?limit=3", circuit);

        String gated = s.api.post("/api/circuits", owner.token(), "{\"name\":\"Gated\",\"description\":"
                + "\"every push waits\"}").text("circuit_id");
        s.api.post("/api/circuits/" + gated + "/members", owner.token(), "{\"member_id\":\"" + member.id()
                + "\",\"role\":\"member\"}");
        s.api.put("/api/circuits/" + gated, owner.token(), "{\"permissions\":{\"require_approval_for_push\":true}}");
        String[] waiting = new String[4];
        for (int i = 0; i < waiting.length; i++) {
            waiting[i] = s.api.post("/api/circuits/" + gated + "/push/" + item(s, member, "GATED-" + i),
                    member.token(), "{}").text("operation_id");
        }
        s.as(owner).get("/api/circuits/{id}/operations/pending", gated);
        s.as(owner).get("/api/circuits/{id}/pending-items", gated);
        s.as(owner).post("/api/circuits/{id}/pending-items/{pending_id}/approve", "{}", gated, waiting[0]);
        s.as(owner).post("/api/circuits/{id}/pending-items/{pending_id}/reject", "{\"reason\":\"wrong lot\"}",
                gated, waiting[1]);
        s.as(owner).post("/api/circuits/operations/{operation_id}/approve", "{}", waiting[2]);
        s.as(owner).expect(409).post("/api/circuits/operations/{operation_id}/approve", "{}", waiting[2]);
        s.as(owner).post("/api/circuits/operations/{operation_id}/reject", "{\"reason\":\"duplicate\"}",
                waiting[3]);
        s.as(member).expect(403).post("/api/circuits/operations/{operation_id}/reject", "{}", waiting[3]);
    }
}
