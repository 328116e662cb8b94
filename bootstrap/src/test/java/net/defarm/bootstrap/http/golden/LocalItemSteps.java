package net.defarm.bootstrap.http.golden;

/** Items known only to their owner by a local id: duplicates, organising, merging and unmerging, the mapping. */
final class LocalItemSteps implements Scenario.Steps {

    /** A canonical SISBOV identifier, which makes two local items with the same number duplicates. */
    static String sisbov(String value) {
        return "{\"namespace\":\"bovino\",\"key\":\"sisbov\",\"value\":\"" + value + "\",\"id_type\":\"Canonical\"}";
    }

    private static String local(Scene s, Scene.Who who, String body) {
        return s.as(who).post("/api/items/local", body).body().path("data").path("local_id").asText();
    }

    @Override
    public void play(Scene s) {
        Scene.Who keeper = s.user("keeper");
        String first = local(s, keeper, "{\"identifiers\":[" + sisbov("BR100000000001")
                + "],\"enriched_data\":{\"weight\":\"450kg\"}}");
        String twin = local(s, keeper, "{\"identifiers\":[" + sisbov("BR100000000001")
                + "],\"enriched_data\":{\"breed\":\"Nelore\"}}");
        String other = local(s, keeper, "{\"identifiers\":[" + sisbov("BR100000000002") + "]}");
        s.put("local.item", other);

        s.as(keeper).get("/api/items/local/duplicates");
        s.as(keeper).post("/api/items/local/organize", "{\"action\":\"deduplicate\",\"dry_run\":true,"
                + "\"merge_strategy\":\"append\"}");
        s.as(keeper).expect(400).post("/api/items/local/organize", "{\"action\":\"nuke\"}");
        s.as(keeper).post("/api/items/local/merge", "{\"master_lid\":\"" + first + "\",\"merge_lids\":[\"" + twin
                + "\"],\"merge_strategy\":\"keep_first\"}");
        s.as(keeper).post("/api/items/local/unmerge", "{\"merged_lid\":\"" + twin + "\"}");
        s.as(keeper).get("/api/items/mapping/{local_id}", first);
        s.as(s.user("stranger")).expect(404).get("/api/items/mapping/{local_id}", first);
    }
}
