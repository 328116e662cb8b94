package net.defarm.bootstrap.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.defarm.adapters.postgres.PostgresStorage;
import net.defarm.adapters.postgres.TestDatabase;
import net.defarm.application.evidence.AnchorTargets;
import net.defarm.application.storage.StoragePorts;
import net.defarm.bootstrap.http.ApiClient;
import net.defarm.bootstrap.http.ApiClient.Response;
import net.defarm.bootstrap.support.ServiceProcess;
import net.defarm.bootstrap.support.WebhookReceiver;
import net.defarm.domain.evidence.Cid;
import net.defarm.domain.evidence.LedgerEntry;
import org.junit.jupiter.api.Test;

/**
 * A push into a circuit that stores on the Stellar testnet stand-in survives a SIGKILL of the instance that took
 * it, before the upload and while the upload is in flight: the restarted service stores and anchors the item's
 * state exactly once (one storage record, one ledger entry, one settled message) and the ledger verifies.
 */
class AnchorKillTest {

    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration DEADLINE = Duration.ofSeconds(120);
    /** Where the Kubo RPC client posts an upload. */
    private static final String ADD = "/api/v0/add";

    private static Map<String, String> env(TestDatabase database, boolean dispatcher) {
        Map<String, String> env = ServiceProcess.postgresEnv(database);
        env.put("DELIVERY_DISPATCHER_ENABLED", Boolean.toString(dispatcher));
        env.put("DELIVERY_POLL_INTERVAL_MS", "50");
        // A short lease, so that a message whose dispatcher was killed is taken over soon after the restart.
        env.put("DELIVERY_LEASE_SECONDS", "8");
        env.put("WEBHOOK_CONNECT_TIMEOUT_MS", "500");
        env.put("WEBHOOK_READ_TIMEOUT_MS", "3000");
        return env;
    }

    /** An item pushed by its owner (whose token this holds). */
    private record Pushed(String token, String dfid) {
    }

    /** An item pushed into a new circuit with the Stellar testnet adapter, by a Professional user. */
    private static Pushed pushIntoAnchoredCircuit(ApiClient api, TestDatabase database) {
        ApiClient.User owner = api.newUser("anchor-kill");
        // The Stellar testnet adapter needs the Professional tier (granted here as an administrator would).
        database.execute("UPDATE user_accounts SET tier = 'Professional' WHERE user_id = '" + owner.id() + "'");
        String circuit = ok(api.post("/api/circuits", owner.token(), "{\"name\":\"Anchored\",\"description\":"
                + "\"d\"}")).text("circuit_id");
        ok(api.put("/api/circuits/" + circuit + "/adapter", owner.token(), "{\"adapter_type\":"
                + "\"stellar_testnet-ipfs\",\"sponsor_adapter_access\":true}"));
        String dfid = ok(api.post("/api/items", owner.token(), "{\"identifiers\":[{\"key\":\"lote\",\"value\":\"K-"
                + UUID.randomUUID() + "\"}]}")).text("dfid");
        ok(api.post("/api/circuits/" + circuit + "/push/" + dfid, owner.token(), "{}"));
        return new Pushed(owner.token(), dfid);
    }

    private static Response ok(Response r) {
        assertEquals(200, r.status(), r.body().toString());
        return r;
    }

    private static long anchorMessages(TestDatabase database, String status) {
        return database.count("SELECT count(*) FROM outbox_messages WHERE topic = 'anchor' AND status = '"
                + status + "'");
    }

    /** Polls until the anchor message is settled as delivered (after its record committed). */
    private static void awaitDelivered(TestDatabase database) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (anchorMessages(database, "Delivered") < 1) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the anchor message was not delivered within " + DEADLINE + "; "
                        + anchorMessages(database, "InProgress") + " in progress, "
                        + anchorMessages(database, "Retrying") + " retrying");
            }
            Thread.sleep(100);
        }
    }

    /** Exactly one record and one ledger entry for {@code dfid}, the one naming the other; the chain verifies. */
    private static void assertStoredAndAnchoredOnce(TestDatabase database, ApiClient api, Pushed pushed) {
        String dfid = pushed.dfid();
        assertEquals(1, database.count("SELECT count(*) FROM storage_records WHERE dfid = '" + dfid + "'"),
                "one storage record");
        assertEquals(1, database.count("SELECT count(*) FROM outbox_messages WHERE topic = 'anchor'"));
        assertEquals(1, database.count("SELECT count(*) FROM outbox_attempts a JOIN outbox_messages m "
                + "ON m.message_id = a.message_id WHERE m.topic = 'anchor'"), "one settled attempt");
        try (PostgresStorage storage = PostgresStorage.open(database.settings(2))) {
            StoragePorts ports = storage.ports();
            List<LedgerEntry> anchored = ports.ledger().entries(AnchorTargets.STELLAR_TESTNET, 0, 1000).stream()
                    .filter(e -> dfid.equals(e.dfid())).toList();
            assertEquals(1, anchored.size(), "anchored exactly once");
            assertTrue(ports.ledger().verify(AnchorTargets.STELLAR_TESTNET).intact(), "the ledger verifies");
            var record = ports.storageHistory().latest(dfid).orElseThrow();
            assertEquals(1, record.timelineSequence());
            assertEquals(anchored.getFirst().entryHash(), record.transactionHash());
            assertEquals(record.cid(), anchored.getFirst().anchoredCid());
            byte[] state = ports.contents().get(record.cid()).orElseThrow();
            assertTrue(new String(state, StandardCharsets.UTF_8).contains(dfid), "the stored state names the item");
            assertEquals(Cid.of(state), record.cid());

            // The restarted service shows the one record it stored.
            JsonNode shown = ok(api.get("/api/items/" + dfid + "/storage-history", pushed.token())).body();
            assertEquals(1, shown.path("total_records").asInt(), shown.toString());
            assertEquals(record.cid().value(), shown.path("records").get(0).path("ipfs_cid").asText());
            assertEquals(record.transactionHash(), shown.path("records").get(0).path("ipcm_update_tx").asText());
        }
    }

    @Test
    void aPushKilledBeforeItsUploadIsStoredAndAnchoredOnceAfterTheRestart() throws Exception {
        try (TestDatabase database = TestDatabase.create()) {
            Pushed pushed;
            try (ServiceProcess first = ServiceProcess.start(env(database, false), START)) {
                pushed = pushIntoAnchoredCircuit(new ApiClient(first.port()), database);
                first.kill();
            }
            assertEquals(1, anchorMessages(database, "Pending"), "the upload waits in the outbox");
            assertEquals(0, database.count("SELECT count(*) FROM storage_records"));

            try (ServiceProcess second = ServiceProcess.start(env(database, true), START)) {
                awaitDelivered(database);
                assertStoredAndAnchoredOnce(database, new ApiClient(second.port()), pushed);
            }
        }
    }

    @Test
    void aPushKilledWhileItsUploadIsInFlightIsStoredAndAnchoredOnceAfterTheRestart() throws Exception {
        try (TestDatabase database = TestDatabase.create(); WebhookReceiver node = new WebhookReceiver()) {
            // The first instance uploads to an IPFS node that holds the request: the kill comes mid-upload.
            node.delay(Duration.ofSeconds(90));
            Map<String, String> uploading = env(database, true);
            uploading.put("CONTENT_STORE", "ipfs");
            uploading.put("IPFS_API_URL", node.url("/"));
            Pushed pushed;
            try (ServiceProcess first = ServiceProcess.start(uploading, START)) {
                pushed = pushIntoAnchoredCircuit(new ApiClient(first.port()), database);
                node.await(ADD, r -> r.size() == 1, DEADLINE);
                first.kill();
            }
            assertEquals(1, anchorMessages(database, "InProgress"), "claimed, never settled");
            assertEquals(0, database.count("SELECT count(*) FROM storage_records"));
            assertEquals(0, database.count("SELECT count(*) FROM ledger_entries"));

            // Restarted on the database's own content store: the message is taken over once its lease expires.
            try (ServiceProcess second = ServiceProcess.start(env(database, true), START)) {
                awaitDelivered(database);
                assertStoredAndAnchoredOnce(database, new ApiClient(second.port()), pushed);
            }
            assertEquals(1, node.at(ADD).size(), "the held upload was not repeated against the old node");
        }
    }
}
