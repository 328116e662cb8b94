package net.defarm.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import net.defarm.bootstrap.http.ApiClient.Response;
import net.defarm.bootstrap.http.ApiClient.User;
import org.junit.jupiter.api.Test;

/**
 * Regression tests for three cross-tenant holes (docs/adr/0008): reaching another owner's item through push-local,
 * publishing another owner's item, and a join request that answered with the whole private circuit.
 */
public abstract class TenancyFindingsHttpTests extends RunningService {

    private String circuit(User owner, String name) {
        return newCircuit(owner, name, "tenancy");
    }

    /** A's item, tokenized by push-local into A's own circuit, with private data. */
    private record Owned(User owner, String circuitId, String lid, String dfid, String sisbov, String secret) {
    }

    private Owned ownersItem() {
        User a = api.newUser("owner");
        String cid = circuit(a, "A private");
        String sisbov = randomSisbov();
        String secret = "secret-" + UUID.randomUUID();
        String lid = ok(api.post("/api/items/local", a.token(), "{\"identifiers\":[" + sisbov(sisbov) + "]}"))
                .body().path("data").path("local_id").asText();
        String dfid = ok(api.post("/api/circuits/" + cid + "/push-local", a.token(), "{\"local_id\":\"" + lid
                + "\",\"identifiers\":[" + sisbov(sisbov) + "],\"enriched_data\":{\"price\":\"" + secret + "\"}}"))
                .body().path("data").path("dfid").asText();
        return new Owned(a, cid, lid, dfid, sisbov, secret);
    }

    private static void assertReveals(Response r, Owned owned, boolean expected) {
        String seen = r.body() + " " + r.raw().headers().map();
        for (String value : List.of(owned.dfid(), owned.secret(), owned.owner().id(), owned.lid())) {
            assertEquals(expected, seen.contains(value), value + " in " + seen);
        }
    }

    @Test
    void pushLocalWithAnotherOwnersCanonicalIdentifierIsRefusedAndRevealsNothing() {
        Owned a = ownersItem();
        JsonNode before = ok(api.get("/api/items/" + a.dfid(), a.owner().token())).body();
        User o = api.newUser("outsider");
        String oc = circuit(o, "O own");

        Response refused = api.post("/api/circuits/" + oc + "/push-local", o.token(), "{\"local_id\":\""
                + UUID.randomUUID() + "\",\"identifiers\":[" + sisbov(a.sisbov()) + ",{\"key\":\"lote\",\"value\":\"O-1\"}],"
                + "\"enriched_data\":{\"planted\":\"by-outsider\"}}");
        assertError(refused, 409, "IDENTIFIER_ALREADY_REGISTERED");
        assertReveals(refused, a, false);

        Response viaLid = api.post("/api/circuits/" + oc + "/push-local", o.token(), "{\"local_id\":\"" + a.lid()
                + "\",\"identifiers\":[{\"key\":\"lote\",\"value\":\"O-2\"}]}");
        assertError(viaLid, 404, "LOCAL_ITEM_NOT_FOUND");
        assertReveals(viaLid, a, false);

        assertEquals(404, api.get("/api/items/" + a.dfid(), o.token()).status());
        assertEquals(0, ok(api.get("/api/circuits/" + oc + "/items", o.token())).body().size());
        assertEquals(before, ok(api.get("/api/items/" + a.dfid(), a.owner().token())).body(), "A's item unchanged");
        assertEquals(a.dfid(), ok(api.get("/api/items/mapping/" + a.lid(), a.owner().token())).body().path("data")
                .path("dfid").asText(), "A's LID still maps to A's item");

        // The owner's own canonical identifier still resolves to the owner's item.
        JsonNode again = ok(api.post("/api/circuits/" + a.circuitId() + "/push-local", a.owner().token(),
                "{\"local_id\":\"" + UUID.randomUUID() + "\",\"identifiers\":[" + sisbov(a.sisbov()) + "]}"))
                .body().path("data");
        assertEquals("ExistingItemEnriched", again.path("status").asText());
        assertEquals(a.dfid(), again.path("dfid").asText());
    }

    @Test
    void onlyItemsPushedByTheirOwnerIntoTheCircuitCanBePublished() {
        Owned a = ownersItem();
        User o = api.newUser("outsider");
        String oc = circuit(o, "O public");
        String unknown = "DFID-20250101-999999-ZZZZ";
        Response others = api.put("/api/circuits/" + oc + "/public-settings", o.token(), "{\"public_settings\":"
                + "{\"access_mode\":\"public\",\"published_items\":[\"" + a.dfid() + "\"]}}");
        Response missing = api.put("/api/circuits/" + oc + "/public-settings", o.token(), "{\"public_settings\":"
                + "{\"access_mode\":\"public\",\"published_items\":[\"" + unknown + "\"]}}");
        assertError(others, 400, "ITEM_NOT_PUBLISHABLE");
        assertEquals(missing.status(), others.status(), "someone else's item answers like an unknown one");
        assertEquals(missing.body(), others.body());
        assertReveals(others, a, false);

        ok(api.put("/api/circuits/" + oc + "/public-settings", o.token(),
                "{\"public_settings\":{\"access_mode\":\"public\"}}"));
        for (String path : List.of("/api/public/snapshots/items/" + a.dfid() + "/snapshots/latest",
                "/api/public/snapshots/items/" + a.dfid() + "/snapshots/verify",
                "/api/public/merkle/items/" + a.dfid() + "/merkle-root")) {
            Response r = api.get(path, null);
            assertEquals(404, r.status(), path + " " + r.body());
        }
        assertTrue(ok(api.get("/api/circuits/" + oc + "/public", null)).body().path("data").path("published_items")
                .isEmpty());

        // The owner publishes the same item in the circuit the owner pushed it into.
        ok(api.put("/api/circuits/" + a.circuitId() + "/public-settings", a.owner().token(), "{\"public_settings\":"
                + "{\"access_mode\":\"public\",\"published_items\":[\"" + a.dfid() + "\"]}}"));
        ok(api.get("/api/public/snapshots/items/" + a.dfid() + "/snapshots/latest", null));
    }

    @Test
    void aJoinRequestAnswersWithTheRequestOnly() {
        Owned a = ownersItem();
        User member = api.newUser("member");
        ok(api.post("/api/circuits/" + a.circuitId() + "/members", a.owner().token(), "{\"member_id\":\""
                + member.id() + "\",\"role\":\"member\"}"));
        User other = api.newUser("other");
        String privateMessage = "private-" + UUID.randomUUID();
        ok(api.post("/api/circuits/" + a.circuitId() + "/requests", other.token(), "{\"message\":\""
                + privateMessage + "\"}"));

        User o = api.newUser("outsider");
        assertEquals(404, api.get("/api/circuits/" + a.circuitId(), o.token()).status());
        JsonNode filed = ok(api.post("/api/circuits/" + a.circuitId() + "/requests", o.token(),
                "{\"message\":\"let me in\"}")).body();
        assertEquals(a.circuitId(), filed.path("circuit_id").asText());
        assertEquals(o.id(), filed.path("requester_id").asText());
        assertEquals("let me in", filed.path("message").asText());
        assertEquals("Pending", filed.path("status").asText());
        assertTrue(filed.path("requested_at").isNumber(), filed.toString());
        String seen = filed.toString();
        for (String hidden : List.of(member.id(), other.id(), privateMessage, a.owner().id(), a.dfid(), "members",
                "pending_requests")) {
            assertFalse(seen.contains(hidden), hidden + " in " + seen);
        }
    }
    /** Item creation, push by DFID, push-events, pull, item merge and local merge never reach another owner's item. */
    @Test
    void everyOtherResolutionPathStaysWithinTheCallersItems() {
        Owned a = ownersItem();
        JsonNode before = ok(api.get("/api/items/" + a.dfid(), a.owner().token())).body();
        User o = api.newUser("outsider");
        String oc = circuit(o, "O own");

        Response created = ok(api.post("/api/items", o.token(), "{\"identifiers\":[" + sisbov(a.sisbov()) + "]}"));
        String own = created.text("dfid");
        assertFalse(own.equals(a.dfid()), "entity resolution of item creation is per owner");
        assertReveals(created, a, false);
        ok(api.post("/api/circuits/" + oc + "/push/" + own, o.token(), "{}"));
        String ownLid = ok(api.post("/api/items/local", o.token(), "{\"identifiers\":[{\"key\":\"lote\","
                + "\"value\":\"O-L\"}]}")).body().path("data").path("local_id").asText();
        String localEvent = ok(api.post("/api/events/local", o.token(), "{\"event_type\":\"updated\","
                + "\"visibility\":\"private\",\"metadata\":{\"k\":\"v\"}}")).body()
                .findValuesAsText("local_event_id").getFirst();

        List<Response> refused = List.of(
                api.post("/api/circuits/" + oc + "/push/" + a.dfid(), o.token(), "{}"),
                api.post("/api/circuits/" + oc + "/push-events", o.token(), "{\"dfid\":\"" + a.dfid()
                        + "\",\"local_event_ids\":[\"" + localEvent + "\"]}"),
                api.post("/api/circuits/" + oc + "/pull/" + a.dfid(), o.token(), "{}"),
                api.post("/api/items/" + own + "/merge", o.token(), "{\"secondary_dfid\":\"" + a.dfid() + "\"}"),
                api.post("/api/items/" + a.dfid() + "/merge", o.token(), "{\"secondary_dfid\":\"" + own + "\"}"),
                api.post("/api/items/local/merge", o.token(), "{\"master_lid\":\"" + ownLid
                        + "\",\"merge_lids\":[\"" + a.lid() + "\"]}"));
        for (Response r : refused) {
            assertEquals(404, r.status(), r.body().toString());
            assertReveals(r, a, false);
        }
        assertEquals(before, ok(api.get("/api/items/" + a.dfid(), a.owner().token())).body(), "A's item unchanged");
        assertEquals(List.of(own), ok(api.get("/api/circuits/" + oc + "/items", o.token())).body()
                .findValuesAsText("dfid"));
    }
}
