package net.defarm.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import net.defarm.bootstrap.http.ApiClient.Response;
import net.defarm.bootstrap.http.ApiClient.User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Regression tests for the input findings of the security probe: links built from encoded components (no header
 * injection, usable as given), 400 instead of 500 for values no store can hold, strict JSON, and error messages in
 * the API's words. Abstract: each storage mode runs it against its own store.
 */
public abstract class StrictInputHttpTests extends RunningService {

    /** The description a circuit needs, so that only the field under test is wrong. */
    private static final String D = "\"description\":\"d\",";
    private static final String D_LAST = "\"description\":\"d\"";

    private User user;

    @BeforeAll
    void signUp() {
        user = api.newUser("strict");
    }

    private String token() {
        return user.token();
    }

    private String circuit() {
        return ok(api.post("/api/circuits", token(), "{\"name\":\"strict-" + UUID.randomUUID()
                + "\"," + D_LAST + "}")).text("circuit_id");
    }

    private static void assertNamed(Response r, String code, String... words) {
        assertError(r, 400, code);
        for (String word : words) {
            assertTrue(r.text("error").contains(word), "'" + word + "' not in " + r.body());
        }
        assertNoJavaNames(r);
    }

    static void assertNoJavaNames(Response r) {
        String message = r.text("error");
        assertFalse(MalformedInputHttpTests.JAVA_NAMES.matcher(message).find(), message);
    }

    // Finding 4: the Link header is built from encoded components, so a decoded CR LF never reaches a header.
    @Test
    void aLinkNeverCarriesDecodedInputIntoHeaders() {
        User owner = api.newUser("crlf");
        // Two namespaces, so two items carry the same key and value.
        String first = ok(api.post("/api/items", owner.token(), "{\"identifiers\":[{\"namespace\":\"bovino\","
                + "\"key\":\"crlf\",\"value\":\"v\\r\\nX-Injected: yes\"}]}")).text("dfid");
        String second = ok(api.post("/api/items", owner.token(), "{\"identifiers\":[{\"namespace\":\"suino\","
                + "\"key\":\"crlf\",\"value\":\"v\\r\\nX-Injected: yes\"}]}")).text("dfid");
        assertFalse(first.equals(second));
        Response r = ok(api.get("/api/items/identifier/crlf/v%0D%0AX-Injected%3A%20yes?limit=1", owner.token()));
        assertTrue(r.header("X-Injected").isEmpty(), r.raw().headers().toString());
        String link = r.header("Link").orElseThrow(() -> new AssertionError(r.raw().headers() + " " + r.body()));
        assertTrue(link.startsWith("</api/items/identifier/crlf/v%0D%0AX-Injected%3A%20yes?"), link);
        assertFalse(link.chars().anyMatch(c -> c < 0x20), link);

        Response query = ok(api.get("/api/items?limit=1&note=%0D%0AX-Injected%3A%20yes", owner.token()));
        assertTrue(query.header("X-Injected").isEmpty(), query.raw().headers().toString());
        String queryLink = query.header("Link").orElseThrow();
        assertTrue(queryLink.contains("note=%0D%0AX-Injected%3A%20yes"), queryLink);
    }

    // Finding 5: the Link of the next page is absolute (with the /api prefix) and can be followed as given.
    @ParameterizedTest
    @ValueSource(strings = {"/api/items", "/api/items/search", "/api/events/public"})
    void nextLinksAreUsableAsGiven(String list) {
        User owner = api.newUser("links");
        for (int i = 0; i < 3; i++) {
            String dfid = ok(api.post("/api/items", owner.token(), "{\"identifiers\":[{\"key\":\"lote\",\"value\":\""
                    + UUID.randomUUID() + "\"}]}")).text("dfid");
            ok(api.post("/api/events", owner.token(), "{\"dfid\":\"" + dfid + "\",\"event_type\":\"enriched\","
                    + "\"visibility\":\"public\",\"metadata\":{\"n\":" + i + "}}"));
        }
        Response first = ok(api.get(list + "?limit=1", owner.token()));
        String link = first.header("Link").orElseThrow();
        assertTrue(link.startsWith("<" + list + "?"), link);
        assertTrue(link.endsWith(">; rel=\"next\""), link);
        assertTrue(link.contains("limit=1"), link);
        Response second = ok(api.get(link.substring(1, link.indexOf('>')), owner.token()));
        assertEquals(1, second.body().size());
        assertFalse(first.body().get(0).equals(second.body().get(0)));
    }

    // Finding 6: nulls inside lists are 400s naming the element.
    @Test
    void nullsInsideListsAreRefusedByPath() {
        assertNamed(api.post("/api/circuits", token(), "{\"name\":\"n\"," + D
                + "\"alias_config\":{\"required_canonical\":"
                + "[null]}}"), "INVALID_FIELD", "alias_config.required_canonical[0]", "null");
        assertNamed(api.put("/api/circuits/" + circuit() + "/public-settings", token(),
                "{\"public_settings\":{\"access_mode\":\"public\",\"published_items\":[null]}}"), "INVALID_FIELD",
                "public_settings.published_items[0]");
    }

    // Finding 6: bcrypt reads 72 bytes; longer passwords are refused, not cut or crashed on.
    @Test
    void passwordsOverBcryptsLimitAreRefused() {
        String longPassword = "Aa1!" + "x".repeat(69);
        assertNamed(api.put("/api/circuits/" + circuit() + "/public-settings", token(),
                "{\"public_settings\":{\"access_mode\":\"protected\",\"access_password\":\"" + longPassword + "\"}}"),
                "INVALID_FIELD", "access_password", "72");
        String name = "long-" + UUID.randomUUID().toString().substring(0, 8);
        assertNamed(api.post("/api/auth/register", null, "{\"username\":\"" + name + "\",\"email\":\"" + name
                + "@example.com\",\"password\":\"" + longPassword + "\"}"), "WEAK_PASSWORD", "72");
        assertError(api.post("/api/auth/login", null, "{\"username\":\"" + name + "\",\"password\":\""
                + longPassword + "\"}"), 401, "INVALID_CREDENTIALS");
    }

    // Finding 6: NUL is refused at the door, in body values, field names, path and query parameters.
    @Test
    void nulIsRefusedWhereverItComesFrom() {
        assertNamed(api.post("/api/items", token(), "{\"identifiers\":[{\"key\":\"k\",\"value\":\"a\\u0000b\"}]}"),
                "INVALID_FIELD", "identifiers[0].value", "NUL");
        assertNamed(api.post("/api/items", token(), "{\"identifiers\":[{\"key\":\"k\",\"value\":\"v\"}],"
                + "\"enriched_data\":{\"a\\u0000\":1}}"), "INVALID_FIELD", "field name", "NUL");
        assertNamed(api.post("/api/auth/login", null, "{\"username\":\"x\\u0000\",\"password\":\"p\"}"),
                "INVALID_FIELD", "username", "NUL");
        assertNamed(api.get("/api/items/DFID-20250101-000001-F7BD%00", token()), "INVALID_PARAMETER", "dfid",
                "NUL");
        assertNamed(api.get("/api/items/identifier/k/v%00", token()), "INVALID_PARAMETER", "value");
        assertNamed(api.get("/api/items?cursor=%00", token()), "INVALID_PARAMETER", "cursor");
        assertNamed(api.get("/api/items/search?identifier_key=%00", token()), "INVALID_PARAMETER",
                "identifier_key");
    }

    // Finding 6: instants no store can hold are 400s naming the parameter.
    @Test
    void outOfRangeInstantsAreRefused() {
        assertNamed(api.get("/api/notifications?since=31556889864403199", token()), "INVALID_QUERY", "since");
        assertNamed(api.get("/api/events/timeline?start_date=-31557014167219200", token()), "INVALID_QUERY",
                "start_date");
        assertNamed(api.get("/api/events/timeline?end_date=253402300800", token()), "INVALID_QUERY", "end_date");
        ok(api.get("/api/events/timeline?start_date=0&end_date=253402300799", token()));
    }

    // A cursor is opaque but decodes to whatever the client sent: a forged one whose key carries NUL (PostgreSQL
    // refuses it) is a 400 like any other bad cursor, and far instants are no error either.
    @ParameterizedTest
    @ValueSource(strings = {"/api/items", "/api/events/public", "/api/notifications", "/api/circuits"})
    void forgedCursorsAreRefusedOrHarmless(String list) {
        String kind = switch (list) {
            case "/api/items" -> "items";
            case "/api/events/public" -> "events";
            case "/api/notifications" -> "notifications";
            default -> "circuits";
        };
        assertNamed(api.get(list + "?cursor=" + cursor(kind + "\u001F0\u001Fa\u0000b"), token()),
                "INVALID_CURSOR", "cursor");
        String id = UUID.randomUUID().toString();
        for (long micros : new long[] {Long.MIN_VALUE, Long.MAX_VALUE}) {
            ok(api.get(list + "?cursor=" + cursor(kind + "\u001F" + micros + "\u001F" + id), token()));
        }
    }

    private static String cursor(String decoded) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(decoded.getBytes(StandardCharsets.UTF_8));
    }

    // Finding 7: one JSON value and nothing after it.
    @Test
    void trailingDataIsRefused() {
        String login = "{\"username\":\"nobody\",\"password\":\"p\"}";
        assertNamed(api.post("/api/auth/login", null, login + " trailing"), "INVALID_JSON");
        assertNamed(api.post("/api/auth/login", null, login + login), "INVALID_JSON", "after the JSON value");
        assertNamed(api.post("/api/circuits", token(), "{\"name\":\"a\"," + D_LAST + "}{\"name\":\"b\"}"),
                "INVALID_JSON");
    }

    // Finding 7: no scalar is coerced into another type.
    @Test
    void scalarsAreNotCoerced() {
        assertNamed(api.post("/api/circuits", token(), "{\"name\":123," + D_LAST + "}"), "INVALID_FIELD", "'name'",
                "string");
        assertNamed(api.post("/api/circuits", token(), "{\"name\":true," + D_LAST + "}"), "INVALID_FIELD", "'name'",
                "string");
        assertNamed(api.post("/api/circuits", token(), "{\"name\":\"n\"," + D + "\"require_approval_for_push\":1}"),
                "INVALID_FIELD", "require_approval_for_push", "boolean");
        assertNamed(api.post("/api/circuits", token(), "{\"name\":\"n\"," + D
                + "\"require_approval_for_push\":\"true\"}"),
                "INVALID_FIELD", "require_approval_for_push", "boolean");
        assertNamed(api.post("/api/public/merkle/verify-proof", null, "{\"proof\":{\"leaf_hash\":\"ab\","
                + "\"leaf_index\":\"1\",\"siblings\":[],\"root\":\"ab\"}}"), "INVALID_FIELD", "proof.leaf_index",
                "integer");
        assertNamed(api.post("/api/public/merkle/verify-proof", null, "{\"proof\":{\"leaf_hash\":\"ab\","
                + "\"leaf_index\":1.5,\"siblings\":[],\"root\":\"ab\"}}"), "INVALID_FIELD", "proof.leaf_index",
                "integer");
    }

    // Finding 7: the body must be well-formed UTF-8, and escapes must not leave a lone surrogate.
    @ParameterizedTest
    @ValueSource(strings = {"C0AE", "EDA080", "F4908080", "E282", "FF"})
    void invalidUtf8IsRefused(String hex) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("{\"name\":\"u".getBytes(StandardCharsets.UTF_8));
        body.writeBytes(java.util.HexFormat.of().parseHex(hex));
        body.writeBytes(("z\"," + D_LAST + "}").getBytes(StandardCharsets.UTF_8));
        Response r = api.raw("POST", "/api/circuits", token(), "application/json", body.toByteArray());
        assertNamed(r, "INVALID_JSON", "UTF-8");
    }

    @Test
    void loneSurrogateEscapesAreRefused() {
        assertNamed(api.post("/api/circuits", token(), "{\"name\":\"a\\ud800b\"," + D_LAST + "}"), "INVALID_FIELD",
                "'name'", "surrogate");
        assertNamed(api.post("/api/circuits", token(), "{\"name\":\"a\\udc00\"," + D_LAST + "}"), "INVALID_FIELD",
                "'name'");
        // A proper pair is text like any other.
        assertEquals("a\uD83D\uDC04", ok(api.post("/api/circuits", token(),
                "{\"name\":\"a\\ud83d\\udc04\"," + D_LAST + "}"))
                .body().path("name").asText());
    }

    @Test
    void deepNestingIsRefusedInOurWords() {
        String deep = "{\"name\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertNamed(api.post("/api/circuits", token(), deep), "INVALID_JSON", "deeper than");
    }

    @Test
    void hugeNumbersAreRefusedInOurWords() {
        String proof = "{\"proof\":{\"leaf_hash\":\"ab\",\"leaf_index\":%s,\"siblings\":[],\"root\":\"ab\"}}";
        assertNamed(api.post("/api/public/merkle/verify-proof", null,
                proof.formatted("123456789012345678901234567890")), "INVALID_FIELD", "integer");
        assertNamed(api.post("/api/public/merkle/verify-proof", null, proof.formatted("1e999999")), "INVALID_FIELD",
                "proof.leaf_index", "out of range");
        // Integers beyond 64 bits in free-form data are read as doubles, as the reference did.
        assertTrue(ok(api.post("/api/items", token(), "{\"identifiers\":[{\"key\":\"big\",\"value\":\""
                + UUID.randomUUID() + "\"}],\"enriched_data\":{\"n\":123456789012345678901234567890}}"))
                .body().path("enriched_data").path("n").isNumber());
    }

    // Finding 8: messages name the field and the JSON type, never a Java class.
    @Test
    void messagesSpeakTheApisWords() {
        assertNamed(api.post("/api/items", token(), "{\"identifiers\":\"x\"}"), "INVALID_FIELD", "'identifiers'",
                "array");
        assertNamed(api.post("/api/items", token(), "{\"identifiers\":[\"x\"]}"), "INVALID_FIELD",
                "'identifiers[0]'", "object");
        assertNamed(api.post("/api/circuits/" + circuit() + "/push/batch", token(), "{\"items\":[1]}"),
                "INVALID_FIELD", "'items[0]'", "object");
        assertNamed(api.post("/api/items", token(), "{\"identifiers\":[{\"key\":\"k\",\"value\":\"v\"}],"
                + "\"enriched_data\":[]}"), "INVALID_FIELD", "'enriched_data'", "object");
    }
}
