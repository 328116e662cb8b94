package net.defarm.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;
import net.defarm.application.evidence.AnchorTargets;
import net.defarm.application.storage.StoragePorts;
import net.defarm.bootstrap.ServiceSettings;
import net.defarm.bootstrap.http.ApiClient.Response;
import net.defarm.bootstrap.http.ApiClient.User;
import net.defarm.domain.evidence.Cid;
import net.defarm.domain.identity.UserAccount;
import net.defarm.domain.identity.UserTier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Journey J13 end to end: a circuit with a storage adapter, a push, the dispatcher storing and anchoring the item's
 * state, and the storage history, timeline and ledger head read back; who may read them; primary and migration.
 */
public abstract class StorageHistoryHttpTests extends RunningService {

    private static final Duration DEADLINE = Duration.ofSeconds(90);
    /** A personal identifier: never part of a stored state document. */
    private static final String CPF = "529.982.247-25";

    private User owner;
    private User member;
    private User outsider;

    @Override
    protected ServiceSettings adjust(ServiceSettings settings) {
        return settings.withDelivery(settings.delivery().withDispatcher(true, Duration.ofMillis(50)));
    }

    @BeforeAll
    void users() {
        owner = professional(service.storage(), api.newUser("j13"));
        member = api.newUser("member");
        outsider = api.newUser("outsider");
    }

    /** Professional tier: allowed to configure the Stellar testnet adapter. */
    static User professional(StoragePorts store, User user) {
        UserAccount a = store.users().findById(user.id()).orElseThrow();
        store.unitOfWork().inTransaction(() -> store.users().update(new UserAccount(a.userId(), a.username(),
                a.email(), a.passwordHash(), UserTier.PROFESSIONAL, a.status(), a.credits(), a.createdAt(),
                a.updatedAt(), a.lastLogin(), a.admin(), a.workspaceId(), a.availableAdapters(), a.version())));
        return user;
    }

    /** Polls {@code path} until {@code done} holds: the dispatcher runs beside the request. */
    private JsonNode await(String path, User who, Predicate<JsonNode> done) {
        Instant deadline = Instant.now().plus(DEADLINE);
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            last = ok(api.get(path, who.token())).body();
            if (done.test(last)) {
                return last;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("not reached within " + DEADLINE + ": " + last);
    }

    private String pushLocal(User who, String circuit) {
        return pushLocal(who, circuit, "");
    }

    private String pushLocal(User who, String circuit, String moreIdentifiers) {
        Response local = ok(api.post("/api/items/local", who.token(), "{\"identifiers\":[" + sisbov(randomSisbov())
                + moreIdentifiers + "],\"enriched_data\":{\"peso\":\"450kg\"}}"));
        String lid = local.body().path("data").path("local_id").asText();
        return ok(api.post("/api/circuits/" + circuit + "/push-local", who.token(), "{\"local_id\":\"" + lid
                + "\"}")).body().path("data").path("dfid").asText();
    }

    @Test
    void j13_aPushIsStoredAnchoredAndReadBack() throws Exception {
        String circuit = newCircuit(owner, "J13", "Anchored lots");
        addMember(owner, circuit, member, "member");
        Response adapter = ok(api.put("/api/circuits/" + circuit + "/adapter", owner.token(),
                "{\"adapter_type\":\"stellar_testnet-ipfs\",\"sponsor_adapter_access\":true}"));
        assertEquals("stellar_testnet-ipfs", adapter.text("adapter_type"),
                adapter.body().toString());
        String basicCircuit = newCircuit(outsider, "Basic", "No Stellar");
        assertEquals(403, api.put("/api/circuits/" + basicCircuit + "/adapter", outsider.token(),
                "{\"adapter_type\":\"stellar_testnet-ipfs\"}").status());

        String dfid = pushLocal(owner, circuit, ",{\"namespace\":\"generic\",\"key\":\"cpf\",\"value\":\"" + CPF
                + "\",\"id_type\":\"Contextual\"}");
        JsonNode history = await("/api/items/" + dfid + "/storage-history", owner,
                b -> b.path("records").size() == 1);
        JsonNode record = history.path("records").get(0);
        assertEquals("stellar_testnet-ipfs", record.path("adapter_type").asText());
        assertEquals(AnchorTargets.STELLAR_TESTNET, record.path("network").asText());
        assertEquals("circuit_push", record.path("operation_type").asText());
        assertEquals(owner.id(), record.path("triggered_by").asText());
        assertTrue(record.path("is_active").asBoolean());
        String cid = record.path("ipfs_cid").asText();
        String tx = record.path("ipcm_update_tx").asText();
        assertTrue(cid.startsWith("bafkrei"), cid);
        assertEquals(64, tx.length());

        // The stored document is the item's state, under its CID, and names the item.
        byte[] stored = service.storage().contents().get(Cid.parse(cid)).orElseThrow();
        JsonNode state = new ObjectMapper().readTree(stored);
        assertEquals(dfid, state.path("dfid").asText());
        assertEquals(circuit, state.path("circuit_id").asText());
        assertTrue(state.path("events").size() >= 1, state.toString());
        assertEquals(1, state.path("identifiers").size(), state.toString());
        assertEquals("sisbov", state.path("identifiers").get(0).path("key").asText());
        String text = new String(stored, java.nio.charset.StandardCharsets.UTF_8);
        assertFalse(text.contains(CPF) || text.contains("52998224725"), "no personal identifier leaves: " + text);

        JsonNode detailed = ok(api.get("/api/storage-history/" + dfid, member.token())).body().path("data");
        JsonNode stellar = detailed.path("storage_records").get(0).path("storage_location").path("Stellar");
        assertEquals(tx, stellar.path("transaction_id").asText());
        assertEquals(cid, detailed.path("storage_records").get(0).path("metadata").path("ipfs_cid").asText());
        assertEquals(tx, detailed.path("current_primary").path("Stellar").path("transaction_id").asText());
        JsonNode locations = ok(api.get("/api/storage-history/" + dfid + "/locations", owner.token())).body();
        assertEquals(2, locations.path("count").asInt());

        JsonNode timeline = ok(api.get("/api/items/" + dfid + "/timeline", owner.token())).body();
        assertEquals(1, timeline.path("total_entries").asInt());
        JsonNode entry = timeline.path("timeline").get(0);
        assertEquals(1, entry.path("sequence").asInt());
        assertEquals(cid, entry.path("cid").asText());
        assertEquals(tx, entry.path("transaction_hash").asText());
        assertEquals(entry, ok(api.get("/api/items/" + dfid + "/timeline/1", member.token())).body());
        assertError(api.get("/api/items/" + dfid + "/timeline/2", owner.token()), 404, "TIMELINE_ENTRY_NOT_FOUND");
        assertError(api.get("/api/items/" + dfid + "/timeline/first", owner.token()), 400, "INVALID_SEQUENCE");

        JsonNode progress = ok(api.get("/api/timeline/indexing-progress/stellar-testnet", outsider.token())).body();
        var head = service.storage().ledger().head(AnchorTargets.STELLAR_TESTNET).orElseThrow();
        assertEquals(head.sequence(), progress.path("last_indexed_ledger").asLong());
        assertEquals(head.entryHash(), progress.path("last_entry_hash").asText());
        assertEquals(head.sequence(), progress.path("total_events_indexed").asLong());
        assertError(api.get("/api/timeline/indexing-progress/ethereum", owner.token()), 400, "INVALID_NETWORK");
        assertTrue(service.storage().ledger().verify(AnchorTargets.STELLAR_TESTNET).intact());
        assertEquals(1, service.storage().ledger().entries(AnchorTargets.STELLAR_TESTNET, 0, 10_000).stream()
                .filter(e -> dfid.equals(e.dfid())).count(), "anchored exactly once");

        // Someone who may not read the item learns nothing, not even that it has a history.
        assertError(api.get("/api/items/" + dfid + "/storage-history", outsider.token()), 404, "ITEM_NOT_FOUND");
        assertError(api.get("/api/storage-history/" + dfid, outsider.token()), 404, "ITEM_NOT_FOUND");
        assertError(api.get("/api/items/" + dfid + "/timeline", outsider.token()), 404, "ITEM_NOT_FOUND");
        assertError(api.get("/api/items/" + dfid + "/timeline/1", outsider.token()), 404, "ITEM_NOT_FOUND");
        assertError(api.get("/api/public/storage-history/" + dfid, null), 404, "ITEM_NOT_PUBLIC");
        JsonNode theirs = ok(api.get("/api/storage-history/statistics", outsider.token())).body().path("statistics");
        assertEquals(0, theirs.path("total_items_tracked").asInt());
        JsonNode mine = ok(api.get("/api/storage-history/statistics", owner.token())).body().path("statistics");
        assertTrue(mine.path("total_items_tracked").asInt() >= 1, mine.toString());
        assertTrue(mine.path("adapter_distribution").path("stellar_testnet-ipfs").asInt() >= 1, mine.toString());
    }

    @Test
    void theOwnerMarksAPrimaryAndMigratesTheLatestState() {
        String circuit = newCircuit(owner, "J13 migrate", "Anchored lots");
        addMember(owner, circuit, member, "member");
        ok(api.put("/api/circuits/" + circuit + "/adapter", owner.token(),
                "{\"adapter_type\":\"stellar_testnet-ipfs\",\"sponsor_adapter_access\":true}"));
        String dfid = pushLocal(owner, circuit);
        JsonNode first = await("/api/items/" + dfid + "/storage-history", owner, b -> b.path("records").size() == 1)
                .path("records").get(0);
        String cid = first.path("ipfs_cid").asText();

        String ipfs = "{\"storage_location\":{\"IPFS\":{\"cid\":\"" + cid + "\",\"pinned\":true}}}";
        assertError(api.post("/api/storage-history/" + dfid + "/primary", member.token(), ipfs), 403,
                "NOT_ITEM_OWNER");
        assertError(api.post("/api/storage-history/" + dfid + "/primary", owner.token(),
                "{\"storage_location\":{\"IPFS\":{\"cid\":\"bafkreinothere\"}}}"), 404, "STORAGE_LOCATION_NOT_FOUND");
        assertError(api.post("/api/storage-history/" + dfid + "/primary", owner.token(),
                "{\"storage_location\":{\"Floppy\":{}}}"), 400, "INVALID_STORAGE_LOCATION");
        JsonNode primary = ok(api.post("/api/storage-history/" + dfid + "/primary", owner.token(), ipfs)).body();
        assertEquals(1, primary.path("timeline_sequence").asInt());
        JsonNode detailed = ok(api.get("/api/storage-history/" + dfid, owner.token())).body().path("data");
        assertTrue(detailed.path("storage_records").get(0).path("is_primary").asBoolean());

        String body = "{\"target_adapter_type\":\"ipfs-ipfs\",\"circuit_id\":\"" + circuit + "\"}";
        assertError(api.post("/api/storage-history/" + dfid + "/migrate", owner.token(),
                "{\"target_adapter_type\":\"ipfs-ipfs\",\"circuit_id\":\"" + circuit + "\",\"user_id\":\""
                        + member.id() + "\"}"), 403, "ACTOR_MISMATCH");
        assertError(api.post("/api/storage-history/" + dfid + "/migrate", owner.token(),
                "{\"target_adapter_type\":\"polygon-arweave\",\"circuit_id\":\"" + circuit + "\"}"), 400,
                "ADAPTER_NOT_SUPPORTED");
        assertError(api.post("/api/storage-history/" + dfid + "/migrate", outsider.token(), body), 404,
                "ITEM_NOT_FOUND");
        Response queued = api.post("/api/storage-history/" + dfid + "/migrate", owner.token(), body);
        assertEquals(202, queued.status(), queued.body().toString());
        assertEquals(cid, queued.text("source_cid"));
        JsonNode both = await("/api/items/" + dfid + "/storage-history", owner, b -> b.path("records").size() == 2);
        JsonNode migrated = both.path("records").get(1);
        assertEquals("migration", migrated.path("operation_type").asText());
        assertEquals("ipfs-ipfs", migrated.path("adapter_type").asText());
        assertEquals(cid, migrated.path("ipfs_cid").asText(), "the same state, copied");
        JsonNode stats = ok(api.get("/api/storage-history/statistics", owner.token())).body().path("statistics");
        assertTrue(stats.path("migration_count").asInt() >= 1, stats.toString());
        assertEquals(UUID.fromString(queued.text("message_id")).toString(), queued.text("message_id"));
    }
}
