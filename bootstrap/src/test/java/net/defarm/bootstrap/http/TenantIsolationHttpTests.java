package net.defarm.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.defarm.adapters.http.door.RouteSpec;
import net.defarm.bootstrap.http.ApiClient.Response;
import net.defarm.bootstrap.http.ApiClient.User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Owner A holds items, events, a private circuit with a member and a viewer, snapshots, a pending item and
 * notifications; outsider O calls every route the routing holds (taken from the service, never a hand-kept list)
 * with A's ids in the path. Nothing O receives may carry A's identifier values, DFIDs, event ids or data values,
 * and nothing O sends may change A's data. Member and viewer still read what they may, so the test is not vacuous.
 */
public abstract class TenantIsolationHttpTests extends RunningService {

    private static final Pattern PARAMETER = Pattern.compile("\\{([a-z_]+)}");
    private static final List<String> QUERIES = List.of("", "?limit=100", "?include_public=true&limit=100");

    private User a;
    private User member;
    private User viewer;
    private User o;
    private String circuit;
    private String lid;
    private String notification;
    private String pending;
    private String operation;
    private String snapshot;
    private String apiKey;
    private String event;
    private String localEvent;
    private String lote;
    private String receipt;
    private final List<String> dfids = new ArrayList<>();
    /** Everything of A's that O must never receive. */
    private final Set<String> secrets = new LinkedHashSet<>();

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 13);
    }

    @BeforeAll
    void ownerData() {
        a = api.newUser("owner");
        member = api.newUser("member");
        viewer = api.newUser("viewer");
        o = api.newUser("outsider");
        circuit = newCircuit(a, "A private", "A's lot");
        addMember(a, circuit, member, "member");
        addMember(a, circuit, viewer, "viewer");

        lote = unique("A-LOTE");
        String price = unique("A-PRICE");
        String first = ok(api.post("/api/items", a.token(), "{\"identifiers\":[{\"key\":\"lote\",\"value\":\"" + lote
                + "\"}],\"enriched_data\":{\"price\":\"" + price + "\"}}")).text("dfid");
        operation = ok(api.post("/api/circuits/" + circuit + "/push/" + first, a.token(), "{}")).body()
                .findValuesAsText("operation_id").getFirst();

        String sisbov = randomSisbov();
        String weight = unique("A-WEIGHT");
        String identifiers = "[" + sisbov(sisbov) + "]";
        lid = ok(api.post("/api/items/local", a.token(), "{\"identifiers\":" + identifiers
                + ",\"enriched_data\":{\"weight\":\"" + weight + "\"}}")).body().path("data").path("local_id").asText();
        String second = ok(api.post("/api/circuits/" + circuit + "/push-local", a.token(), "{\"local_id\":\"" + lid
                + "\",\"identifiers\":" + identifiers + ",\"enriched_data\":{\"weight\":\"" + weight + "\"}}"))
                .body().path("data").path("dfid").asText();
        dfids.addAll(List.of(first, second));

        String note = unique("A-NOTE");
        event = ok(api.post("/api/events", a.token(), "{\"dfid\":\"" + first + "\",\"event_type\":\"updated\","
                + "\"visibility\":\"private\",\"metadata\":{\"note\":\"" + note + "\"}}")).text("event_id");
        String localNote = unique("A-LOCAL-NOTE");
        localEvent = ok(api.post("/api/events/local", a.token(), "{\"event_type\":\"updated\",\"visibility\":"
                + "\"private\",\"metadata\":{\"note\":\"" + localNote + "\"}}")).body()
                .findValuesAsText("local_event_id").getFirst();

        String pendingValue = unique("A-PENDING");
        // An empty data key holds the submission as a pending item.
        api.post("/api/items", a.token(), "{\"identifiers\":[{\"key\":\"lote\",\"value\":\"" + pendingValue
                + "\"}],\"enriched_data\":{\"\":\"" + pendingValue + "\"}}");
        List<String> held = ok(api.get("/api/items/pending", a.token())).body().findValuesAsText("id");
        assertEquals(1, held.size(), "A's pending item");
        pending = held.getFirst();

        User requester = api.newUser("requester");
        ok(api.post("/api/circuits/" + circuit + "/requests", requester.token(), "{\"message\":\"hello A\"}"));
        notification = ok(api.get("/api/notifications", a.token())).body().path("data").get(0).path("id").asText();
        snapshot = ok(api.get("/items/" + first + "/snapshots/latest", a.token())).body()
                .findValuesAsText("snapshot_id").getFirst();

        assertFalse(List.of(operation, snapshot, localEvent, notification, lid).contains(""), "A's ids were read");
        secrets.addAll(dfids);
        JsonNode kept = ok(api.post("/api/receipts", a.token(), "{\"data\":\"" + java.util.Base64.getEncoder()
                .encodeToString(unique("A-RECEIPT").getBytes(StandardCharsets.UTF_8)) + "\",\"keep\":true,"
                + "\"identifiers\":[{\"key\":\"lote\",\"value\":\"" + lote + "\"}]}")).body();
        receipt = kept.path("id").asText();
        secrets.addAll(List.of(receipt, kept.path("hash").asText(), kept.path("cid").asText()));
        JsonNode key = ok(api.post("/api/api-keys", a.token(), "{\"name\":\"" + unique("A-KEY")
                + "\",\"organization_type\":\"Producer\"}")).body();
        apiKey = key.path("metadata").path("id").asText();
        secrets.addAll(List.of(apiKey, key.path("api_key").asText(), key.path("metadata").path("name").asText()));
        secrets.addAll(List.of(lote, price, sisbov, weight, note, localNote, pendingValue, lid, event, localEvent,
                snapshot, notification, pending, operation, a.id(), member.id(), viewer.id()));
        for (String dfid : dfids) {
            secrets.addAll(ok(api.get("/api/events/item/" + dfid, a.token())).body().findValuesAsText("event_id"));
        }

        // O has data of its own, so that O's answers are not empty by construction.
        String own = newCircuit(o, "O's", "O lot");
        String ownItem = ok(api.post("/api/items", o.token(), "{\"identifiers\":[{\"key\":\"lote\",\"value\":\""
                + unique("O-LOTE") + "\"}]}")).text("dfid");
        ok(api.post("/api/circuits/" + own + "/push/" + ownItem, o.token(), "{}"));
    }

    /** A's value for a path parameter of this route; a syntactically valid value for names it does not know. */
    private String value(String template, String name, String dfid) {
        return switch (name) {
            case "id" -> template.startsWith("/api/notifications") ? notification
                    : template.startsWith("/api/items/pending") ? pending
                    : template.startsWith("/api/receipts") ? receipt : circuit;
            case "circuit_id" -> circuit;
            case "dfid" -> dfid;
            case "event_id" -> event;
            case "local_event_id" -> localEvent;
            case "local_id" -> lid;
            case "snapshot_id" -> snapshot;
            case "key_id" -> apiKey;
            case "pending_id" -> pending;
            case "operation_id" -> operation;
            case "member_id", "user_id", "requester_id" -> a.id();
            case "role_name" -> "Owner";
            case "key" -> "lote";
            case "value" -> lote;
            case "event_type" -> "updated";
            case "visibility" -> "private";
            default -> "x";
        };
    }

    private String path(String template, String dfid) {
        Matcher m = PARAMETER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(URLEncoder.encode(value(template, m.group(1), dfid),
                    StandardCharsets.UTF_8)));
        }
        return m.appendTail(out).toString();
    }

    private List<RouteSpec> routes(boolean reads) {
        return service.routes().stream().filter(r -> r.method().equals("GET") == reads).toList();
    }

    /** The leaks in this answer, one line each (collected, so a failure lists every leaking route at once). */
    private List<String> leaks(String call, Response r) {
        String seen = r.body() + " " + r.raw().headers().map();
        return secrets.stream().filter(seen::contains)
                .map(secret -> call + " answered " + r.status() + " with A's " + secret + ": " + r.body()).toList();
    }

    private Map<String, JsonNode> aState() {
        Map<String, JsonNode> state = new LinkedHashMap<>();
        for (String dfid : dfids) {
            state.put("item " + dfid, ok(api.get("/api/items/" + dfid, a.token())).body());
            state.put("events " + dfid, ok(api.get("/api/events/item/" + dfid, a.token())).body());
        }
        JsonNode c = ok(api.get("/api/circuits/" + circuit, a.token())).body();
        for (String field : List.of("name", "description", "owner_id", "members", "permissions", "status",
                "custom_roles", "public_settings", "alias_config")) {
            state.put("circuit " + field, c.path(field));
        }
        state.put("circuit items", ok(api.get("/api/circuits/" + circuit + "/items", a.token())).body());
        state.put("mapping", ok(api.get("/api/items/mapping/" + lid, a.token())).body());
        state.put("pending", ok(api.get("/api/items/pending", a.token())).body());
        state.put("local event", ok(api.get("/api/events/local/" + localEvent, a.token())).body());
        state.put("api key", ok(api.get("/api/api-keys/" + apiKey, a.token())).body());
        state.put("receipts", ok(api.get("/api/receipts/list", a.token())).body());
        return state;
    }

    @Test
    void theOutsiderReadsNothingOfTheOwnersThroughAnyReadRoute() {
        List<RouteSpec> reads = routes(true);
        assertTrue(reads.size() > 30, "the routing's read routes: " + reads);
        List<String> leaks = new ArrayList<>();
        int calls = 0;
        for (RouteSpec route : reads) {
            for (String dfid : dfids) {
                for (String query : QUERIES) {
                    String call = path(route.template(), dfid) + query;
                    leaks.addAll(leaks("GET " + call, api.get(call, o.token())));
                    calls++;
                }
            }
        }
        assertEquals(List.of(), leaks, String.join("\n", leaks));
        assertTrue(calls >= reads.size() * QUERIES.size());
    }

    @Test
    void membersAndViewersStillReadWhatTheCircuitShares() {
        String first = dfids.getFirst();
        assertTrue(ok(api.get("/api/items/" + first, member.token())).body().toString().contains(lote));
        assertTrue(ok(api.get("/api/circuits/" + circuit + "/items", viewer.token())).body().findValuesAsText("dfid")
                .containsAll(dfids));
        assertEquals(circuit, ok(api.get("/api/circuits/" + circuit, viewer.token())).text("circuit_id"));
        assertEquals(404, api.get("/api/items/" + first, o.token()).status(), "the outsider is not shared with");
    }

    @Test
    void theOutsiderChangesNothingOfTheOwnersThroughAnyWriteRoute() {
        Map<String, JsonNode> before = aState();
        List<RouteSpec> writes = routes(false);
        assertTrue(writes.size() > 30, "the routing's write routes: " + writes);
        List<String> leaks = new ArrayList<>();
        for (RouteSpec route : writes) {
            for (String dfid : dfids) {
                String call = path(route.template(), dfid);
                Response r = switch (route.method()) {
                    case "POST" -> api.post(call, o.token(), "{}");
                    case "PUT" -> api.put(call, o.token(), "{}");
                    case "PATCH" -> api.patch(call, o.token(), "{}");
                    case "DELETE" -> api.delete(call, o.token());
                    default -> throw new AssertionError("unexpected method " + route);
                };
                leaks.addAll(leaks(route.method() + " " + call, r));
            }
        }
        assertEquals(List.of(), leaks, String.join("\n", leaks));
        assertEquals(before, aState());
        assertTrue(ok(api.get("/api/notifications", a.token())).body().findValuesAsText("id").contains(notification),
                "A's notification is still there");
    }
}
