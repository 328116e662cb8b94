package net.defarm.bootstrap.http.golden;

/** An item's snapshots: for its owner at the root paths, and for anyone once the item is published. */
final class SnapshotSteps implements Scenario.Steps {

    @Override
    public void play(Scene s) {
        Scene.Who grower = s.user("grower");
        String main = s.get("item.main");
        s.as(grower).get("/items/{dfid}/snapshots", main);
        String latest = s.as(grower).get("/items/{dfid}/snapshots/latest", main).body().path("data")
                .path("snapshot_id").asText();
        s.as(grower).get("/items/{dfid}/snapshots/{snapshot_id}", main, latest);
        s.as(grower).get("/items/{dfid}/snapshots/verify", main);
        s.as(s.user("stranger")).expect(404).get("/items/{dfid}/snapshots", main);

        String published = s.get("circuit.item");
        Scene.Who anyone = s.anonymous();
        s.as(anyone).get("/api/public/snapshots/items/{dfid}/snapshots", published);
        s.as(anyone).get("/api/public/snapshots/items/{dfid}/snapshots/latest", published);
        s.as(anyone).get("/api/public/snapshots/items/{dfid}/snapshots/verify", published);
        s.as(anyone).expect(404).get("/api/public/snapshots/items/{dfid}/snapshots", main);
    }
}
