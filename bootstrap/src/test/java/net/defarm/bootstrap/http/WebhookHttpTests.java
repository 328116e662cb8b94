package net.defarm.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import net.defarm.application.delivery.DeliveryPolicy;
import net.defarm.bootstrap.ServiceSettings;
import net.defarm.bootstrap.http.ApiClient.Response;
import net.defarm.bootstrap.http.ApiClient.User;
import net.defarm.bootstrap.support.Pause;
import net.defarm.bootstrap.support.WebhookReceiver;
import net.defarm.bootstrap.support.WebhookReceiver.Received;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Post-actions end to end: a receiver on 127.0.0.1 (allowed by configuration) gets each triggered event once,
 * signed; failures are retried with growing delays and end as failed after the configured attempts; unsafe URLs
 * are refused; credentials never come back; only the owner or a permissions manager sees any of it.
 */
abstract class WebhookHttpTests extends RunningService {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final WebhookReceiver receiver = new WebhookReceiver();

    @Override
    protected ServiceSettings adjust(ServiceSettings settings) {
        // Small backoff (100 ms, then 1 s: x10, no jitter) and three attempts, so retries finish quickly.
        DeliveryPolicy policy = new DeliveryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(2), 10.0, 0.0,
                Duration.ofSeconds(60), 50);
        return settings.withDelivery(settings.delivery().withPolicy(policy)
                .withDispatcher(true, Duration.ofMillis(50)).withAllowedHosts(Set.of("127.0.0.1")));
    }

    @AfterAll
    void stopReceiver() {
        receiver.close();
    }

    private String circuit(User owner) {
        return ok(api.post("/api/circuits", owner.token(), "{\"name\":\"Hooks " + UUID.randomUUID()
                + "\",\"description\":\"webhooks\"}")).text("circuit_id");
    }

    private void settings(User owner, String cid, String... triggers) {
        String list = java.util.Arrays.stream(triggers).map(t -> "\"" + t + "\"").collect(Collectors.joining(","));
        JsonNode data = ok(api.put("/api/circuits/" + cid + "/post-actions", owner.token(), "{\"enabled\":true,"
                + "\"trigger_events\":[" + list + ",\"no_such_event\"],\"include_storage_details\":true,"
                + "\"include_item_metadata\":true}")).body().path("data");
        assertEquals(triggers.length, data.path("trigger_events").size(), "unknown trigger names are dropped");
    }

    /** Creates a webhook; returns its id and its signing secret. */
    private String[] webhook(User owner, String cid, String path, String extra) {
        JsonNode data = ok(api.post("/api/circuits/" + cid + "/post-actions/webhooks", owner.token(),
                "{\"name\":\"ERP\",\"url\":\"" + receiver.url(path) + "\"" + extra + "}")).body().path("data");
        String secret = data.path("signing_secret").asText();
        assertTrue(secret.startsWith("whsec_"), data.toString());
        assertTrue(data.path("auth_credentials").isMissingNode(), "credentials are never returned");
        return new String[] {data.path("id").asText(), secret};
    }

    private String item(User owner) {
        return ok(api.post("/api/items", owner.token(), "{\"identifiers\":[{\"key\":\"lote\",\"value\":\"H-"
                + UUID.randomUUID() + "\"}]}")).text("dfid");
    }

    private JsonNode deliveries(User owner, String cid, Predicate<JsonNode> done) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            JsonNode list = ok(api.get("/api/circuits/" + cid + "/post-actions/deliveries?limit=100", owner.token()))
                    .body();
            if (done.test(list.path("data"))) {
                return list;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("deliveries did not settle in " + WAIT + ": " + list);
            }
            Pause.sleep(Duration.ofMillis(50));
        }
    }

    private static boolean all(JsonNode data, int count, String status) {
        return data.size() == count && StreamSupport.stream(data.spliterator(), false)
                .allMatch(d -> d.path("status").asText().equals(status));
    }

    private static JsonNode json(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aHealthyReceiverGetsEachEventOnceSignedAndAuthenticated() {
        User a = api.newUser("hook-owner");
        String cid = circuit(a);
        settings(a, cid, "item_pushed", "item_tokenized");
        String path = "/healthy/" + UUID.randomUUID();
        String[] hook = webhook(a, cid, path, ",\"auth_type\":\"BearerToken\",\"auth_credentials\":\"xyz\","
                + "\"headers\":{\"X-Tenant\":\"coop-1\"}");
        JsonNode read = ok(api.get("/api/circuits/" + cid + "/post-actions/webhooks/" + hook[0], a.token())).body()
                .path("data");
        assertTrue(read.path("has_auth_credentials").asBoolean());
        assertTrue(read.path("auth_credentials").isMissingNode());
        assertTrue(read.path("signing_secret").isMissingNode(), "the secret is shown only at creation");
        JsonNode config = ok(api.get("/api/circuits/" + cid + "/post-actions", a.token())).body().path("data");
        assertFalse(config.toString().contains("xyz"), config.toString());
        assertEquals(List.of("ItemPushed", "ItemTokenized"), List.of(config.path("trigger_events").get(0).asText(),
                config.path("trigger_events").get(1).asText()));

        String lid = ok(api.post("/api/items/local", a.token(), "{\"identifiers\":[{\"key\":\"lote\",\"value\":\"L-"
                + UUID.randomUUID() + "\"}],\"enriched_data\":{\"raca\":\"Nelore\"}}")).body().path("data")
                .path("local_id").asText();
        JsonNode pushed = ok(api.post("/api/circuits/" + cid + "/push-local", a.token(), "{\"local_id\":\"" + lid
                + "\"}")).body().path("data");
        String dfid = pushed.path("dfid").asText();

        deliveries(a, cid, d -> all(d, 2, "Delivered"));
        List<Received> got = receiver.await(path, r -> r.size() >= 2, WAIT);
        Pause.sleep(Duration.ofMillis(300));
        got = receiver.at(path);
        assertEquals(2, got.size(), "each event exactly once");
        assertEquals(Set.of("item_pushed", "item_tokenized"), got.stream()
                .map(r -> json(r.body()).path("event_type").asText()).collect(Collectors.toSet()));
        assertEquals(2, got.stream().map(r -> r.header("webhook-id")).distinct().count());
        for (Received r : got) {
            assertTrue(WebhookReceiver.verifies(hook[1], r, r.body()), "the signature verifies with the secret");
            assertFalse(WebhookReceiver.verifies(hook[1], r, r.body().replace(dfid, dfid + "X")),
                    "a tampered body does not verify");
            assertEquals("Bearer xyz", r.header("Authorization"));
            assertEquals("coop-1", r.header("X-Tenant"));
            assertEquals("POST", r.method());
            JsonNode payload = json(r.body());
            assertEquals(cid, payload.path("circuit_id").asText());
            assertEquals(dfid, payload.path("item").path("dfid").asText());
            assertEquals(lid, payload.path("item").path("local_id").asText());
            assertEquals(a.id(), payload.path("item").path("pushed_by").asText());
            assertEquals("Nelore", payload.path("item").path("enriched_data").path("raca").asText());
            assertEquals(pushed.path("operation_id").asText(), payload.path("operation_id").asText());
            assertTrue(payload.has("storage") && payload.has("timestamp") && payload.has("circuit_name"));
        }
    }

    @Test
    void approvalsAndPublicationsFireTheirEvents() {
        User a = api.newUser("hook-approver");
        User b = api.newUser("hook-member");
        String cid = circuit(a);
        ok(api.post("/api/circuits/" + cid + "/members", a.token(), "{\"member_id\":\"" + b.id()
                + "\",\"role\":\"member\"}"));
        ok(api.put("/api/circuits/" + cid, a.token(), "{\"permissions\":{\"require_approval_for_push\":true}}"));
        settings(a, cid, "item_pushed", "item_approved", "item_published");
        String path = "/approvals/" + UUID.randomUUID();
        webhook(a, cid, path, "");
        String dfid = item(b);
        String op = ok(api.post("/api/circuits/" + cid + "/push/" + dfid, b.token(), "{}")).text("operation_id");
        ok(api.post("/api/circuits/operations/" + op + "/approve", a.token(), ""));
        ok(api.put("/api/circuits/" + cid + "/public-settings", a.token(), "{\"public_settings\":{\"access_mode\":"
                + "\"public\",\"published_items\":[\"" + dfid + "\"]}}"));
        List<Received> got = receiver.await(path, r -> r.size() >= 3, WAIT);
        Map<String, String> statusByEvent = got.stream().map(r -> json(r.body())).collect(Collectors.toMap(
                p -> p.path("event_type").asText(), p -> p.path("status").asText()));
        assertEquals(Map.of("item_pushed", "Pending", "item_approved", "Completed", "item_published", "Published"),
                statusByEvent);
    }

    @Test
    void failuresAreRetriedWithGrowingDelaysUntilDelivered() {
        User a = api.newUser("hook-flaky");
        String cid = circuit(a);
        settings(a, cid, "item_pushed");
        String path = "/flaky/" + UUID.randomUUID();
        receiver.script(path, 500, 500);
        String[] hook = webhook(a, cid, path, "");
        ok(api.post("/api/circuits/" + cid + "/push/" + item(a), a.token(), "{}"));

        JsonNode log = deliveries(a, cid, d -> all(d, 1, "Delivered")).path("data");
        JsonNode delivery = log.get(0);
        assertEquals(3, delivery.path("attempts").asInt());
        assertEquals(200, delivery.path("response_code").asInt());
        assertEquals(hook[0], delivery.path("webhook_id").asText());
        assertEquals("ItemPushed", delivery.path("trigger_event").asText());
        assertTrue(delivery.path("next_retry_at").isNull());
        JsonNode attempts = delivery.path("attempt_log");
        assertEquals(List.of(500, 500, 200), StreamSupport.stream(attempts.spliterator(), false)
                .map(x -> x.path("status_code").asInt()).toList());
        Instant t1 = Instant.parse(attempts.get(0).path("attempted_at").asText());
        Instant t2 = Instant.parse(attempts.get(1).path("attempted_at").asText());
        Instant t3 = Instant.parse(attempts.get(2).path("attempted_at").asText());
        Duration first = Duration.between(t1, t2);
        Duration second = Duration.between(t2, t3);
        assertTrue(first.toMillis() >= 100, "first retry after the initial delay: " + first);
        assertTrue(second.toMillis() >= 1000, "second retry after ten times that: " + second);
        assertTrue(second.compareTo(first) > 0, "delays grow: " + first + " then " + second);
        List<Received> got = receiver.at(path);
        assertEquals(3, got.size());
        assertEquals(1, got.stream().map(r -> r.header("webhook-id")).distinct().count(),
                "every attempt carries the same de-duplication id");
    }

    @Test
    void aReceiverDownForGoodEndsAsFailedAfterTheConfiguredAttempts() throws Exception {
        User a = api.newUser("hook-down");
        String cid = circuit(a);
        settings(a, cid, "item_pushed");
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        ok(api.post("/api/circuits/" + cid + "/post-actions/webhooks", a.token(), "{\"name\":\"gone\",\"url\":"
                + "\"http://127.0.0.1:" + closed + "/hook\"}"));
        ok(api.post("/api/circuits/" + cid + "/push/" + item(a), a.token(), "{}"));
        JsonNode delivery = deliveries(a, cid, d -> all(d, 1, "Failed")).path("data").get(0);
        assertEquals(3, delivery.path("attempts").asInt());
        assertFalse(delivery.path("error_message").asText().isBlank());
        assertTrue(delivery.path("delivered_at").isNull());
        assertTrue(delivery.path("next_retry_at").isNull());
        assertEquals(3, delivery.path("attempt_log").size());
    }

    @Test
    void theTestButtonReallySendsASignedEventAndReportsTheAnswer() {
        User a = api.newUser("hook-test");
        String cid = circuit(a);
        String path = "/test/" + UUID.randomUUID();
        String[] hook = webhook(a, cid, path, "");
        JsonNode result = ok(api.post("/api/circuits/" + cid + "/post-actions/webhooks/" + hook[0] + "/test",
                a.token(), "")).body();
        assertEquals("Webhook test initiated", result.path("message").asText());
        assertTrue(result.path("result").path("delivered").asBoolean(), result.toString());
        assertEquals(200, result.path("result").path("status_code").asInt());
        Received r = receiver.at(path).getFirst();
        assertEquals("webhook_test", json(r.body()).path("event_type").asText());
        assertTrue(WebhookReceiver.verifies(hook[1], r, r.body()));

        receiver.script(path, 503);
        JsonNode failed = ok(api.post("/api/circuits/" + cid + "/post-actions/webhooks/" + hook[0] + "/test",
                a.token(), "")).body().path("result");
        assertFalse(failed.path("delivered").asBoolean());
        assertEquals(503, failed.path("status_code").asInt());
    }

    @Test
    void unsafeTargetsAreRefusedWithJson() {
        User a = api.newUser("hook-ssrf");
        String cid = circuit(a);
        for (String url : List.of("http://127.0.0.2/x", "http://10.0.0.1/x", "http://169.254.169.254/latest/meta-data",
                "http://[::1]/x", "http://localhost:8080/x", "http://0.0.0.0/x", "http://192.168.1.10/x",
                "http://172.16.0.1/x", "http://[fd00::1]/x", "http://[fe80::1]/x", "http://224.0.0.1/x")) {
            assertError(api.post("/api/circuits/" + cid + "/post-actions/webhooks", a.token(),
                    "{\"name\":\"x\",\"url\":\"" + url + "\"}"), 400, "WEBHOOK_URL_REFUSED");
        }
        assertError(api.post("/api/circuits/" + cid + "/post-actions/webhooks", a.token(),
                "{\"name\":\"x\",\"url\":\"ftp://example.com/x\"}"), 400, "INVALID_WEBHOOK_URL");
        assertError(api.post("/api/circuits/" + cid + "/post-actions/webhooks", a.token(),
                "{\"name\":\"x\",\"url\":\"" + receiver.url("/h") + "\",\"headers\":{\"Host\":\"evil\"}}"), 400,
                "INVALID_WEBHOOK_HEADERS");
        String[] hook = webhook(a, cid, "/moved", "");
        assertError(api.put("/api/circuits/" + cid + "/post-actions/webhooks/" + hook[0], a.token(),
                "{\"url\":\"http://10.0.0.1/x\"}"), 400, "WEBHOOK_URL_REFUSED");
    }

    @Test
    void onlyTheOwnerOrAPermissionsManagerSeesPostActions() {
        User a = api.newUser("hook-boss");
        User m = api.newUser("hook-admin");
        User stranger = api.newUser("hook-stranger");
        String cid = circuit(a);
        ok(api.post("/api/circuits/" + cid + "/members", a.token(), "{\"member_id\":\"" + m.id()
                + "\",\"role\":\"admin\"}"));
        String[] hook = webhook(a, cid, "/private", "");
        String base = "/api/circuits/" + cid + "/post-actions";
        for (User u : List.of(m, stranger)) {
            assertError(api.get(base, u.token()), 403, "FORBIDDEN");
            assertError(api.get(base + "/deliveries", u.token()), 403, "FORBIDDEN");
            assertError(api.get(base + "/webhooks/" + hook[0], u.token()), 403, "FORBIDDEN");
            assertError(api.post(base + "/webhooks/" + hook[0] + "/test", u.token(), ""), 403, "FORBIDDEN");
            assertError(api.post(base + "/webhooks", u.token(), "{\"name\":\"x\",\"url\":\"" + receiver.url("/x")
                    + "\"}"), 403, "FORBIDDEN");
        }
        assertError(api.get(base, null), 401, "UNAUTHORIZED");
        assertError(api.get("/api/circuits/" + UUID.randomUUID() + "/post-actions", a.token()), 404,
                "CIRCUIT_NOT_FOUND");
        assertError(api.get(base + "/webhooks/not-a-uuid", a.token()), 400, "INVALID_ID");
        assertError(api.get(base + "/webhooks/" + UUID.randomUUID(), a.token()), 404, "WEBHOOK_NOT_FOUND");
        // A custom role holding ManagePermissions opens them.
        ok(api.post("/api/circuits/" + cid + "/roles", a.token(), "{\"role_name\":\"hooks\",\"permissions\":"
                + "[\"Pull\",\"ManagePermissions\"]}"));
        ok(api.patch("/api/circuits/" + cid + "/members/" + m.id(), a.token(), "{\"role\":\"member\","
                + "\"custom_role_name\":\"hooks\"}"));
        assertEquals(hook[0], ok(api.get(base, m.token())).body().path("data").path("webhooks").get(0).path("id")
                .asText());
        ok(api.put(base + "/webhooks/" + hook[0], m.token(), "{\"name\":\"renamed\",\"enabled\":false}"));
        JsonNode renamed = ok(api.get(base + "/webhooks/" + hook[0], a.token())).body().path("data");
        assertEquals("renamed", renamed.path("name").asText());
        assertFalse(renamed.path("enabled").asBoolean());
        ok(api.delete(base + "/webhooks/" + hook[0], m.token()));
        ok(api.delete(base + "/webhooks/" + hook[0], m.token()));
        assertError(api.get(base + "/webhooks/" + hook[0], a.token()), 404, "WEBHOOK_NOT_FOUND");
    }

    @Test
    void theDeliveryLogIsBoundedNewestFirstWithCursors() {
        User a = api.newUser("hook-log");
        String cid = circuit(a);
        settings(a, cid, "item_pushed");
        webhook(a, cid, "/log/" + UUID.randomUUID(), "");
        for (int i = 0; i < 3; i++) {
            ok(api.post("/api/circuits/" + cid + "/push/" + item(a), a.token(), "{}"));
        }
        deliveries(a, cid, d -> all(d, 3, "Delivered"));
        Response first = ok(api.get("/api/circuits/" + cid + "/post-actions/deliveries?limit=2", a.token()));
        assertEquals(2, first.body().path("count").asInt());
        String cursor = first.header("X-Next-Cursor").orElseThrow();
        Response second = ok(api.get("/api/circuits/" + cid + "/post-actions/deliveries?limit=2&cursor=" + cursor,
                a.token()));
        assertEquals(1, second.body().path("count").asInt());
        assertTrue(second.header("X-Next-Cursor").isEmpty());
        Set<String> ids = new HashSet<>();
        Instant previous = Instant.MAX;
        for (JsonNode d : List.of(first.body().path("data").get(0), first.body().path("data").get(1),
                second.body().path("data").get(0))) {
            ids.add(d.path("id").asText());
            Instant created = Instant.parse(d.path("created_at").asText());
            assertFalse(created.isAfter(previous), "newest first");
            previous = created;
        }
        assertEquals(3, ids.size());
    }
}
