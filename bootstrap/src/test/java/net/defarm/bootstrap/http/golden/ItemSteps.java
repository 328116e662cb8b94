package net.defarm.bootstrap.http.golden;

import com.fasterxml.jackson.databind.JsonNode;

/** Items under their DFIDs: create (one and in batch), list, search, stats, read, change, merge, split, retire. */
final class ItemSteps implements Scenario.Steps {

    static String lote(String value) {
        return "{\"key\":\"lote\",\"value\":\"" + value + "\"}";
    }

    @Override
    public void play(Scene s) {
        Scene.Who grower = s.user("grower");
        String main = s.as(grower).post("/api/items", "{\"identifiers\":[" + lote("GOLD-1") + "," + lote("GOLD-1B")
                + "],\"enriched_data\":{\"breed\":\"Nelore\",\"weight_kg\":450}}").text("dfid");
        s.put("item.main", main);
        s.as(grower).expect(400).post("/api/items", "{\"identifiers\":[{\"key\":\"lote\"}]}");
        String second = s.as(grower).post("/api/items", "{\"identifiers\":[" + lote("GOLD-2")
                + "],\"enriched_data\":{\"pasture\":\"north\"}}").text("dfid");
        JsonNode batch = s.as(grower).post("/api/items/batch", "{\"items\":[{\"identifiers\":[" + lote("GOLD-3")
                + "]},{\"identifiers\":[" + lote("GOLD-4") + "],\"enriched_data\":{\"sex\":\"F\"}}]}").body();
        String third = batch.findValuesAsText("dfid").get(0);
        String fourth = batch.findValuesAsText("dfid").get(1);

        s.as(grower).get("/api/items?limit=2");
        s.as(grower).get("/api/items/search?identifier_key=lote&identifier_value=GOLD-2");
        s.as(grower).get("/api/items/stats");
        s.as(grower).get("/api/items/{dfid}", main);
        s.as(s.user("stranger")).expect(404).get("/api/items/{dfid}", main);
        s.as(grower).get("/api/items/identifier/{key}/{value}", "lote", "GOLD-1");
        s.as(grower).put("/api/items/{dfid}", "{\"enriched_data\":{\"vaccinated\":true}}", main);

        s.as(grower).post("/api/items/{dfid}/merge", "{\"secondary_dfid\":\"" + second + "\"}", main);
        s.as(grower).expect(400).post("/api/items/{dfid}/merge", "{\"secondary_dfid\":\"" + main + "\"}", main);
        s.as(grower).post("/api/items/{dfid}/split", "{\"identifiers_for_new_item\":[" + lote("GOLD-1B") + "]}",
                main);
        s.as(grower).expect(400).post("/api/items/{dfid}/split", "{\"identifiers_for_new_item\":["
                + lote("NOT-ON-IT") + "]}", main);
        s.as(grower).put("/api/items/{dfid}/deprecate", "{}", third);
        s.as(grower).delete("/api/items/{dfid}", fourth);
    }
}
