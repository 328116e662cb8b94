package net.defarm.bootstrap.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import net.defarm.adapters.postgres.TestDatabase;
import net.defarm.bootstrap.http.ApiClient;
import net.defarm.bootstrap.http.ApiClient.User;
import net.defarm.bootstrap.http.SocketClient;
import org.junit.jupiter.api.Test;

/**
 * Two service instances on one database: a notification created through instance A reaches a socket connected to
 * instance B (PostgreSQL LISTEN/NOTIFY, no other broker), and B's listener comes back after its connection is
 * killed. Arrival is awaited with a generous deadline; the latency is measured and printed, and only its median
 * is held to the one-second promise (a single delay under CPU load does not fail the build).
 */
class NotificationsAcrossInstancesTest {

    private static final int ROUNDS = 5;

    @Test
    void aJoinRequestOnInstanceAReachesASocketOnInstanceB() throws Exception {
        try (TwoServices services = TwoServices.start()) {
            ApiClient onA = new ApiClient(services.a().port());
            User owner = onA.newUser("owner");
            try (SocketClient onB = SocketClient.connect(services.b().port(), owner.token())) {
                assertEquals("connected", onB.next().path("type").asText());
                assertEquals(0, onB.next().path("count").asLong());
                List<Long> latenciesMs = new ArrayList<>();
                List<Long> afterCommitMs = new ArrayList<>();
                for (int round = 0; round < ROUNDS; round++) {
                    String circuit = newCircuit(onA, owner, "Across " + round);
                    User requester = onA.newUser("requester");
                    long sent = System.nanoTime();
                    ApiClient.Response r = onA.post("/api/circuits/" + circuit + "/requests", requester.token(),
                            "{\"message\":\"round " + round + "\"}");
                    long answered = System.nanoTime();
                    assertEquals(200, r.status(), r.body().toString());
                    JsonNode frame = onB.next();
                    long received = System.nanoTime();
                    latenciesMs.add((received - sent) / 1_000_000);
                    afterCommitMs.add((received - answered) / 1_000_000);
                    assertEquals("notification", frame.path("type").asText(), frame.toString());
                    assertEquals(requester.id(), frame.path("data").path("data").path("requester_id").asText());
                    assertEquals(owner.id(), frame.path("data").path("user_id").asText());
                }
                // The fan-out is judged from the commit (A's answer) to the frame on B: the request's own time on a
                // busy machine is not what crosses instances.
                List<Long> sorted = afterCommitMs.stream().sorted().toList();
                long median = sorted.get(sorted.size() / 2);
                System.out.println("notification latency instance A -> socket on B (request sent to frame received),"
                        + " ms: " + latenciesMs + ", median " + median + "; from A's answer (committed) to the frame"
                        + " on B, ms: " + afterCommitMs);
                assertTrue(median < 1000, "median latency after commit " + median + " ms: " + afterCommitMs);
            }
        }
    }

    @Test
    void theListenerComesBackAfterItsConnectionIsKilled() throws Exception {
        try (TwoServices services = TwoServices.start()) {
            ApiClient onA = new ApiClient(services.a().port());
            User owner = onA.newUser("owner");
            try (SocketClient onB = SocketClient.connect(services.b().port(), owner.token())) {
                onB.next();
                onB.next();
                // Kills the listeners of this test's schema (A's and B's), never those of a build running alongside.
                int killed = killListeners(services.database().jdbcUrl());
                assertTrue(killed >= 1, "B's listener connection was found");
                // Notifications committed while B reconnects are missed (the list has them); keep creating new
                // ones until one arrives, which proves B listens again.
                String circuit = newCircuit(onA, owner, "Reconnect");
                long deadline = System.nanoTime() + SocketClient.WAIT.toNanos();
                JsonNode frame = null;
                while (frame == null && System.nanoTime() < deadline) {
                    assertEquals(200, onA.post("/api/circuits/" + circuit + "/requests",
                            onA.newUser("after-kill").token(), "{}").status());
                    frame = pollFor(onB, 1000);
                }
                assertTrue(frame != null, "no notification reached B after its listener was killed");
                assertEquals("notification", frame.path("type").asText());
            }
        }
    }

    private static JsonNode pollFor(SocketClient socket, long millis) throws InterruptedException {
        long until = System.nanoTime() + millis * 1_000_000;
        JsonNode frame = socket.poll();
        while (frame == null && System.nanoTime() < until) {
            Thread.sleep(10);
            frame = socket.poll();
        }
        return frame;
    }

    private static int killListeners(String jdbcUrl) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, TestDatabase.USER, TestDatabase.PASSWORD);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                     + "WHERE application_name = left('defarm-engines-listener ' || current_schema(), 63)")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static String newCircuit(ApiClient api, User owner, String name) {
        ApiClient.Response r = api.post("/api/circuits", owner.token(), "{\"name\":\"" + name + "\","
                + "\"description\":\"Across instances\"}");
        assertEquals(200, r.status(), r.body().toString());
        return r.text("circuit_id");
    }
}
