package net.defarm.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.defarm.bootstrap.http.ApiClient.Response;
import net.defarm.bootstrap.http.ApiClient.User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GS1 EPCIS 2.0 end to end: an item with a creation, an enrichment and a circuit push exports with the right
 * business steps and stable event hashes; the export imported into a fresh item exports again as the same events;
 * pages are bounded; nobody else's item or circuit is exported or written.
 */
public abstract class EpcisHttpTests extends RunningService {

    private static final String HASH = "ni:///sha-256;[0-9a-f]{64}\\?ver=CBV2\\.0";
    private static final String CPF = "529.982.247-25";

    private User owner;
    private User member;
    private User outsider;
    private String circuit;
    private String dfid;

    @BeforeAll
    void timeline() {
        owner = api.newUser("epcis");
        member = api.newUser("epcis-member");
        outsider = api.newUser("epcis-outsider");
        circuit = newCircuit(owner, "EPCIS", "export");
        addMember(owner, circuit, member, "member");
        dfid = newItem(owner, "{\"namespace\":\"generic\",\"key\":\"cpf\",\"value\":\"" + CPF
                + "\",\"id_type\":\"Canonical\"}");
        event(owner, dfid, "created", "{\"farm\":\"Boa Vista\"}");
        event(owner, dfid, "enriched", "{\"weight_kg\":412.5}");
        ok(api.post("/api/circuits/" + circuit + "/push/" + dfid, owner.token(), "{}"));
    }

    private String newItem(User user, String extraIdentifier) {
        return ok(api.post("/api/items", user.token(), "{\"identifiers\":[{\"key\":\"lote\",\"value\":\"E-"
                + UUID.randomUUID() + "\"}" + extraIdentifier.transform(x -> x.isEmpty() ? "" : "," + x) + "]}"))
                .text("dfid");
    }

    private void event(User user, String item, String type, String metadata) {
        ok(api.post("/api/events", user.token(), "{\"dfid\":\"" + item + "\",\"event_type\":\"" + type
                + "\",\"visibility\":\"public\",\"metadata\":" + metadata + "}"));
    }

    private static JsonNode events(Response r) {
        return r.body().path("epcisBody").path("eventList");
    }

    private static List<String> field(JsonNode events, String name) {
        List<String> values = new ArrayList<>();
        events.forEach(e -> values.add(e.path(name).asText()));
        return values;
    }

    private Response importDoc(User user, String query, String body) {
        return api.raw("POST", "/api/events/epcis" + query, user.token(), "application/ld+json",
                body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anItemExportsWithItsBusinessStepsAndStableHashes() {
        Response first = ok(api.get("/api/items/" + dfid + "/epcis", owner.token()));
        assertTrue(first.header("Content-Type").orElse("").startsWith("application/ld+json"));
        JsonNode doc = first.body();
        assertEquals("EPCISDocument", doc.path("type").asText());
        assertEquals("2.0", doc.path("schemaVersion").asText());
        assertEquals("https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
                doc.path("@context").get(0).asText());
        assertFalse(doc.path("creationDate").asText().isBlank());
        JsonNode events = events(first);
        assertEquals(List.of("commissioning", "inspecting", "shipping"), field(events, "bizStep"));
        assertEquals(List.of("ADD", "OBSERVE", "OBSERVE"), field(events, "action"));
        assertEquals(List.of("Created", "Enriched", "PushedToCircuit"), field(events, "defarm:eventType"));
        events.forEach(e -> {
            assertEquals("urn:defarm:dfid:" + dfid, e.path("epcList").get(0).asText());
            assertEquals("+00:00", e.path("eventTimeZoneOffset").asText());
            assertTrue(e.path("eventID").asText().matches(HASH), e.toString());
        });
        assertEquals(3, field(events, "eventID").stream().distinct().count());
        assertTrue(events.get(0).path("ilmd").toString().contains(CPF), "the owner's own export carries the CPF");
        Response again = ok(api.get("/api/items/" + dfid + "/epcis", owner.token()));
        assertEquals(field(events, "eventID"), field(events(again), "eventID"), "the hashes are reproducible");
    }

    @Test
    void anExportImportedIntoAFreshItemExportsAsTheSameEvents() {
        JsonNode original = events(ok(api.get("/api/items/" + dfid + "/epcis", owner.token())));
        String body = ok(api.get("/api/items/" + dfid + "/epcis", owner.token())).raw().body();
        String fresh = newItem(owner, "");
        Response imported = ok(importDoc(owner, "?dfid=" + fresh, body));
        assertEquals(3, imported.body().path("imported").asInt(), imported.body().toString());
        Response repeated = ok(importDoc(owner, "?dfid=" + fresh, body));
        assertEquals(0, repeated.body().path("imported").asInt(), "re-importing stores nothing twice");
        assertEquals(3, repeated.body().path("deduplicated").asInt());

        JsonNode copy = events(ok(api.get("/api/items/" + fresh + "/epcis", owner.token())));
        assertEquals(3, copy.size());
        for (int i = 0; i < 3; i++) {
            assertEquals("urn:defarm:dfid:" + fresh, copy.get(i).path("epcList").get(0).asText());
            assertEquals(withoutItem(original.get(i)), withoutItem(copy.get(i)));
        }
    }

    /** An event without what names its item: the epcList, the identifiers, and the hash over them. */
    private static JsonNode withoutItem(JsonNode event) {
        ObjectNode copy = event.deepCopy();
        copy.remove(List.of("epcList", "eventID", "ilmd"));
        return copy;
    }

    @Test
    void pagesAreBoundedAndFollowTheCursor() {
        Response first = ok(api.get("/api/items/" + dfid + "/epcis?limit=2", owner.token()));
        assertEquals(2, events(first).size());
        String cursor = first.header("X-Next-Cursor").orElseThrow();
        Response second = ok(api.get("/api/items/" + dfid + "/epcis?limit=2&cursor=" + cursor, owner.token()));
        assertEquals(List.of("shipping"), field(events(second), "bizStep"));
        assertTrue(second.header("X-Next-Cursor").isEmpty());
        assertError(api.get("/api/items/" + dfid + "/epcis?limit=0", owner.token()), 400, "INVALID_LIMIT");

        Response circuitPage = ok(api.get("/api/circuits/" + circuit + "/epcis?limit=1", member.token()));
        assertEquals(1, events(circuitPage).size());
        List<String> all = new ArrayList<>(field(events(circuitPage), "eventID"));
        String next = circuitPage.header("X-Next-Cursor").orElseThrow();
        while (next != null) {
            Response page = ok(api.get("/api/circuits/" + circuit + "/epcis?limit=1&cursor=" + next,
                    member.token()));
            all.addAll(field(events(page), "eventID"));
            next = page.header("X-Next-Cursor").orElse(null);
        }
        assertEquals(3, all.size(), "every event of the circuit's item, once: " + all);
        assertEquals(3, all.stream().distinct().count());
    }

    @Test
    void aMemberSeesTheItemWithoutPersonalIdentifiers() {
        Response shared = ok(api.get("/api/items/" + dfid + "/epcis", member.token()));
        assertEquals(3, events(shared).size());
        assertFalse(shared.raw().body().contains(CPF), "a CPF never leaves for anyone but the owner");
        assertFalse(ok(api.get("/api/circuits/" + circuit + "/epcis", member.token())).raw().body().contains(CPF));
    }

    @Test
    void othersGet404AndWriteNothing() {
        assertError(api.get("/api/items/" + dfid + "/epcis", outsider.token()), 404, "ITEM_NOT_FOUND");
        assertError(api.get("/api/circuits/" + circuit + "/epcis", outsider.token()), 404, "CIRCUIT_NOT_FOUND");
        String body = ok(api.get("/api/items/" + dfid + "/epcis", owner.token())).raw().body();
        assertError(importDoc(outsider, "", body), 404, "ITEM_NOT_FOUND");
        assertError(importDoc(member, "?dfid=" + dfid, body), 404, "ITEM_NOT_FOUND");
        assertError(importDoc(outsider, "?dfid=DFID-20250101-000001-F7BD", body), 404, "ITEM_NOT_FOUND");
        assertEquals(3, events(ok(api.get("/api/items/" + dfid + "/epcis", owner.token()))).size());
    }

    @Test
    void importsAreValidatedStrictly() {
        String fresh = newItem(owner, "");
        String event = "{\"type\":\"ObjectEvent\",\"eventTime\":\"2024-05-01T09:00:00.250-03:00\","
                + "\"eventTimeZoneOffset\":\"-03:00\",\"epcList\":[\"urn:defarm:dfid:" + fresh + "\"],"
                + "\"action\":\"OBSERVE\",\"bizStep\":\"%s\"}";
        String doc = "{\"@context\":[\"https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld\"],"
                + "\"type\":\"EPCISDocument\",\"schemaVersion\":\"%s\",\"creationDate\":\"2024-05-01T12:00:00Z\","
                + "\"epcisBody\":{\"eventList\":[%s]}}";
        assertError(importDoc(owner, "", doc.formatted("1.2", event.formatted("receiving"))), 400, "INVALID_EPCIS");
        assertError(importDoc(owner, "", doc.formatted("2.0", event.formatted("dancing"))), 400, "INVALID_EPCIS");
        assertError(importDoc(owner, "", doc.formatted("2.0", event.formatted("receiving")
                .replace("2024-05-01T09:00:00.250-03:00", "yesterday"))), 400, "INVALID_EPCIS");
        assertError(importDoc(owner, "", doc.formatted("2.0", "")), 400, "INVALID_EPCIS");
        Response foreign = ok(importDoc(owner, "", doc.formatted("2.0", event.formatted("receiving"))));
        assertEquals("Enriched", foreign.body().path("events").get(0).path("event_type").asText());
        JsonNode exported = events(ok(api.get("/api/items/" + fresh + "/epcis", owner.token()))).get(0);
        assertEquals("2024-05-01T12:00:00.250Z", exported.path("eventTime").asText());
        assertEquals("receiving", exported.path("defarm:metadata").path("epcis_event").path("bizStep").asText());
    }
}
