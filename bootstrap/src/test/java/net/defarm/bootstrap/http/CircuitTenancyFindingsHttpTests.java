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

/** Regression tests: knowing a circuit's or an operation's id never opens what belongs to its members. */
public abstract class CircuitTenancyFindingsHttpTests extends RunningService {

    /** A public circuit with an owner, a member and someone else's pending join request with a private message. */
    private record PublicCircuit(User owner, User member, User requester, String circuitId, String message) {
    }

    private PublicCircuit publicCircuit() {
        User owner = api.newUser("owner");
        String cid = newCircuit(owner, "Public", "outsiders");
        ok(api.put("/api/circuits/" + cid + "/public-settings", owner.token(), "{\"public_settings\":"
                + "{\"access_mode\":\"public\"}}"));
        User member = api.newUser("member");
        addMember(owner, cid, member, "member");
        User requester = api.newUser("requester");
        String message = "private-" + UUID.randomUUID();
        ok(api.post("/api/circuits/" + cid + "/requests", requester.token(), "{\"message\":\"" + message + "\"}"));
        return new PublicCircuit(owner, member, requester, cid, message);
    }

    @Test
    void anOutsiderReadingAPublicCircuitSeesNoOtherUsersIdOrRequest() {
        PublicCircuit p = publicCircuit();
        User outsider = api.newUser("outsider");

        JsonNode seen = ok(api.get("/api/circuits/" + p.circuitId(), outsider.token())).body();
        assertEquals(p.circuitId(), seen.path("circuit_id").asText());
        assertEquals(p.owner().id(), seen.path("owner_id").asText());
        assertEquals(List.of(p.owner().id()), seen.path("members").findValuesAsText("member_id"));
        assertTrue(seen.path("pending_requests").isArray() && seen.path("pending_requests").isEmpty(), seen.toString());
        assertTrue(seen.path("custom_roles").isArray() && seen.path("custom_roles").isEmpty(), seen.toString());

        JsonNode listed = null;
        for (JsonNode c : ok(api.get("/api/circuits?include_public=true&limit=1000", outsider.token())).body()) {
            if (c.path("circuit_id").asText().equals(p.circuitId())) {
                listed = c;
            }
        }
        assertEquals(seen, listed, "the list shows the same outsider's view");
        Response adapter = ok(api.get("/api/circuits/" + p.circuitId() + "/adapter", outsider.token()));
        for (String body : List.of(seen.toString(), listed.toString(), adapter.body().toString())) {
            for (String hidden : List.of(p.member().id(), p.requester().id(), p.message())) {
                assertFalse(body.contains(hidden), hidden + " in " + body);
            }
        }

        // The requester sees only their own request; members keep the whole circuit.
        JsonNode own = ok(api.get("/api/circuits/" + p.circuitId(), p.requester().token())).body();
        assertEquals(List.of(p.requester().id()), own.path("pending_requests").findValuesAsText("requester_id"));
        JsonNode full = ok(api.get("/api/circuits/" + p.circuitId(), p.member().token())).body();
        assertTrue(full.path("members").findValuesAsText("member_id").contains(p.member().id()), full.toString());
        assertTrue(full.toString().contains(p.message()), full.toString());
        assertFalse(full.path("custom_roles").isEmpty(), full.toString());
    }

    /** A pending push by a plain member into {@code owner}'s approval-gated circuit; answers the operation id. */
    private String pendingPush(User owner, String circuitId, User member) {
        addMember(owner, circuitId, member, "member");
        ok(api.put("/api/circuits/" + circuitId, owner.token(),
                "{\"permissions\":{\"require_approval_for_push\":true}}"));
        String dfid = ok(api.post("/api/items", member.token(), "{\"identifiers\":[{\"key\":\"lote\",\"value\":\"P-"
                + UUID.randomUUID() + "\"}]}")).text("dfid");
        return ok(api.post("/api/circuits/" + circuitId + "/push/" + dfid, member.token(), "{}")).text("operation_id");
    }

    @Test
    void decidingAnOperationOfAnotherCircuitAnswersLikeAnUnknownOne() {
        User owner = api.newUser("owner");
        User member = api.newUser("member");
        String cid = newCircuit(owner, "Gated", "operations");
        String op = pendingPush(owner, cid, member);
        String publicCid = newCircuit(owner, "Gated public", "operations");
        String publicOp = pendingPush(owner, publicCid, api.newUser("member"));
        ok(api.put("/api/circuits/" + publicCid + "/public-settings", owner.token(), "{\"public_settings\":"
                + "{\"access_mode\":\"public\"}}"));
        User outsider = api.newUser("outsider");
        String unknown = UUID.randomUUID().toString();

        Response unknownOne = api.post("/api/circuits/operations/" + unknown + "/approve", outsider.token(), "");
        assertError(unknownOne, 404, "OPERATION_NOT_FOUND");
        for (String id : List.of(op, publicOp)) {
            for (String verb : List.of("approve", "reject")) {
                Response r = api.post("/api/circuits/operations/" + id + "/" + verb, outsider.token(), "{}");
                assertError(r, 404, "OPERATION_NOT_FOUND");
                assertEquals(unknownOne.body().path("error"), r.body().path("error"));
            }
        }
        assertError(api.post("/api/circuits/" + publicCid + "/pending-items/" + publicOp + "/approve",
                outsider.token(), "{}"), 404, "OPERATION_NOT_FOUND");
        // A member without ManageMembers still learns it lacks the permission; the owner still decides.
        assertEquals(403, api.post("/api/circuits/operations/" + op + "/approve", member.token(), "").status());
        assertEquals("Completed", ok(api.post("/api/circuits/operations/" + op + "/approve", owner.token(), ""))
                .text("status"));
        // The approval time comes typed from the operation, never parsed from raw metadata in the handler.
        JsonNode approved = ok(api.post("/api/circuits/" + publicCid + "/pending-items/" + publicOp + "/approve",
                owner.token(), "")).body().path("data");
        assertTrue(approved.path("approved_at").isNumber(), approved.toString());
        assertTrue(approved.path("approved_at").asLong() >= approved.path("pushed_at").asLong(), approved.toString());
    }
}
