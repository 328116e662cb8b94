package net.defarm.bootstrap.http.golden;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Storage history and the CID timeline: an item pushed into a circuit that stores on the Stellar testnet stand-in,
 * its state stored and anchored by the outbox, read back; a primary location, a migration to plain IPFS; the
 * caller's statistics, the ledger head, and the public read of the published item (stored through the main
 * circuit's IPFS adapter). CIDs name item states, whose ids and times change per run: the steps name them.
 */
final class StorageHistorySteps implements Scenario.Steps {

    @Override
    public void play(Scene s) {
        Scene.Who keeper = s.user("anchorer");
        // The Stellar testnet adapter needs the Professional tier, which only an administrator grants.
        s.api.put("/api/admin/users/" + keeper.id(), s.administrator("adapter-admin").token(),
                "{\"tier\":\"Professional\"}");
        String circuit = s.api.post("/api/circuits", keeper.token(), "{\"name\":\"Anchored\",\"description\":"
                + "\"States on the ledger\"}").text("circuit_id");
        s.api.put("/api/circuits/" + circuit + "/adapter", keeper.token(), "{\"adapter_type\":"
                + "\"stellar_testnet-ipfs\",\"sponsor_adapter_access\":true}");
        String dfid = s.api.post("/api/items", keeper.token(), "{\"identifiers\":[" + ItemSteps.lote("ANCHOR-1")
                + "],\"enriched_data\":{\"breed\":\"Angus\"}}").text("dfid");
        s.api.post("/api/circuits/" + circuit + "/push/" + dfid, keeper.token(), "{}");
        s.dispatchOutbox();

        JsonNode record = s.as(keeper).get("/api/items/{dfid}/storage-history", dfid).body().path("records").get(0);
        String cid = record.path("ipfs_cid").asText();
        s.alias(cid, "<cid:anchored>");
        s.as(s.user("stranger")).expect(404).get("/api/items/{dfid}/storage-history", dfid);
        s.as(keeper).get("/api/storage-history/{dfid}", dfid);
        s.as(keeper).get("/api/storage-history/{dfid}/locations", dfid);
        s.as(keeper).get("/api/items/{dfid}/timeline", dfid);
        s.as(keeper).get("/api/items/{dfid}/timeline/{sequence}", dfid, "1");
        s.as(keeper).expect(404).get("/api/items/{dfid}/timeline/{sequence}", dfid, "2");
        s.as(keeper).get("/api/timeline/indexing-progress/{network}", "stellar-testnet");
        s.as(keeper).expect(400).get("/api/timeline/indexing-progress/{network}", "ethereum");

        s.as(keeper).post("/api/storage-history/{dfid}/primary", "{\"storage_location\":{\"IPFS\":{\"cid\":\""
                + cid + "\",\"pinned\":true}}}", dfid);
        s.as(keeper).expect(400).post("/api/storage-history/{dfid}/primary", "{\"storage_location\":"
                + "{\"Floppy\":{}}}", dfid);
        s.as(keeper).post("/api/storage-history/{dfid}/migrate", "{\"target_adapter_type\":\"ipfs-ipfs\","
                + "\"circuit_id\":\"" + circuit + "\"}", dfid);
        s.as(keeper).expect(400).post("/api/storage-history/{dfid}/migrate", "{\"target_adapter_type\":"
                + "\"polygon-arweave\",\"circuit_id\":\"" + circuit + "\"}", dfid);
        s.dispatchOutbox();
        s.as(keeper).get("/api/storage-history/{dfid}", dfid);
        s.as(keeper).get("/api/storage-history/statistics");

        String published = s.get("circuit.item");
        JsonNode shown = s.as(s.anonymous()).get("/api/public/storage-history/{dfid}", published).body();
        s.alias(shown.path("data").path("storage_records").get(0).path("metadata").path("ipfs_cid").asText(),
                "<cid:published>");
        s.as(s.anonymous()).expect(404).get("/api/public/storage-history/{dfid}", dfid);
    }
}
