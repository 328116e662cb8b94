package net.defarm.bootstrap.http.golden;

/** Items held back for review, and resolving them. */
final class PendingItemSteps implements Scenario.Steps {

    @Override
    public void play(Scene s) {
        Scene.Who reviewer = s.user("reviewer");
        // An empty data key holds the submission as a pending item: the create answers with its refusal.
        s.as(reviewer).expect(400).post("/api/items", "{\"identifiers\":[" + ItemSteps.lote("HELD-1")
                + "],\"enriched_data\":{\"\":\"blank key\"}}");
        String held = s.as(reviewer).get("/api/items/pending").body().path(0).path("id").asText();
        s.as(reviewer).get("/api/items/pending/{id}", held);
        s.as(reviewer).post("/api/items/pending/{id}/resolve", "{\"action\":\"modify\",\"new_enriched_data\":"
                + "{\"weight\":\"450kg\"}}", held);
        s.as(reviewer).post("/api/items/pending/{id}/resolve", "{\"action\":\"approve\"}", held);
        s.as(reviewer).expect(400).post("/api/items/pending/{id}/resolve", "{\"action\":\"explode\"}", held);
    }
}
