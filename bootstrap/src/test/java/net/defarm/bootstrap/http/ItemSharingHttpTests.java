package net.defarm.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import net.defarm.bootstrap.http.ApiClient.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Item sharing and circuit snapshots over HTTP: a share grants the recipient read access to the item and its
 * public events until the owner revokes it; nobody else learns anything; only the owner shares. A circuit's
 * snapshot chain records its creation and changes and is read by members only.
 */
public abstract class ItemSharingHttpTests extends RunningService {

    private User owner;
    private User recipient;
    private User third;
    private String dfid;
    private String lote;

    @BeforeEach
    void ownerItem() {
        owner = api.newUser("owner");
        recipient = api.newUser("recipient");
        third = api.newUser("third");
        lote = "LOTE-" + UUID.randomUUID();
        dfid = ok(api.post("/api/items", owner.token(), "{\"identifiers\":[{\"key\":\"lote\",\"value\":\"" + lote
                + "\"}],\"enriched_data\":{\"weight\":\"480\"}}")).text("dfid");
    }

    private JsonNode share(User by, User to) {
        return ok(api.post("/api/items/" + dfid + "/share", by.token(), "{\"recipient_user_id\":\"" + to.id()
                + "\",\"permissions\":[\"read\"]}")).body();
    }

    @Test
    void aShareGrantsReadUntilTheOwnerRevokesIt() {
        assertError(api.get("/api/items/" + dfid, recipient.token()), 404, "ITEM_NOT_FOUND");
        JsonNode share = share(owner, recipient);
        String shareId = share.path("share_id").asText();
        assertTrue(shareId.startsWith("SHARE-"), share.toString());
        assertEquals(dfid, share.path("dfid").asText());
        assertEquals(recipient.id(), share.path("recipient_user_id").asText());
        assertEquals(shareId, share(owner, recipient).path("share_id").asText(), "sharing again changes nothing");

        assertTrue(ok(api.get("/api/items/" + dfid, recipient.token())).body().toString().contains(lote));
        ok(api.post("/api/events", owner.token(), "{\"dfid\":\"" + dfid + "\",\"event_type\":\"updated\","
                + "\"visibility\":\"public\",\"metadata\":{\"note\":\"weighed\"}}"));
        assertTrue(ok(api.get("/api/events/item/" + dfid, recipient.token())).body().toString().contains("weighed"));

        JsonNode to = ok(api.get("/api/items/shared-to/" + recipient.id(), recipient.token())).body();
        assertEquals(1, to.size(), to.toString());
        assertEquals(shareId, to.get(0).path("share_id").asText());
        assertEquals(owner.id(), to.get(0).path("shared_by").asText());
        assertEquals(dfid, to.get(0).path("item").path("dfid").asText());
        assertEquals(List.of("read"), List.of(to.get(0).path("permissions").get(0).asText()));

        JsonNode with = ok(api.get("/api/items/" + dfid + "/shared-with/" + recipient.id(), owner.token())).body();
        assertTrue(with.path("is_shared").asBoolean());
        assertEquals(shareId, with.path("share_id").asText());
        assertTrue(ok(api.get("/api/items/" + dfid + "/shared-with/" + recipient.id(), recipient.token())).body()
                .path("is_shared").asBoolean());

        assertError(api.delete("/api/items/" + dfid + "/share/" + shareId, recipient.token()), 403,
                "NOT_ITEM_OWNER");
        ok(api.delete("/api/items/" + dfid + "/share/" + shareId, owner.token()));
        assertError(api.get("/api/items/" + dfid, recipient.token()), 404, "ITEM_NOT_FOUND");
        assertError(api.get("/api/events/item/" + dfid, recipient.token()), 404, "ITEM_NOT_FOUND");
        assertEquals(0, ok(api.get("/api/items/shared-to/" + recipient.id(), recipient.token())).body().size());
        assertFalse(ok(api.get("/api/items/" + dfid + "/shared-with/" + recipient.id(), owner.token())).body()
                .path("is_shared").asBoolean());
        assertError(api.delete("/api/items/" + dfid + "/share/" + shareId, owner.token()), 404, "SHARE_NOT_FOUND");
    }

    @Test
    void aThirdUserSeesNothingAndOnlyTheOwnerShares() {
        String shareId = share(owner, recipient).path("share_id").asText();
        assertError(api.get("/api/items/" + dfid, third.token()), 404, "ITEM_NOT_FOUND");
        assertError(api.get("/api/items/" + dfid + "/shared-with/" + recipient.id(), third.token()), 404,
                "ITEM_NOT_FOUND");
        assertError(api.get("/api/items/shared-to/" + recipient.id(), third.token()), 404, "USER_NOT_FOUND");
        assertError(api.post("/api/items/" + dfid + "/share", third.token(), "{\"recipient_user_id\":\""
                + third.id() + "\"}"), 404, "ITEM_NOT_FOUND");
        assertError(api.delete("/api/items/" + dfid + "/share/" + shareId, third.token()), 404, "ITEM_NOT_FOUND");
        // The recipient reads the item but may not pass it on.
        assertError(api.post("/api/items/" + dfid + "/share", recipient.token(), "{\"recipient_user_id\":\""
                + third.id() + "\"}"), 403, "NOT_ITEM_OWNER");
        assertError(api.get("/api/items/" + dfid + "/shared-with/" + third.id(), recipient.token()), 403,
                "NOT_ITEM_OWNER");
        assertError(api.get("/api/items/" + dfid, third.token()), 404, "ITEM_NOT_FOUND");
    }

    @Test
    void theRecipientMustExistAndTheBodyIsChecked() {
        assertError(api.post("/api/items/" + dfid + "/share", owner.token(), "{\"recipient_user_id\":\""
                + UUID.randomUUID() + "\"}"), 404, "USER_NOT_FOUND");
        assertError(api.post("/api/items/" + dfid + "/share", owner.token(), "{}"), 400, "MISSING_FIELD");
        assertError(api.post("/api/items/" + dfid + "/share", owner.token(), "{\"recipient_user_id\":\"" + owner.id()
                + "\"}"), 400, "INVALID_RECIPIENT");
        assertError(api.post("/api/items/" + dfid + "/share", owner.token(), "{\"recipient_user_id\":\""
                + recipient.id() + "\",\"permissions\":[\"\"]}"), 400, "INVALID_FIELD");
    }

    @Test
    void sharesToAUserArePagedWithACursor() {
        for (int i = 0; i < 3; i++) {
            String other = ok(api.post("/api/items", owner.token(), "{\"identifiers\":[{\"key\":\"lote\",\"value\":\""
                    + UUID.randomUUID() + "\"}]}")).text("dfid");
            ok(api.post("/api/items/" + other + "/share", owner.token(), "{\"recipient_user_id\":\"" + recipient.id()
                    + "\"}"));
        }
        ApiClient.Response first = ok(api.get("/api/items/shared-to/" + recipient.id() + "?limit=2",
                recipient.token()));
        assertEquals(2, first.body().size());
        String cursor = first.header("X-Next-Cursor").orElseThrow();
        JsonNode rest = ok(api.get("/api/items/shared-to/" + recipient.id() + "?limit=2&cursor=" + cursor,
                recipient.token())).body();
        assertEquals(1, rest.size());
    }

    @Test
    void circuitSnapshotsRecordChangesForMembersOnly() {
        User member = api.newUser("member");
        String circuit = newCircuit(owner, "Snapshots", "chain");
        addMember(owner, circuit, member, "member");
        JsonNode chain = ok(api.get("/circuits/" + circuit + "/snapshots", member.token())).body().path("data");
        assertEquals("circuit", chain.path("entity_type").asText());
        assertEquals(2, chain.path("total_snapshots").asInt(), chain.toString());
        JsonNode snapshots = chain.path("snapshots");
        assertEquals("CircuitCreated", snapshots.get(0).path("operation").path("type").asText());
        assertEquals("CircuitMemberAdded", snapshots.get(1).path("operation").path("type").asText());
        assertEquals(snapshots.get(0).path("snapshot_id").asText(), snapshots.get(1).path("parent_hash").asText());

        JsonNode latest = ok(api.get("/circuits/" + circuit + "/snapshots/latest", owner.token())).body()
                .path("data");
        assertEquals(2, latest.path("version").asInt());
        String id = latest.path("snapshot_id").asText();
        JsonNode detail = ok(api.get("/circuits/" + circuit + "/snapshots/" + id, member.token())).body()
                .path("data");
        assertEquals(2, detail.path("state").path("members").size(), detail.toString());

        assertError(api.get("/circuits/" + circuit + "/snapshots", third.token()), 404, "CIRCUIT_NOT_FOUND");
        assertError(api.get("/circuits/" + circuit + "/snapshots/latest", third.token()), 404, "CIRCUIT_NOT_FOUND");
        assertError(api.get("/circuits/" + circuit + "/snapshots/" + id, third.token()), 404, "CIRCUIT_NOT_FOUND");
        assertError(api.get("/circuits/not-a-uuid/snapshots", owner.token()), 400, "INVALID_ID");
        assertError(api.get("/circuits/" + circuit + "/snapshots/" + UUID.randomUUID(), owner.token()), 404,
                "SNAPSHOT_NOT_FOUND");
    }
}
