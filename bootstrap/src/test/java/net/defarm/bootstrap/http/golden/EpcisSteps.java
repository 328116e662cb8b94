package net.defarm.bootstrap.http.golden;

/** GS1 EPCIS 2.0: an item's and a circuit's events exported as EPCISDocuments, and a document imported. */
final class EpcisSteps implements Scenario.Steps {

    private static void event(Scene s, Scene.Who who, String dfid, String type, String metadata) {
        s.api.post("/api/events", who.token(), "{\"dfid\":\"" + dfid + "\",\"event_type\":\"" + type
                + "\",\"visibility\":\"public\",\"metadata\":" + metadata + "}");
    }

    @Override
    public void play(Scene s) {
        Scene.Who shipper = s.user("shipper");
        String dfid = s.api.post("/api/items", shipper.token(), "{\"identifiers\":[" + ItemSteps.lote("EPCIS-1")
                + ",{\"key\":\"gtin\",\"value\":\"10614141073464\",\"id_type\":\"Canonical\"}],"
                + "\"enriched_data\":{\"breed\":\"Nelore\"}}").text("dfid");
        event(s, shipper, dfid, "created", "{\"farm\":\"Boa Vista\"}");
        event(s, shipper, dfid, "enriched", "{\"weight_kg\":412.5}");
        String circuit = s.api.post("/api/circuits", shipper.token(), "{\"name\":\"EPCIS Coop\",\"description\":"
                + "\"Exports\"}").text("circuit_id");
        s.api.post("/api/circuits/" + circuit + "/push/" + dfid, shipper.token(), "{}");

        String page = s.as(shipper).get("/api/items/{dfid}/epcis?limit=2", dfid).raw().body();
        s.as(shipper).get("/api/items/{dfid}/epcis", dfid);
        s.as(s.user("stranger")).expect(404).get("/api/items/{dfid}/epcis", dfid);
        s.as(shipper).get("/api/circuits/{id}/epcis", circuit);
        s.as(s.user("stranger")).expect(404).get("/api/circuits/{id}/epcis", circuit);

        String copy = s.api.post("/api/items", shipper.token(), "{\"identifiers\":[" + ItemSteps.lote("EPCIS-2")
                + "]}").text("dfid");
        s.as(shipper).post("/api/events/epcis?dfid={dfid}", page, copy);
        s.as(shipper).post("/api/events/epcis?dfid={dfid}", page, copy);
        s.as(shipper).expect(400).post("/api/events/epcis", page.replace("\"2.0\"", "\"1.2\""));
    }
}
