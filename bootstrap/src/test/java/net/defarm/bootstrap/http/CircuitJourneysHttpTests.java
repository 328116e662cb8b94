package net.defarm.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import net.defarm.bootstrap.http.ApiClient.Response;
import net.defarm.bootstrap.http.ApiClient.User;
import org.junit.jupiter.api.Test;

/** The circuit journeys J2, J3, J6, J7, J8 and J9 of docs/http-contract.md (circuit journeys), end to end over HTTP. */
public abstract class CircuitJourneysHttpTests extends RunningService {

    private static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.path(field).asText()).toList();
    }

    private String newCircuit(User owner, String name) {
        return newCircuit(owner, name, "Cattle lot traceability");
    }

    /** A circuit of {@code owner} with {@code member} as a member, where every push waits for approval. */
    private String approvalGatedCircuit(User owner, String name, User member) {
        String cid = newCircuit(owner, name);
        addMember(owner, cid, member, "member");
        ok(api.put("/api/circuits/" + cid, owner.token(), "{\"permissions\":{\"require_approval_for_push\":true}}"));
        return cid;
    }

    private String item(User owner, String lote) {
        return ok(api.post("/api/items", owner.token(), "{\"identifiers\":[{\"key\":\"lote\",\"value\":\"" + lote
                + "\"}]}")).text("dfid");
    }

    @Test
    void j2_createACircuitAndInviteACollaborator() {
        User a = api.newUser("a");
        Response created = ok(api.post("/api/circuits", a.token(),
                "{\"name\":\"Lote Nelore 2025\",\"description\":\"Cattle lot traceability\"}"));
        String cid = created.text("circuit_id");
        assertEquals(a.id(), created.text("owner_id"));
        assertEquals(List.of("Owner"), texts(created.body().path("members"), "role"));

        User b = api.newUser("b");
        Response invited = ok(api.post("/api/circuits/" + cid + "/members", a.token(),
                "{\"member_id\":\"" + b.id() + "\",\"role\":\"member\"}"));
        JsonNode bMember = StreamSupport.stream(invited.body().path("members").spliterator(), false)
                .filter(m -> m.path("member_id").asText().equals(b.id())).findFirst().orElseThrow();
        assertEquals("Member", bMember.path("role").asText());
        assertEquals(List.of("Push", "Pull"), StreamSupport.stream(bMember.path("permissions").spliterator(), false)
                .map(JsonNode::asText).toList());

        assertTrue(texts(ok(api.get("/api/circuits", b.token())).body(), "circuit_id").contains(cid));
        assertEquals(cid, ok(api.get("/api/circuits/" + cid, b.token())).text("circuit_id"));
        assertError(api.post("/api/circuits/" + cid + "/members", a.token(), "{\"member_id\":\"" + b.id()
                + "\",\"role\":\"member\"}"), 409, "ALREADY_MEMBER");
    }

    @Test
    void j3_aLocalItemIsTokenizedIntoACircuit() {
        User a = api.newUser("a");
        String cid = newCircuit(a, "J3");
        String sisbov = sisbov("BR" + (100_000_000_000L + (long) (Math.random() * 899_999_999_999L)));
        String identifiers = "[" + sisbov + ",{\"key\":\"lote\",\"value\":\"LOTE-001\"}]";
        Response local = ok(api.post("/api/items/local", a.token(), "{\"identifiers\":" + identifiers
                + ",\"enriched_data\":{\"peso\":\"450kg\",\"raca\":\"Nelore\"}}"));
        assertTrue(local.body().path("success").asBoolean());
        String lid = local.body().path("data").path("local_id").asText();
        assertEquals("LocalOnly", local.body().path("data").path("status").asText());

        JsonNode before = ok(api.get("/api/items/mapping/" + lid, a.token())).body().path("data");
        assertTrue(before.path("dfid").isNull() || before.path("dfid").isMissingNode(), before.toString());
        assertEquals("LocalOnly", before.path("status").asText());

        JsonNode pushed = ok(api.post("/api/circuits/" + cid + "/push-local", a.token(), "{\"local_id\":\"" + lid
                + "\",\"identifiers\":" + identifiers + ",\"enriched_data\":{\"peso\":\"450kg\",\"raca\":\"Nelore\"}}"))
                .body().path("data");
        String dfid = pushed.path("dfid").asText();
        assertTrue(dfid.startsWith("DFID-"), dfid);
        assertEquals("NewItemCreated", pushed.path("status").asText());
        assertEquals(lid, pushed.path("local_id").asText());
        assertFalse(pushed.path("operation_id").asText().isEmpty());

        Response item = ok(api.get("/api/items/" + dfid, a.token()));
        assertEquals(2, item.body().path("identifiers").size());
        assertEquals("Nelore", item.body().path("enriched_data").path("raca").asText());

        JsonNode inCircuit = ok(api.get("/api/circuits/" + cid + "/items", a.token())).body();
        assertEquals(List.of(dfid), texts(inCircuit, "dfid"));
        assertEquals(a.id(), inCircuit.get(0).path("pushed_by").asText());

        JsonNode after = ok(api.get("/api/items/mapping/" + lid, a.token())).body().path("data");
        assertEquals(dfid, after.path("dfid").asText());
        assertEquals("Tokenized", after.path("status").asText());

        String lid2 = ok(api.post("/api/items/local", a.token(), "{\"identifiers\":[" + sisbov + "]}"))
                .body().path("data").path("local_id").asText();
        JsonNode again = ok(api.post("/api/circuits/" + cid + "/push-local", a.token(), "{\"local_id\":\"" + lid2
                + "\",\"identifiers\":[" + sisbov + "],\"enriched_data\":{\"idade\":\"24m\"}}")).body().path("data");
        assertEquals("ExistingItemEnriched", again.path("status").asText());
        assertEquals(dfid, again.path("dfid").asText());
        assertEquals("24m", ok(api.get("/api/items/" + dfid, a.token())).body().path("enriched_data")
                .path("idade").asText());
    }

    @Test
    void j6_aPublishedCircuitIsVerifiableByAnyone() {
        User a = api.newUser("a");
        String cid = newCircuit(a, "J6");
        String dfid = item(a, "J6-" + UUID.randomUUID());
        ok(api.post("/api/circuits/" + cid + "/push/" + dfid, a.token(), "{}"));
        String eid = ok(api.post("/api/events", a.token(), "{\"dfid\":\"" + dfid + "\",\"event_type\":\"enriched\","
                + "\"visibility\":\"public\",\"metadata\":{\"vaccine\":\"aftosa\",\"date\":\"2025-03-01\"}}"))
                .text("event_id");
        ok(api.post("/api/events", a.token(), "{\"dfid\":\"" + dfid + "\",\"event_type\":\"updated\","
                + "\"visibility\":\"private\",\"metadata\":{\"price\":\"secret\"}}"));

        assertError(api.get("/api/circuits/" + cid + "/public", null), 404, "CIRCUIT_NOT_PUBLIC");
        assertError(api.get("/api/public/merkle/items/" + dfid + "/merkle-root", null), 404, "ITEM_NOT_PUBLIC");

        JsonNode settings = ok(api.put("/api/circuits/" + cid + "/public-settings", a.token(), "{\"public_settings\":"
                + "{\"access_mode\":\"public\",\"auto_approve_members\":true,\"auto_publish_pushed_items\":true,"
                + "\"public_name\":\"Nelore Lot\",\"published_items\":[\"" + dfid + "\"]}}")).body().path("data");
        assertTrue(settings.path("permissions").path("allow_public_visibility").asBoolean());
        assertFalse(settings.path("public_settings").path("public_since").asText().isEmpty());

        JsonNode page = ok(api.get("/api/circuits/" + cid + "/public", null)).body().path("data");
        assertEquals("Nelore Lot", page.path("public_name").asText());
        assertEquals("public", page.path("access_mode").asText());
        assertEquals(List.of(dfid), StreamSupport.stream(page.path("published_items").spliterator(), false)
                .map(JsonNode::asText).toList());
        JsonNode publicEvents = page.path("published_items_with_events").get(0).path("events");
        assertEquals(List.of(eid), texts(publicEvents, "event_id"), "only public events are shown");

        Response root = ok(api.get("/api/public/merkle/items/" + dfid + "/merkle-root", null));
        String merkleRoot = root.body().path("data").path("merkle_root").asText();
        assertEquals(merkleRoot, ok(api.get("/api/merkle/items/" + dfid + "/merkle-root", a.token())).body()
                .path("data").path("merkle_root").asText(), "anyone computes the owner's root");
        JsonNode proof = ok(api.get("/api/public/merkle/items/" + dfid + "/merkle-proof/" + eid, null)).body()
                .path("proof");
        JsonNode valid = ok(api.post("/api/public/merkle/verify-proof", null, "{\"proof\":" + proof
                + ",\"expected_root\":\"" + merkleRoot + "\"}")).body();
        assertTrue(valid.path("valid").asBoolean(), valid.toString());
        assertFalse(ok(api.post("/api/public/merkle/verify-proof", null, "{\"proof\":" + proof
                + ",\"expected_root\":\"" + "0".repeat(64) + "\"}")).body().path("valid").asBoolean());

        JsonNode latest = ok(api.get("/api/public/snapshots/items/" + dfid + "/snapshots/latest", null)).body()
                .path("data");
        assertEquals(dfid, latest.path("entity_id").asText());
        assertTrue(latest.path("version").asLong() >= 2, latest.toString());
        assertTrue(latest.path("state").isMissingNode(), "anonymous readers never see a snapshot's state");
        JsonNode chain = ok(api.get("/api/public/snapshots/items/" + dfid + "/snapshots/verify", null)).body()
                .path("data");
        assertTrue(chain.path("is_valid").asBoolean(), chain.toString());
    }

    @Test
    void j7_joiningAPublicCircuitWithAutoApprovalAndWithAPassword() {
        User a = api.newUser("a");
        String cid = newCircuit(a, "J7");
        ok(api.put("/api/circuits/" + cid + "/public-settings", a.token(), "{\"public_settings\":"
                + "{\"access_mode\":\"public\",\"auto_approve_members\":true}}"));
        User c = api.newUser("c");
        assertTrue(texts(ok(api.get("/api/circuits?include_public=true", c.token())).body(), "circuit_id")
                .contains(cid));
        JsonNode joined = ok(api.post("/api/circuits/" + cid + "/public/join", c.token(),
                "{\"message\":\"Farm C\"}")).body();
        assertFalse(joined.path("requires_approval").asBoolean());
        assertEquals("Automatically approved", joined.path("message").asText());
        ok(api.post("/api/circuits/" + cid + "/push-local", c.token(), "{\"local_id\":\"" + UUID.randomUUID()
                + "\",\"identifiers\":[{\"key\":\"lote\",\"value\":\"C-1\"}]}"));
        assertError(api.post("/api/circuits/" + cid + "/public/join", c.token(), "{}"), 409, "ALREADY_MEMBER");

        JsonNode protectedSettings = ok(api.put("/api/circuits/" + cid + "/public-settings", a.token(),
                "{\"public_settings\":{\"access_mode\":\"protected\",\"access_password\":\"s3cret\","
                        + "\"auto_approve_members\":true}}")).body().path("data").path("public_settings");
        assertTrue(protectedSettings.path("has_access_password").asBoolean());
        assertFalse(protectedSettings.toString().contains("s3cret"), "the password is never returned");
        User d = api.newUser("d");
        assertError(api.post("/api/circuits/" + cid + "/public/join", d.token(), "{}"), 403,
                "INVALID_ACCESS_PASSWORD");
        assertError(api.post("/api/circuits/" + cid + "/public/join", d.token(), "{\"access_password\":\"wrong\"}"),
                403, "INVALID_ACCESS_PASSWORD");
        assertFalse(ok(api.post("/api/circuits/" + cid + "/public/join", d.token(),
                "{\"access_password\":\"s3cret\"}")).body().path("requires_approval").asBoolean());
        assertTrue(texts(ok(api.get("/api/circuits/" + cid, d.token())).body().path("members"), "member_id")
                .contains(d.id()));
    }

    @Test
    void j8_aJoinRequestIsApprovedOrRejectedAndEveryoneIsNotified() {
        User a = api.newUser("a");
        String cid2 = newCircuit(a, "J8");
        User c = api.newUser("c");
        long unreadBefore = ok(api.get("/api/notifications/unread-count", a.token())).body().path("unread_count")
                .asLong();
        JsonNode requested = ok(api.post("/api/circuits/" + cid2 + "/requests", c.token(),
                "{\"message\":\"please add me\"}")).body();
        assertEquals(c.id(), requested.path("requester_id").asText());
        assertEquals("Pending", requested.path("status").asText());
        assertError(api.post("/api/circuits/" + cid2 + "/requests", c.token(), "{}"), 409, "REQUEST_PENDING");

        JsonNode aInbox = ok(api.get("/api/notifications", a.token())).body();
        assertTrue(aInbox.path("success").asBoolean());
        JsonNode received = aInbox.path("data").get(0);
        assertEquals("JoinRequestReceived", received.path("notification_type").asText());
        assertEquals(c.id(), received.path("data").path("requester_id").asText());
        assertEquals(unreadBefore + 1, ok(api.get("/api/notifications/unread-count", a.token())).body()
                .path("unread_count").asLong());

        JsonNode pending = ok(api.get("/api/circuits/" + cid2 + "/requests/pending", a.token())).body();
        assertEquals(List.of(c.id()), texts(pending, "requester_id"));
        assertEquals("Pending", pending.get(0).path("status").asText());

        JsonNode approved = ok(api.post("/api/circuits/" + cid2 + "/requests/" + c.id() + "/approve", a.token(),
                "{\"admin_id\":\"" + a.id() + "\",\"role\":\"member\"}")).body();
        assertTrue(texts(approved.path("members"), "member_id").contains(c.id()));
        JsonNode cNote = ok(api.get("/api/notifications", c.token())).body().path("data").get(0);
        assertEquals("JoinRequestApproved", cNote.path("notification_type").asText());

        User d = api.newUser("d");
        ok(api.post("/api/circuits/" + cid2 + "/requests", d.token(), "{\"message\":\"me too\"}"));
        JsonNode rejected = ok(api.post("/api/circuits/" + cid2 + "/requests/" + d.id() + "/reject", a.token(),
                "{\"admin_id\":\"" + a.id() + "\"}")).body();
        assertFalse(texts(rejected.path("members"), "member_id").contains(d.id()));
        assertEquals("JoinRequestRejected", ok(api.get("/api/notifications", d.token())).body().path("data").get(0)
                .path("notification_type").asText());
        assertError(api.post("/api/circuits/" + cid2 + "/requests/" + d.id() + "/approve", a.token(),
                "{\"role\":\"member\"}"), 404, "NO_PENDING_REQUEST");

        String noteId = received.path("id").asText();
        assertError(api.patch("/api/notifications/" + noteId + "/read", c.token(), "{}"), 404,
                "NOTIFICATION_NOT_FOUND");
        assertTrue(ok(api.patch("/api/notifications/" + noteId + "/read", a.token(), "{}")).body().path("data")
                .path("read").asBoolean());
        int marked = ok(api.patch("/api/notifications/mark-all-read", a.token(), "{}")).body().path("marked_read")
                .asInt();
        assertEquals(1, marked, "D's request is marked; C's was already read");
        assertEquals(0, ok(api.get("/api/notifications/unread-count", a.token())).body().path("unread_count")
                .asLong());
        ok(api.delete("/api/notifications/" + noteId, a.token()));
        assertFalse(texts(ok(api.get("/api/notifications", a.token())).body().path("data"), "id").contains(noteId));
    }

    @Test
    void j9_approvalGatedPushesWaitForTheOwner() {
        User a = api.newUser("a");
        User b = api.newUser("b");
        String cid = approvalGatedCircuit(a, "J9", b);

        String dfid2 = item(b, "J9-" + UUID.randomUUID());
        JsonNode op = ok(api.post("/api/circuits/" + cid + "/push/" + dfid2, b.token(), "{}")).body();
        assertEquals("Pending", op.path("status").asText());
        String opId = op.path("operation_id").asText();
        assertTrue(ok(api.get("/api/circuits/" + cid + "/items", a.token())).body().isEmpty());

        JsonNode pending = ok(api.get("/api/circuits/" + cid + "/pending-items", a.token())).body().path("data");
        assertEquals(List.of(opId), texts(pending, "pending_id"));
        assertEquals(dfid2, pending.get(0).path("dfid").asText());
        assertNotNull(pending.get(0).path("item_preview").path("identifiers").get(0));
        assertEquals(List.of(opId), texts(ok(api.get("/api/circuits/" + cid + "/operations/pending", a.token()))
                .body(), "operation_id"));

        JsonNode approved = ok(api.post("/api/circuits/" + cid + "/pending-items/" + opId + "/approve", a.token(),
                "{\"admin_id\":\"" + a.id() + "\"}")).body();
        assertTrue(approved.path("success").asBoolean());
        assertEquals("active", approved.path("data").path("status").asText());
        assertEquals(List.of(dfid2), texts(ok(api.get("/api/circuits/" + cid + "/items", a.token())).body(), "dfid"));
        JsonNode activities = ok(api.get("/api/circuits/" + cid + "/activities", a.token())).body();
        assertTrue(texts(activities, "activity_type").contains("Push"), activities.toString());

        // The operations route approves the same way.
        String dfid3 = item(b, "J9-" + UUID.randomUUID());
        String op3 = ok(api.post("/api/circuits/" + cid + "/push/" + dfid3, b.token(), "{}")).text("operation_id");
        assertEquals("Completed", ok(api.post("/api/circuits/operations/" + op3 + "/approve", a.token(),
                "{\"approver_id\":\"" + a.id() + "\"}")).text("status"));
    }

    @Test
    void anApproverNamedInTheBodyMustBeTheCallerAndDecidedOperationsAreFinal() {
        User a = api.newUser("a");
        User b = api.newUser("b");
        String cid = approvalGatedCircuit(a, "forged", b);
        String dfid = item(b, "F-" + UUID.randomUUID());
        String opId = ok(api.post("/api/circuits/" + cid + "/push/" + dfid, b.token(), "{}")).text("operation_id");

        List<Response> forged = new ArrayList<>();
        forged.add(api.post("/api/circuits/operations/" + opId + "/approve", b.token(),
                "{\"approver_id\":\"" + a.id() + "\"}"));
        forged.add(api.post("/api/circuits/" + cid + "/pending-items/" + opId + "/approve", b.token(),
                "{\"admin_id\":\"" + a.id() + "\"}"));
        forged.add(api.post("/api/circuits/operations/" + opId + "/approve", a.token(),
                "{\"approver_id\":\"" + b.id() + "\"}"));
        forged.add(api.post("/api/circuits/operations/" + opId + "/reject", a.token(),
                "{\"approver_id\":\"" + b.id() + "\",\"reason\":\"x\"}"));
        for (Response r : forged) {
            assertEquals(403, r.status(), r.body().toString());
        }
        assertError(forged.getFirst(), 403, "ACTOR_MISMATCH");
        assertError(api.post("/api/circuits/operations/" + opId + "/approve", b.token(), "{}"), 403, "FORBIDDEN");
        assertEquals(List.of(opId), texts(ok(api.get("/api/circuits/" + cid + "/operations/pending", a.token()))
                .body(), "operation_id"), "nothing changed: the operation is still pending");
        assertTrue(ok(api.get("/api/circuits/" + cid + "/items", a.token())).body().isEmpty());

        assertEquals("Completed", ok(api.post("/api/circuits/operations/" + opId + "/approve", a.token(), ""))
                .text("status"));
        assertError(api.post("/api/circuits/operations/" + opId + "/approve", a.token(), ""), 409,
                "OPERATION_NOT_PENDING");
        assertError(api.post("/api/circuits/operations/" + opId + "/reject", a.token(), ""), 409,
                "OPERATION_NOT_PENDING");

        String dfid2 = item(b, "F-" + UUID.randomUUID());
        String op2 = ok(api.post("/api/circuits/" + cid + "/push/" + dfid2, b.token(), "{}")).text("operation_id");
        assertEquals("Rejected", ok(api.post("/api/circuits/operations/" + op2 + "/reject", a.token(),
                "{\"reason\":\"bad\"}")).text("status"));
        assertError(api.post("/api/circuits/operations/" + op2 + "/approve", a.token(), ""), 409,
                "OPERATION_NOT_PENDING");
    }
}
