package net.defarm.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import net.defarm.bootstrap.Service;
import net.defarm.bootstrap.ServiceSettings;
import org.junit.jupiter.api.Test;

/**
 * The WebSocket's token travels in the query string: the service's request log must never print it. Nor may a
 * path's encoded CR LF reach the log decoded, where it would forge a line.
 */
class SocketTokenLogTest {

    @Test
    void theRequestLogPrintsTheSocketPathWithoutItsToken() {
        ServiceSettings quiet = TestSettings.memory();
        ServiceSettings logging = new ServiceSettings(quiet.host(), quiet.port(), quiet.storageMode(),
                quiet.database(), quiet.migrateOnStart(), quiet.jwtSecret(), quiet.jwtSecretGenerated(),
                quiet.tokenLifetime(), quiet.bcryptCost(), true, quiet.cache(), quiet.shutdownGrace(), quiet.delivery());
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger requests = Logger.getLogger("net.defarm.requests");
        requests.addHandler(capture);
        String jwt;
        try (Service service = Service.start(logging)) {
            ApiClient api = new ApiClient(service.port());
            ApiClient.User user = api.newUser("log-token");
            jwt = user.token();
            String refused = "refused-token-" + "z".repeat(20);
            try (SocketClient socket = SocketClient.connect(service.port(), user.token())) {
                assertEquals("connected", socket.next().path("type").asText());
            }
            assertEquals(401, SocketClient.refusedStatus(service.port(), refused));
            assertEquals(426, api.get("/api/notifications/ws?token=" + refused, null).status());
            api.get("/api/items/x%0D%0AINFO%20forged-line", user.token());
        } finally {
            requests.removeHandler(capture);
        }
        assertTrue(lines.stream().anyMatch(l -> l.contains("/api/notifications/ws")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.contains(" 401 ")), "the refused upgrade is logged: " + lines);
        assertTrue(lines.stream().anyMatch(l -> l.contains("/api/items/x%0D%0AINFO%20forged-line")),
                "the path is logged as received: " + lines);
        for (String line : lines) {
            assertFalse(line.contains("\r") || line.contains("\n"), "a decoded CR or LF forges log lines: " + line);
            assertFalse(line.contains("token"), line);
            assertFalse(line.contains("refused-token"), line);
            assertFalse(line.contains(jwt), line);
        }
    }
}
