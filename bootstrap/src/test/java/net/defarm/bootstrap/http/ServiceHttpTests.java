package net.defarm.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.defarm.bootstrap.http.ApiClient.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The assembled service over HTTP: the README walkthrough and the HTTP contract's refusals. Abstract: each storage
 * mode runs it against its own store.
 */
public abstract class ServiceHttpTests extends RunningService {

    private String alice;
    private String bob;

    @BeforeAll
    void signUp() {
        alice = api.signUp("alice-" + UUID.randomUUID().toString().substring(0, 8));
        bob = api.signUp("bob-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Test
    void readmeWalkthrough() {
        Response login = api.post("/api/auth/login", null, "{\"username\":\"walker\",\"password\":\"x\"}");
        assertEquals(401, login.status());
        String walker = api.signUp("walker");
        Response again = api.post("/api/auth/login", null, "{\"username\":\"walker\",\"password\":\"Str0ng!Pass\"}");
        assertEquals(200, again.status());
        String token = again.text("token");
        assertFalse(token.equals(walker) && token.isEmpty());

        Response created = api.post("/api/items", token, """
                {"identifiers":[{"namespace":"bovino","key":"sisbov","value":"BR123456789012","id_type":"Canonical"}],
                 "enriched_data":{"raca":"Nelore"},"source_entry":"6f03a365-6f28-4cc5-9d24-9adcf9834862"}""");
        assertEquals(200, created.status(), created.body().toString());
        String dfid = created.text("dfid");
        assertTrue(dfid.matches("DFID-\\d{8}-\\d{6,}-[0-9A-F]{1,4}"), dfid);

        Response enriched = api.post("/api/items", token, """
                {"identifiers":[{"namespace":"bovino","key":"sisbov","value":"BR123456789012","id_type":"Canonical"},
                                {"namespace":"bovino","key":"brinco","value":"4521"}],
                 "enriched_data":{"peso":450}}""");
        assertEquals(200, enriched.status());
        assertEquals(dfid, enriched.text("dfid"), "same SISBOV, same DFID");
        assertEquals(2, enriched.body().path("identifiers").size());
        assertEquals(450, enriched.body().path("enriched_data").path("peso").asInt());
        assertEquals("Nelore", enriched.body().path("enriched_data").path("raca").asText());

        String event = "{\"dfid\":\"" + dfid + "\",\"event_type\":\"enriched\",\"visibility\":\"public\","
                + "\"metadata\":{\"vaccine\":\"aftosa\"}}";
        Response first = api.post("/api/events", token, event);
        Response second = api.post("/api/events", token, event);
        assertEquals(200, first.status(), first.body().toString());
        assertFalse(first.body().path("was_deduplicated").asBoolean());
        assertTrue(second.body().path("was_deduplicated").asBoolean());
        assertEquals(first.text("event_id"), second.text("original_event_id"));
        assertEquals(first.text("content_hash"), second.text("content_hash"));

        String other = api.post("/api/items", token, "{\"identifiers\":[{\"key\":\"lote\",\"value\":\"L-2\"}]}")
                .text("dfid");
        Response page1 = api.get("/api/items?limit=1", token);
        assertEquals(1, page1.body().size());
        String cursor = page1.header("X-Next-Cursor").orElseThrow();
        assertTrue(page1.header("Link").orElseThrow().contains("rel=\"next\""));
        Response page2 = api.get("/api/items?limit=1&cursor=" + cursor, token);
        assertEquals(List.of(dfid, other), List.of(page1.body().get(0).path("dfid").asText(),
                page2.body().get(0).path("dfid").asText()));
        assertTrue(page2.header("X-Next-Cursor").isEmpty());

        Response deleted = api.delete("/api/items/" + dfid, token);
        assertEquals(200, deleted.status());
        assertEquals("Deprecated", api.get("/api/items/" + dfid, token).text("status"));
    }

    @Test
    void noCredentialsIs401() {
        assertError(api.get("/api/items", null), 401, "UNAUTHORIZED");
        assertError(api.get("/api/items", "not-a-token"), 401, "INVALID_TOKEN");
        assertError(api.get("/api/auth/profile", null), 401, "UNAUTHORIZED");
    }

    @Test
    void anotherUsersItemIs404() {
        String dfid = api.post("/api/items", alice, "{\"identifiers\":[{\"key\":\"lote\",\"value\":\"mine\"}]}")
                .text("dfid");
        assertEquals(200, api.get("/api/items/" + dfid, alice).status());
        assertError(api.get("/api/items/" + dfid, bob), 404, "ITEM_NOT_FOUND");
        assertError(api.put("/api/items/" + dfid, bob, "{\"enriched_data\":{\"x\":1}}"), 404, "ITEM_NOT_FOUND");
        assertError(api.delete("/api/items/" + dfid, bob), 404, "ITEM_NOT_FOUND");
        assertError(api.post("/api/events", bob, "{\"dfid\":\"" + dfid + "\",\"event_type\":\"created\","
                + "\"visibility\":\"public\"}"), 404, "ITEM_NOT_FOUND");
    }

    @Test
    void malformedJsonIs400() {
        assertError(api.post("/api/items", alice, "{\"identifiers\":"), 400, "INVALID_JSON");
        assertError(api.post("/api/auth/login", null, "not json"), 400, "INVALID_JSON");
    }

    @Test
    void wrongContentTypeIs415() {
        assertError(api.raw("POST", "/api/items", alice, "text/plain", "{}".getBytes(StandardCharsets.UTF_8)),
                415, "UNSUPPORTED_MEDIA_TYPE");
        assertError(api.raw("POST", "/api/items", alice, null, "{}".getBytes(StandardCharsets.UTF_8)),
                415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void threeMegabyteBodyIs413() {
        byte[] big = ("{\"enriched_data\":{\"blob\":\"" + "a".repeat(3 * 1024 * 1024) + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
        assertError(api.raw("POST", "/api/items/local", alice, "application/json", big), 413, "PAYLOAD_TOO_LARGE");
        byte[] fits = ("{\"enriched_data\":{\"blob\":\"" + "a".repeat(1900 * 1024) + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
        assertEquals(200, api.raw("POST", "/api/items/local", alice, "application/json", fits).status());
    }

    @Test
    void unknownRouteIs404Json() {
        // Unknown routes are, by definition, outside the contract.
        ApiClient unchecked = api.outsideTheContract();
        assertError(unchecked.get("/api/nope", alice), 404, "ROUTE_NOT_FOUND");
        assertError(unchecked.get("/nope", null), 404, "ROUTE_NOT_FOUND");
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "POST|/api/items|{\"identifiers\":\"nope\"}",
            "POST|/api/items|{\"identifiers\":[{\"key\":1}]}",
            "POST|/api/items|{\"identifiers\":[null]}",
            "POST|/api/items|{\"identifiers\":[{\"key\":\"k\",\"value\":\"v\",\"id_type\":\"weird\"}]}",
            "POST|/api/items|{\"identifiers\":[{\"key\":\"k\",\"value\":\"v\"}],\"source_entry\":\"zzz\"}",
            "POST|/api/items|{\"identifiers\":[{\"key\":\"k\",\"value\":\"v\"}],\"enriched_data\":[1,2]}",
            "POST|/api/items|[]",
            "POST|/api/items|\"text\"",
            "POST|/api/items|null",
            "POST|/api/items|{\"identifiers\":[{\"key\":\"k\",\"value\":\"v\",\"verified\":true,\"id_type\":\"canonical\",\"verification_date\":\"yesterday\"}]}",
            "POST|/api/items/batch|{\"items\":7}",
            "POST|/api/items/batch|{}",
            "GET|/api/items?limit=abc|",
            "GET|/api/items?limit=-5|",
            "GET|/api/items?limit=99999999999|",
            "GET|/api/items?status=exploded|",
            "GET|/api/items?cursor=%25%25%25|",
            "GET|/api/items?cursor=aGVsbG8|",
            "GET|/api/items/pending/not-a-uuid|",
            "POST|/api/items/pending/00000000-0000-0000-0000-000000000000/resolve|{\"action\":\"explode\"}",
            "POST|/api/items/local/merge|{\"master_lid\":\"x\",\"merge_lids\":[]}",
            "POST|/api/items/local/merge|{\"master_lid\":\"00000000-0000-0000-0000-000000000000\",\"merge_lids\":[]}",
            "POST|/api/items/local/merge|{\"master_lid\":\"00000000-0000-0000-0000-000000000000\",\"merge_lids\":[\"00000000-0000-0000-0000-000000000001\"],\"merge_strategy\":\"random\"}",
            "POST|/api/items/local/organize|{\"action\":\"nuke\"}",
            "POST|/api/items/local/unmerge|{}",
            "GET|/api/items/mapping/123|",
            "POST|/api/items/DFID-x/merge|{\"a\":1}",
            "POST|/api/items/DFID-x/split|{\"identifiers_for_new_item\":[]}",
            "PUT|/api/items/DFID-x|{}",
            "POST|/api/events|{\"dfid\":\"D\",\"event_type\":\"exploded\",\"visibility\":\"public\"}",
            "POST|/api/events|{\"dfid\":\"D\",\"event_type\":\"created\",\"visibility\":\"direct\"}",
            "POST|/api/events|{\"event_type\":\"created\",\"visibility\":\"public\"}",
            "POST|/api/events|{\"dfid\":\"D\",\"event_type\":\"created\",\"visibility\":\"public\",\"metadata\":\"x\"}",
            "POST|/api/events/local|{\"event_type\":\"created\"}",
            "GET|/api/events/not-a-uuid|",
            "GET|/api/events/local/not-a-uuid|",
            "GET|/api/events/type/exploded|",
            "GET|/api/events/visibility/direct|",
            "GET|/api/events/timeline?start_date=x|",
            "GET|/api/events/timeline?start_date=99999999999999999|",
            "GET|/api/events/timeline?start_date=200&end_date=100|",
            "POST|/api/events/00000000-0000-0000-0000-000000000000/metadata|[1]",
            "POST|/api/auth/register|{\"username\":\"x\"}",
            "POST|/api/auth/register|{\"username\":\"x\",\"email\":\"x@x.com\",\"password\":\"short\"}",
            "POST|/api/auth/login|{}",
            "POST|/api/circuits|{}",
            "POST|/api/circuits|{\"name\":\"\",\"description\":\"d\"}",
            "POST|/api/circuits|{\"name\":\"n\",\"description\":\"d\",\"adapter_config\":{\"adapter_type\":\"floppy\"}}",
            "POST|/api/circuits|{\"name\":\"n\",\"description\":\"d\",\"public_settings\":{\"access_mode\":\"secret\"}}",
            "GET|/api/circuits?status=exploded|",
            "GET|/api/circuits/not-a-uuid|",
            "GET|/api/circuits/00000000-0000-0000-0000-000000000000|",
            "PUT|/api/circuits/00000000-0000-0000-0000-000000000000|{\"name\":7}",
            "POST|/api/circuits/00000000-0000-0000-0000-000000000000/members|{\"member_id\":\"x\",\"role\":\"emperor\"}",
            "POST|/api/circuits/00000000-0000-0000-0000-000000000000/push/batch|{\"items\":[null]}",
            "POST|/api/circuits/00000000-0000-0000-0000-000000000000/push-local|{\"local_id\":\"nope\"}",
            "POST|/api/circuits/00000000-0000-0000-0000-000000000000/push-events|{\"dfid\":\"D\"}",
            "POST|/api/circuits/operations/not-a-uuid/approve|",
            "POST|/api/circuits/operations/00000000-0000-0000-0000-000000000000/approve|[1]",
            "PUT|/api/circuits/00000000-0000-0000-0000-000000000000/public-settings|{\"public_settings\":{\"access_mode\":\"scheduled\",\"scheduled_date\":\"soon\"}}",
            "POST|/api/circuits/00000000-0000-0000-0000-000000000000/roles|{\"role_name\":\"R\",\"permissions\":[\"Fly\"]}",
            "PUT|/api/circuits/00000000-0000-0000-0000-000000000000/adapter|{\"adapter_type\":\"floppy\"}",
            "GET|/api/notifications?since=-1|",
            "GET|/api/notifications?unread_only=maybe|",
            "PATCH|/api/notifications/not-a-uuid/read|",
            "DELETE|/api/notifications/00000000-0000-0000-0000-000000000000|",
            "GET|/api/merkle/items/DFID-x/merkle-root|",
            "GET|/api/merkle/items/DFID-x/merkle-proof/not-a-uuid|",
            "GET|/api/merkle/circuits/not-a-uuid/merkle-root|",
            "POST|/api/merkle/verify-proof|{\"proof\":{\"leaf_hash\":\"a\",\"siblings\":[{\"hash\":\"b\",\"position\":\"Up\"}]},\"expected_root\":\"r\"}",
            "POST|/api/merkle/verify-proof|{\"expected_root\":\"r\"}",
            "POST|/api/merkle/circuits/00000000-0000-0000-0000-000000000000/sync-check|{}",
            "GET|/items/DFID-x/snapshots?cursor=zzz|",
            "GET|/items/DFID-x/snapshots/latest|",
            "GET|/api/public/snapshots/items/DFID-x/snapshots|"})
    void badInputIsAClearJsonErrorNeverA500(String method, String path, String body) {
        byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        Response r = api.raw(method, path, alice, bytes == null ? null : "application/json", bytes);
        assertTrue(r.status() >= 400 && r.status() < 500, r.status() + " " + r.body());
        assertTrue(r.body().path("error").isTextual(), r.body().toString());
        assertTrue(r.body().path("code").asText().matches("[A-Z][A-Z_]+"), r.body().toString());
    }

    @Test
    void deeplyNestedAndUnicodeInputsAreHandled() {
        String nested = "{\"identifiers\":[{\"key\":\"k\",\"value\":\"v\"}],\"enriched_data\":{\"a\":"
                + "[".repeat(5000) + "]".repeat(5000) + "}}";
        Response deep = api.post("/api/items", alice, nested);
        assertEquals(400, deep.status(), deep.body().toString());
        Response unicode = api.post("/api/items", alice,
                "{\"identifiers\":[{\"key\":\"brinco\",\"value\":\"Ñandú-🐄\"}],\"enriched_data\":{\"nome\":\"Mimosa ✓\"}}");
        assertEquals(200, unicode.status());
        assertEquals("Ñandú-🐄", unicode.body().path("identifiers").get(0).path("value").asText());
    }

    @Test
    void everyListIsBounded() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(api.post("/api/items", bob, "{\"identifiers\":[{\"key\":\"bounded\",\"value\":\"" + i
                    + "\"}]}").text("dfid"));
        }
        Response capped = api.get("/api/items?limit=5000&identifier_key=bounded", bob);
        assertEquals(200, capped.status());
        assertEquals(3, capped.body().size(), "limits above the maximum are lowered, not refused");
        assertEquals(created.getFirst(), capped.body().get(0).path("dfid").asText());
    }
}
