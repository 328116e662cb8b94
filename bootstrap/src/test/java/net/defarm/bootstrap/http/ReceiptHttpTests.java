package net.defarm.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import net.defarm.bootstrap.http.ApiClient.Response;
import net.defarm.bootstrap.http.ApiClient.User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Receipts end to end: the data-receipt journey, strict base64, ownership, searches and bounded lists. */
public abstract class ReceiptHttpTests extends RunningService {

    /** BLAKE3("hello"), the reference's test vector. */
    private static final String HELLO_BLAKE3 = "ea8f163db38682925e4491c5e58d4bb3506ef8c14eb78a86e908c5624a67200f";

    private User owner;
    private User other;

    @BeforeAll
    void users() {
        owner = api.newUser("receipts");
        other = api.newUser("stranger");
    }

    private static String body(String base64, String lote) {
        return "{\"data\":\"" + base64 + "\",\"identifiers\":[{\"key\":\"lote\",\"value\":\"" + lote + "\"}]}";
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aReceiptIsVerifiedWithTheSameBytesAndNotWithOthers() {
        String lote = "LOTE-" + UUID.randomUUID();
        Response created = ok(api.post("/api/receipts", owner.token(), body("eyJwZXNvIjo0NTB9", lote)));
        String id = created.text("id");
        assertEquals(12, created.body().path("data_size").asInt());
        assertEquals(64, created.text("hash").length());
        assertTrue(created.body().path("timestamp").asLong() > 1_700_000_000L);
        assertFalse(created.body().has("cid"), "bytes are kept only when asked");

        assertEquals(created.body(), ok(api.get("/api/receipts/" + id, owner.token())).body());
        Response same = ok(api.post("/api/receipts/" + id + "/verify", owner.token(),
                "{\"data\":\"eyJwZXNvIjo0NTB9\"}"));
        assertTrue(same.body().path("is_valid").asBoolean());
        assertEquals(same.text("original_hash"), same.text("provided_hash"));
        assertEquals(id, same.text("receipt_id"));
        Response altered = ok(api.post("/api/receipts/" + id + "/verify", owner.token(), "{\"data\":\"dGFtcGVyZWQ=\"}"));
        assertFalse(altered.body().path("is_valid").asBoolean());
        assertEquals(created.text("hash"), altered.text("original_hash"));

        assertEquals(List.of(id), ok(api.get("/api/receipts/search/value/" + lote, owner.token())).body()
                .findValuesAsText("id"));
    }

    @Test
    void theHashIsBlake3OfTheDecodedBytesAndKeepStoresThemUnderTheirCid() {
        Response hello = ok(api.post("/api/receipts", owner.token(), body("aGVsbG8=", "L48")));
        assertEquals(HELLO_BLAKE3, hello.text("hash"));
        assertEquals(5, hello.body().path("data_size").asInt());
        Response kept = ok(api.post("/api/receipts", owner.token(), "{\"data\":\"" + b64("hello world")
                + "\",\"keep\":true,\"identifiers\":[{\"key\":\"lote\",\"value\":\"L49\"}]}"));
        assertEquals("bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e", kept.text("cid"));
    }

    @Test
    void malformedSubmissionsAreClearErrors() {
        for (String bad : new String[] {"***", "aGVsbG8", "aGVsbG9=", "aGVs bG8=", "aGVsbG8=\\n", "_-8="}) {
            assertError(api.post("/api/receipts", owner.token(), body(bad, "L")), 400, "INVALID_BASE64");
        }
        assertError(api.post("/api/receipts", owner.token(), "{\"data\":\"aGVsbG8=\",\"identifiers\":[]}"), 400,
                "NO_IDENTIFIERS");
        assertError(api.post("/api/receipts", owner.token(), "{\"data\":\"aGVsbG8=\"}"), 400, "NO_IDENTIFIERS");
        assertError(api.post("/api/receipts", owner.token(), "{\"identifiers\":[{\"key\":\"k\",\"value\":\"v\"}]}"),
                400, "MISSING_FIELD");
        assertError(api.post("/api/receipts", owner.token(), "{\"data\":\"aGVsbG8=\",\"identifiers\":[{\"key\":"
                + "\"k\"}]}"), 400, "INVALID_IDENTIFIER");
        String big = Base64.getEncoder().encodeToString(new byte[256 * 1024 + 1]);
        assertError(api.post("/api/receipts", owner.token(), "{\"data\":\"" + big + "\",\"keep\":true,"
                + "\"identifiers\":[{\"key\":\"k\",\"value\":\"v\"}]}"), 400, "CONTENT_TOO_LARGE");
        String many = java.util.stream.IntStream.rangeClosed(0, net.defarm.application.shared.Limits.MAX_IDENTIFIERS)
                .mapToObj(i -> "{\"key\":\"lot\",\"value\":\"L" + i + "\"}")
                .collect(java.util.stream.Collectors.joining(","));
        assertError(api.post("/api/receipts", owner.token(), "{\"data\":\"aGVsbG8=\",\"identifiers\":[" + many
                + "]}"), 400, "TOO_MANY_IDENTIFIERS");
        assertError(api.get("/api/receipts/xyz", owner.token()), 400, "INVALID_ID");
        String id = ok(api.post("/api/receipts", owner.token(), body("aGVsbG8=", "L60"))).text("id");
        assertError(api.post("/api/receipts/" + id + "/verify", owner.token(), "{}"), 400, "MISSING_FIELD");
        assertError(api.post("/api/receipts/" + id + "/verify", owner.token(), "{\"data\":\"***\"}"), 400,
                "INVALID_BASE64");
    }

    @Test
    void anotherUsersReceiptIsUnknown() {
        String lote = "PRIVATE-" + UUID.randomUUID();
        String id = ok(api.post("/api/receipts", owner.token(), body("aGVsbG8=", lote))).text("id");
        assertError(api.get("/api/receipts/" + id, other.token()), 404, "RECEIPT_NOT_FOUND");
        assertError(api.post("/api/receipts/" + id + "/verify", other.token(), "{\"data\":\"aGVsbG8=\"}"), 404,
                "RECEIPT_NOT_FOUND");
        assertEquals(0, ok(api.get("/api/receipts/search/value/" + lote, other.token())).body().size());
        assertEquals(0, ok(api.post("/api/receipts/search/identifier", other.token(), "{\"key\":\"lote\","
                + "\"value\":\"" + lote + "\"}")).body().size());
        assertFalse(ok(api.get("/api/receipts/list?limit=1000", other.token())).body().findValuesAsText("id")
                .contains(id));
        assertEquals(List.of(id), ok(api.post("/api/receipts/search/identifier", owner.token(), "{\"key\":\"lote\","
                + "\"value\":\"" + lote + "\"}")).body().findValuesAsText("id"));
    }

    @Test
    void listsAreBoundedAndFollowTheirCursor() {
        User lister = api.newUser("lister");
        String key = "k-" + UUID.randomUUID();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(ok(api.post("/api/receipts", lister.token(), "{\"data\":\"" + b64("r" + i) + "\","
                    + "\"identifiers\":[{\"key\":\"" + key + "\",\"value\":\"v" + i + "\"}]}")).text("id"));
        }
        for (String route : List.of("/api/receipts/list", "/api/receipts/search/key/" + key)) {
            List<String> seen = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                Response page = ok(api.get(route + "?limit=2" + (cursor == null ? "" : "&cursor=" + cursor),
                        lister.token()));
                assertTrue(page.body().size() <= 2);
                seen.addAll(page.body().findValuesAsText("id"));
                cursor = page.header("X-Next-Cursor").orElse(null);
                pages++;
            } while (cursor != null && pages < 10);
            assertEquals(created, seen, route);
            assertEquals(3, pages, route);
        }
        assertError(api.get("/api/receipts/list?limit=0", lister.token()), 400, "INVALID_LIMIT");
        assertError(api.get("/api/receipts/list?cursor=bogus", lister.token()), 400, "INVALID_CURSOR");
    }
}
