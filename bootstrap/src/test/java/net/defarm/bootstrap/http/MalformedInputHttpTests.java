package net.defarm.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.defarm.adapters.http.door.RouteSpec;
import net.defarm.bootstrap.http.ApiClient.User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The probe's malformed-input game, played on every route the routing holds ({@code service.routes()}, so a new
 * route is covered without touching this test). Every answer must be a JSON error body ({@code error} and
 * {@code code}), never a 5xx, and never name a Java type, package or one of our DTO records.
 *
 * <p>Which routes read a body: each route with a body-capable method is first probed with the truncated body
 * {@code {"x":}. A route that reads its body must answer 400 INVALID_JSON to it; a route that answers anything else
 * ignores its body, and may then answer the corpus with what it answers without one. On body-reading routes every
 * truly malformed body (syntax error, trailing data, invalid UTF-8, lone surrogate, NUL, deep nesting) must be a
 * 4xx.
 */
public abstract class MalformedInputHttpTests extends RunningService {

    /** What no error message may contain (plus the simple names of the HTTP adapter's records, added below). */
    static final Pattern JAVA_NAMES = Pattern.compile("java\\.|javax\\.|com\\.fasterxml|jackson|net\\.defarm"
            + "|Exception|\\(expected [A-Z]|StreamReadConstraints|getMax|`");

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String DFID = "DFID-20250101-000001-F7BD";
    /** Path parameters that are words rather than ids get a syntactically valid word. */
    private static final Map<String, String> WORD_PARAMETERS = Map.of("visibility", "public", "event_type",
            "enriched", "role_name", "auditor", "key", "lote", "value", "L-1", "verification_type", "item");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private User user;
    private Pattern recordNames;

    record Body(String name, byte[] bytes, boolean malformed) {
    }

    record Answer(int status, String contentType, JsonNode body, String raw) {
    }

    @BeforeAll
    void prepare() {
        user = api.newUser("corpus");
        // Our DTO records' simple names (compound names such as IdentifierDto or BatchItem) must not leak either.
        String names = new ClassFileImporter().importPackages("net.defarm.adapters.http").stream()
                .filter(JavaClass::isRecord)
                .map(JavaClass::getSimpleName)
                .filter(n -> n.chars().filter(Character::isUpperCase).count() >= 2)
                .collect(Collectors.joining("|"));
        recordNames = Pattern.compile("\\b(" + names + ")\\b");
    }

    private static Body text(String name, String json, boolean malformed) {
        return new Body(name, json.getBytes(StandardCharsets.UTF_8), malformed);
    }

    private static Body bytes(String name, String before, String hex, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(HexFormat.of().parseHex(hex));
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return new Body(name, out.toByteArray(), true);
    }

    static List<Body> corpus() {
        List<Body> corpus = new ArrayList<>();
        corpus.add(text("missing fields", "{}", false));
        corpus.add(text("wrong types", "{\"name\":123,\"identifiers\":\"x\",\"items\":{},\"dfid\":[],"
                + "\"event_type\":false,\"member_id\":1,\"role\":[],\"message\":{},\"local_id\":7,"
                + "\"public_settings\":\"x\",\"proof\":1,\"username\":1,\"password\":true,\"permissions\":\"all\","
                + "\"metadata\":[],\"enriched_data\":\"x\",\"local_event_ids\":5,\"action\":9}", false));
        corpus.add(text("nulls inside arrays", "{\"identifiers\":[null],\"items\":[null],\"local_event_ids\":[null],"
                + "\"merge_lids\":[null],\"permissions\":[null],\"identifiers_for_new_item\":[null],"
                + "\"new_identifiers\":[null],\"remote_items\":[null],\"public_settings\":{\"access_mode\":\"public\","
                + "\"published_items\":[null]},\"alias_config\":{\"required_canonical\":[null]}}", false));
        corpus.add(text("huge numbers", "{\"leaf_index\":123456789012345678901234567890,\"n\":1e999999,"
                + "\"enriched_data\":{\"w\":123456789012345678901234567890,\"x\":1e999999},"
                + "\"proof\":{\"leaf_index\":1e999999}}", false));
        corpus.add(text("an integer beyond any double", "{\"enriched_data\":{\"n\":1" + "0".repeat(400) + "},"
                + "\"metadata\":{\"n\":1" + "0".repeat(400) + "},\"n\":1" + "0".repeat(400) + "}", false));
        corpus.add(text("huge and negative instants", "{\"public_settings\":{\"access_mode\":\"scheduled\","
                + "\"scheduled_date\":\"+999999999-12-31T23:59:59Z\"},\"identifiers\":[{\"key\":\"sisbov\","
                + "\"value\":\"BR1\",\"id_type\":\"Canonical\",\"verified\":true,"
                + "\"verification_date\":\"-999999999-01-01T00:00:00Z\"}],\"timestamp\":31556889864403199,"
                + "\"since\":-31557014167219200}", false));
        corpus.add(text("syntax error", "{\"name\":", true));
        corpus.add(text("bare word", "nul", true));
        corpus.add(text("unclosed array", "[1,2", true));
        corpus.add(text("trailing data", "{\"name\":\"a\"} trailing", true));
        corpus.add(text("two objects", "{\"name\":\"a\"}{\"name\":\"b\"}", true));
        corpus.add(bytes("overlong encoding", "{\"name\":\"u", "C0AE", "z\"}"));
        corpus.add(bytes("encoded surrogate", "{\"name\":\"u", "EDA080", "z\"}"));
        corpus.add(bytes("above U+10FFFF", "{\"name\":\"u", "F4908080", "z\"}"));
        corpus.add(bytes("truncated sequence", "{\"name\":\"u", "E282", "\"}"));
        corpus.add(text("NUL in a value", "{\"name\":\"a\\u0000b\",\"dfid\":\"\\u0000\",\"username\":\"\\u0000\"}",
                true));
        corpus.add(text("NUL in a field name", "{\"\\u0000\":1}", true));
        corpus.add(text("lone surrogate", "{\"name\":\"a\\ud800b\",\"message\":\"\\udc00\"}", true));
        corpus.add(text("lone surrogate in a field name", "{\"\\ud800\":1}", true));
        corpus.add(text("deep nesting", "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}", true));
        return corpus;
    }

    private static String fill(String template) {
        Matcher m = Pattern.compile("\\{([^}]+)}").matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = name.contains("dfid") ? DFID : WORD_PARAMETERS.getOrDefault(name,
                    UUID.randomUUID().toString());
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private Answer send(String method, String path, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + service.port() + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + user.token());
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode parsed;
            try {
                parsed = MAPPER.readTree(r.body());
            } catch (IOException e) {
                parsed = null;
            }
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), parsed, r.body());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private void assertJsonError(String what, Answer a) {
        assertTrue(a.status() < 500, what + " answered " + a.status() + ": " + a.raw());
        assertTrue(a.contentType().startsWith("application/json"), what + " answered " + a.contentType());
        if (a.status() >= 400) {
            assertTrue(a.body() != null && a.body().hasNonNull("error") && a.body().hasNonNull("code"),
                    what + " answered " + a.raw());
            String message = a.body().path("error").asText();
            assertFalse(JAVA_NAMES.matcher(message).find(), what + " names Java: " + message);
            assertFalse(recordNames.matcher(message).find(), what + " names a record: " + message);
        }
    }

    private List<RouteSpec> routes(String... methods) {
        List<String> wanted = List.of(methods);
        List<RouteSpec> routes = service.routes().stream().filter(r -> wanted.contains(r.method())).toList();
        assertFalse(routes.isEmpty(), "the routing lists no " + wanted + " routes");
        return routes;
    }

    @Test
    void everyBodyRouteRefusesTheCorpusWithJsonErrors() {
        List<Body> corpus = corpus();
        int bodyReading = 0;
        for (RouteSpec route : routes("POST", "PUT", "PATCH", "DELETE")) {
            String path = fill(route.template());
            Answer probe = send(route.method(), path, "{\"x\":".getBytes(StandardCharsets.UTF_8));
            assertJsonError(route + " with a truncated body", probe);
            boolean readsBody = probe.status() == 400 && probe.body().path("code").asText().equals("INVALID_JSON");
            if (readsBody) {
                bodyReading++;
            }
            for (Body body : corpus) {
                String what = route + " with " + body.name();
                Answer a = send(route.method(), path, body.bytes());
                assertJsonError(what, a);
                if (readsBody && body.malformed()) {
                    assertTrue(a.status() >= 400, what + " answered " + a.status() + ": " + a.raw());
                }
            }
        }
        assertTrue(bodyReading >= 20, "only " + bodyReading + " routes were found to read a body");
    }

    @Test
    void everyListRouteRefusesBadQueriesWithJsonErrors() {
        List<String> queries = List.of("limit=abc", "limit=-1", "limit=99999999999", "cursor=%00", "cursor=garbage",
                "since=31556889864403199", "start_date=-31557014167219200", "end_date=31556889864403199",
                "since=%00", "priority_min=x", "unread_only=maybe", "status=%00");
        for (RouteSpec route : routes("GET")) {
            String path = fill(route.template());
            Answer baseline = send("GET", path, null);
            // A health check may say 503 by design (no database in memory mode); the queries must not change that.
            boolean unavailable = baseline.status() == 503;
            assertTrue(baseline.status() < 500 || unavailable, route + " answered " + baseline.status() + ": "
                    + baseline.raw());
            boolean json = baseline.contentType().startsWith("application/json");
            for (String query : queries) {
                String what = route + "?" + query;
                Answer a = send("GET", path + "?" + query, null);
                assertTrue(a.status() < 500 || (unavailable && a.status() == 503), what + " answered " + a.status()
                        + ": " + a.raw());
                if ((json || a.status() >= 400) && a.status() != 503) {
                    assertJsonError(what, a);
                }
            }
        }
    }
}
