package net.defarm.bootstrap.http.golden;

/**
 * An item's snapshots: for its owner at the root paths, and for anyone once the item is published. A circuit's
 * snapshots, for its members.
 */
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
        circuitChain(s);
    }

    /**
     * A circuit of its own (created, then described anew), so that other steps do not lengthen its chain. It has
     * one member: a state lists members by user id, and random ids would order two members differently per run.
     */
    private static void circuitChain(Scene s) {
        Scene.Who keeper = s.user("archivist");
        String circuit = s.api.post("/api/circuits", keeper.token(), "{\"name\":\"Archive\",\"description\":"
                + "\"Snapshots\"}").text("circuit_id");
        s.api.put("/api/circuits/" + circuit, keeper.token(), "{\"description\":\"Snapshots, 2025\"}");
        s.as(keeper).get("/circuits/{circuit_id}/snapshots", circuit);
        String latest = s.as(keeper).get("/circuits/{circuit_id}/snapshots/latest", circuit).body().path("data")
                .path("snapshot_id").asText();
        s.as(keeper).get("/circuits/{circuit_id}/snapshots/{snapshot_id}", circuit, latest);
        s.as(s.user("stranger")).expect(404).get("/circuits/{circuit_id}/snapshots", circuit);
    }
}
