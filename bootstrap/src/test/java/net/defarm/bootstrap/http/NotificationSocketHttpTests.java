package net.defarm.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import net.defarm.bootstrap.http.ApiClient.User;
import org.junit.jupiter.api.Test;

/**
 * The notifications WebSocket: authenticated at the upgrade by the token in the query, then {@code connected},
 * {@code unread_count}, and one {@code notification} frame per new notification, shaped as the REST list shows it.
 * Abstract: each storage mode runs it.
 */
public abstract class NotificationSocketHttpTests extends RunningService {

    private String newCircuit(User owner) {
        return ok(api.post("/api/circuits", owner.token(), "{\"name\":\"Live\",\"description\":\"Live feed\"}"))
                .text("circuit_id");
    }

    private long unread(User user) {
        return ok(api.get("/api/notifications/unread-count", user.token())).body().path("unread_count").asLong();
    }

    @Test
    void aSocketGetsConnectedThenTheUnreadCountThenEachNewNotification() {
        User owner = api.newUser("live-owner");
        String circuit = newCircuit(owner);
        User requester = api.newUser("live-requester");
        try (SocketClient socket = SocketClient.connect(service.port(), owner.token())) {
            JsonNode connected = socket.next();
            assertEquals("connected", connected.path("type").asText(), connected.toString());
            assertEquals("WebSocket connected to notifications", connected.path("message").asText());
            assertEquals(owner.id(), connected.path("user_id").asText());
            JsonNode count = socket.next();
            assertEquals("unread_count", count.path("type").asText(), count.toString());
            assertEquals(0, count.path("count").asLong());
            assertTrue(count.path("count").isIntegralNumber());

            ok(api.post("/api/circuits/" + circuit + "/requests", requester.token(), "{\"message\":\"let me in\"}"));
            JsonNode frame = socket.next();
            assertEquals("notification", frame.path("type").asText(), frame.toString());
            JsonNode live = frame.path("data");
            assertEquals("JoinRequestReceived", live.path("notification_type").asText());
            assertEquals(requester.id(), live.path("data").path("requester_id").asText());
            assertEquals("let me in", live.path("data").path("message").asText());
            // Exactly the notification as the REST list shows it, field for field.
            JsonNode listed = ok(api.get("/api/notifications", owner.token())).body().path("data").get(0);
            assertEquals(listed, live);
        }
    }

    @Test
    void theUnreadCountOnConnectIsTheUsersAndClientFramesMarkRead() throws InterruptedException {
        User owner = api.newUser("live-count");
        String circuit = newCircuit(owner);
        ok(api.post("/api/circuits/" + circuit + "/requests", api.newUser("first").token(), "{}"));
        ok(api.post("/api/circuits/" + circuit + "/requests", api.newUser("second").token(), "{}"));
        // Created before the socket: counted on connect, and (by design) possibly pushed too when the database's
        // announcement reaches this instance after the subscription; anything else would be an answer to junk.
        java.util.Set<String> before = new java.util.HashSet<>();
        ok(api.get("/api/notifications", owner.token())).body().path("data")
                .forEach(n -> before.add(n.path("id").asText()));
        assertEquals(2, before.size(), "the two join requests");
        try (SocketClient socket = SocketClient.connect(service.port(), owner.token())) {
            assertEquals("connected", socket.next().path("type").asText());
            assertEquals(2, socket.next().path("count").asLong());
            socket.sendText("{\"action\":\"ping\"}");
            socket.sendText("not json at all");
            socket.sendText("{\"action\":\"mark_all_read\"}");
            long deadline = System.nanoTime() + SocketClient.WAIT.toNanos();
            while (unread(owner) != 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(0, unread(owner), "mark_all_read from the socket");
            // Junk and pings are ignored without a reply, and the socket stays open.
            for (JsonNode frame = socket.poll(); frame != null; frame = socket.poll()) {
                assertEquals("notification", frame.path("type").asText(), "no reply to a ping or junk: " + frame);
                assertTrue(before.contains(frame.path("data").path("id").asText()), "only a late announcement of "
                        + "a notification created before connecting: " + frame);
            }
            ok(api.post("/api/circuits/" + circuit + "/requests", api.newUser("third").token(), "{}"));
            assertEquals("notification", socket.next().path("type").asText());
        }
    }

    /** An API key with read permission opens the socket as its owner; one that may not read is refused. */
    @Test
    void anApiKeyInTheQueryOpensTheSocketAsItsOwner() {
        User owner = api.newUser("live-machine");
        String readKey = ok(api.post("/api/api-keys", owner.token(), "{\"name\":\"dashboard\","
                + "\"organization_type\":\"Producer\",\"permissions\":{\"read\":true,\"write\":false,"
                + "\"admin\":false,\"custom\":{}}}")).text("api_key");
        try (SocketClient socket = SocketClient.connect(service.port(), readKey)) {
            JsonNode connected = socket.next();
            assertEquals("connected", connected.path("type").asText(), connected.toString());
            assertEquals(owner.id(), connected.path("user_id").asText());
        }
        String writeOnly = ok(api.post("/api/api-keys", owner.token(), "{\"name\":\"pusher\","
                + "\"organization_type\":\"Producer\",\"permissions\":{\"read\":false,\"write\":true,"
                + "\"admin\":false,\"custom\":{}}}")).text("api_key");
        assertEquals(403, SocketClient.refusedStatus(service.port(), writeOnly));
    }

    @Test
    void aMissingOrBadTokenIsRefusedAtTheUpgrade() {
        assertEquals(401, SocketClient.refusedStatus(service.port(), null));
        assertEquals(401, SocketClient.refusedStatus(service.port(), ""));
        assertEquals(401, SocketClient.refusedStatus(service.port(), "garbage"));
        assertEquals(401, SocketClient.refusedStatus(service.port(), "dfm_" + "x".repeat(32)));
        User user = api.newUser("live-refused");
        // A real token with its signature changed.
        String tampered = user.token().substring(0, user.token().length() - 2)
                + (user.token().endsWith("A") ? "BB" : "AA");
        assertEquals(401, SocketClient.refusedStatus(service.port(), tampered));
    }

    @Test
    void thePathAnswersAPlainRequestWithJsonAndNeverServesData() {
        User user = api.newUser("live-plain");
        ApiClient.Response plain = api.get("/api/notifications/ws", null);
        assertError(plain, 426, "UPGRADE_REQUIRED");
        assertEquals("websocket", plain.header("Upgrade").orElse(""));
        assertError(api.get("/api/notifications/ws?token=" + user.token(), user.token()), 426, "UPGRADE_REQUIRED");
    }

    @Test
    void eachUsersSocketGetsOnlyTheirOwnNotifications() {
        User owner = api.newUser("live-mine");
        User bystander = api.newUser("live-bystander");
        String circuit = newCircuit(owner);
        try (SocketClient mine = SocketClient.connect(service.port(), owner.token());
             SocketClient theirs = SocketClient.connect(service.port(), bystander.token())) {
            mine.next();
            mine.next();
            theirs.next();
            theirs.next();
            ok(api.post("/api/circuits/" + circuit + "/requests", api.newUser("joiner").token(), "{}"));
            assertEquals(owner.id(), mine.next().path("data").path("user_id").asText());
            // The bystander's own notification arrives, and it is the first frame it gets after the counts.
            String other = newCircuit(bystander);
            ok(api.post("/api/circuits/" + other + "/requests", api.newUser("joiner2").token(), "{}"));
            JsonNode next = theirs.next();
            assertEquals(bystander.id(), next.path("data").path("user_id").asText());
            assertFalse(next.path("data").path("data").path("circuit_id").asText().equals(circuit));
        }
    }
}
