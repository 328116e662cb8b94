package net.defarm.bootstrap.http.golden;

import com.fasterxml.jackson.databind.JsonNode;

/** Merkle roots and proofs of items and circuits, their verification and a sync check; private and public. */
final class MerkleSteps implements Scenario.Steps {

    @Override
    public void play(Scene s) {
        Scene.Who grower = s.user("grower");
        String main = s.get("item.main");
        String event = s.get("event.public");
        String root = s.as(grower).get("/api/merkle/items/{dfid}/merkle-root", main).body().path("data")
                .path("merkle_root").asText();
        JsonNode proof = s.as(grower).get("/api/merkle/items/{dfid}/merkle-proof/{event_id}", main, event).body()
                .path("proof");
        s.as(grower).post("/api/merkle/verify-proof", "{\"proof\":" + proof + ",\"expected_root\":\"" + root + "\"}");
        s.as(grower).post("/api/merkle/verify-proof", "{\"proof\":" + proof + ",\"expected_root\":\""
                + "0".repeat(64) + "\"}");

        Scene.Who owner = s.user("coop-owner");
        String circuit = s.get("circuit.main");
        String item = s.get("circuit.item");
        String circuitRoot = s.as(owner).get("/api/merkle/circuits/{circuit_id}/merkle-root", circuit).body()
                .path("data").path("merkle_root").asText();
        s.as(owner).get("/api/merkle/circuits/{circuit_id}/merkle-proof/{dfid}", circuit, item);
        s.as(owner).post("/api/merkle/circuits/{circuit_id}/sync-check", "{\"local_root\":\"" + circuitRoot
                + "\",\"remote_root\":\"" + circuitRoot + "\"}", circuit);
        s.as(owner).expect(404).get("/api/merkle/circuits/{circuit_id}/merkle-root",
                "00000000-0000-4000-8000-000000000000");

        Scene.Who anyone = s.anonymous();
        String published = s.get("event.published");
        String publicRoot = s.as(anyone).get("/api/public/merkle/items/{dfid}/merkle-root", item).body()
                .path("data").path("merkle_root").asText();
        JsonNode publicProof = s.as(anyone).get("/api/public/merkle/items/{dfid}/merkle-proof/{event_id}", item,
                published).body().path("proof");
        s.as(anyone).post("/api/public/merkle/verify-proof", "{\"proof\":" + publicProof + ",\"expected_root\":\""
                + publicRoot + "\"}");
        s.as(anyone).get("/api/public/merkle/circuits/{circuit_id}/merkle-root", circuit);
        s.as(anyone).get("/api/public/merkle/circuits/{circuit_id}/merkle-proof/{dfid}", circuit, item);
        s.as(anyone).expect(404).get("/api/public/merkle/items/{dfid}/merkle-root", main);
    }
}
