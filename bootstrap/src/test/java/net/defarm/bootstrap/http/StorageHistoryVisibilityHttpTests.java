package net.defarm.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.defarm.bootstrap.ServiceSettings;
import net.defarm.bootstrap.http.ApiClient.Response;
import net.defarm.bootstrap.http.ApiClient.User;
import org.junit.jupiter.api.Test;

/**
 * An item stored by two circuits, one public that publishes it and one private: the public and a member of the public
 * circuit see only the public circuit's records, a member of the private one sees both; none of them sees who caused
 * a record; the owner sees everything.
 */
public abstract class StorageHistoryVisibilityHttpTests extends RunningService {

    private static final Duration DEADLINE = Duration.ofSeconds(90);

    @Override
    protected ServiceSettings adjust(ServiceSettings settings) {
        return settings.withDelivery(settings.delivery().withDispatcher(true, Duration.ofMillis(50)));
    }

    private String storingCircuit(User owner, String name) {
        String circuit = newCircuit(owner, name, "Stored lots");
        ok(api.put("/api/circuits/" + circuit + "/adapter", owner.token(),
                "{\"adapter_type\":\"stellar_testnet-ipfs\",\"sponsor_adapter_access\":true}"));
        return circuit;
    }

    private JsonNode awaitRecords(String dfid, User owner, int count) {
        Instant deadline = Instant.now().plus(DEADLINE);
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            last = ok(api.get("/api/storage-history/" + dfid, owner.token())).body().path("data");
            if (last.path("storage_records").size() == count) {
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

    private static List<String> circuits(JsonNode records) {
        List<String> out = new ArrayList<>();
        records.forEach(r -> out.add(r.path("circuit_id").asText()));
        return out;
    }

    @Test
    void aPublicCircuitShowsOnlyItsOwnRecordsAndNobodyButTheOwnerSeesWhoPushed() {
        User owner = StorageHistoryHttpTests.professional(service.storage(), api.newUser("vis-owner"));
        User publicMember = api.newUser("vis-public-member");
        User privateMember = api.newUser("vis-private-member");
        User outsider = api.newUser("vis-outsider");
        String open = storingCircuit(owner, "Open");
        String closed = storingCircuit(owner, "Closed");
        addMember(owner, open, publicMember, "member");
        addMember(owner, closed, privateMember, "member");
        String lid = ok(api.post("/api/items/local", owner.token(), "{\"identifiers\":[" + sisbov(randomSisbov())
                + "]}")).body().path("data").path("local_id").asText();
        String dfid = ok(api.post("/api/circuits/" + open + "/push-local", owner.token(), "{\"local_id\":\"" + lid
                + "\"}")).body().path("data").path("dfid").asText();
        awaitRecords(dfid, owner, 1);
        ok(api.post("/api/circuits/" + closed + "/push/" + dfid, owner.token(), "{}"));
        ok(api.put("/api/circuits/" + open + "/public-settings", owner.token(), "{\"public_settings\":"
                + "{\"access_mode\":\"public\",\"published_items\":[\"" + dfid + "\"]}}"));

        JsonNode all = awaitRecords(dfid, owner, 2);
        assertEquals(List.of(open, closed), circuits(all.path("storage_records")));
        assertEquals(owner.id(), all.path("storage_records").get(1).path("user_id").asText());
        assertEquals(2, all.path("total_records").asInt());

        JsonNode anonymous = ok(api.get("/api/public/storage-history/" + dfid, null)).body().path("data");
        assertEquals(List.of(open), circuits(anonymous.path("storage_records")), anonymous.toString());
        assertEquals(1, anonymous.path("total_records").asInt());
        assertTrue(anonymous.path("storage_records").get(0).path("user_id").isNull(), anonymous.toString());

        JsonNode ofPublicMember = ok(api.get("/api/storage-history/" + dfid, publicMember.token())).body()
                .path("data");
        assertEquals(List.of(open), circuits(ofPublicMember.path("storage_records")));
        JsonNode flat = ok(api.get("/api/items/" + dfid + "/storage-history", publicMember.token())).body();
        assertEquals(1, flat.path("total_records").asInt());
        assertTrue(flat.path("records").get(0).path("triggered_by").isNull(), flat.toString());
        JsonNode timeline = ok(api.get("/api/items/" + dfid + "/timeline", publicMember.token())).body();
        assertEquals(1, timeline.path("timeline").size());
        assertError(api.get("/api/items/" + dfid + "/timeline/2", publicMember.token()), 404,
                "TIMELINE_ENTRY_NOT_FOUND");
        JsonNode locations = ok(api.get("/api/storage-history/" + dfid + "/locations", publicMember.token())).body();
        String openCid = all.path("storage_records").get(0).path("metadata").path("ipfs_cid").asText();
        assertTrue(locations.toString().contains(openCid), locations.toString());
        assertEquals(2, locations.path("count").asInt(), "the open circuit's content and ledger entry only");

        // A member of the private circuit sees its records, and the public ones anybody may see.
        JsonNode ofPrivateMember = ok(api.get("/api/storage-history/" + dfid, privateMember.token())).body()
                .path("data");
        assertEquals(List.of(open, closed), circuits(ofPrivateMember.path("storage_records")));
        ofPrivateMember.path("storage_records").forEach(r -> assertTrue(r.path("user_id").isNull(), r.toString()));
        ok(api.get("/api/items/" + dfid + "/timeline/2", privateMember.token()));
        assertError(api.get("/api/storage-history/" + dfid, outsider.token()), 404, "ITEM_NOT_FOUND");

        // A migration within the open circuit copies the open circuit's state, not the newer one of the closed.
        Response queued = api.post("/api/storage-history/" + dfid + "/migrate", owner.token(),
                "{\"target_adapter_type\":\"ipfs-ipfs\",\"circuit_id\":\"" + open + "\"}");
        assertEquals(202, queued.status(), queued.body().toString());
        assertEquals(openCid, queued.text("source_cid"));
        assertEquals(1, queued.body().path("source_sequence").asInt());
    }
}
