package net.defarm.bootstrap.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import net.defarm.adapters.postgres.TestDatabase;
import net.defarm.bootstrap.http.ApiClient;
import net.defarm.bootstrap.http.ApiClient.Response;
import net.defarm.bootstrap.http.TestSettings;
import net.defarm.bootstrap.support.ServiceProcess;
import net.defarm.bootstrap.support.WebhookReceiver;
import net.defarm.bootstrap.support.WebhookReceiver.Received;
import org.junit.jupiter.api.Test;

/**
 * The outbox survives the instance: a push committed by an instance that is SIGKILLed before delivering is
 * delivered by the dispatch command, and dispatchers running together never deliver one message twice.
 */
class OutboxRecoveryTest {

    private static final Duration START = Duration.ofSeconds(60);

    private static Map<String, String> env(TestDatabase database, boolean dispatcher) {
        Map<String, String> env = ServiceProcess.postgresEnv(database);
        env.put("WEBHOOK_SECRET_KEY", TestSettings.WEBHOOK_KEY);
        env.put("WEBHOOK_ALLOWED_HOSTS", "127.0.0.1");
        env.put("DELIVERY_DISPATCHER_ENABLED", Boolean.toString(dispatcher));
        env.put("DELIVERY_POLL_INTERVAL_MS", "20");
        env.put("DELIVERY_BATCH_SIZE", "5");
        return env;
    }

    /** Signs up, creates a circuit whose pushes go to {@code url}; returns the token and the circuit id. */
    private static String[] circuitWithWebhook(ApiClient api, String url) {
        String token = api.newUser("outbox").token();
        String cid = api.post("/api/circuits", token, "{\"name\":\"Outbox\",\"description\":\"d\"}").text("circuit_id");
        ok(api.put("/api/circuits/" + cid + "/post-actions", token, "{\"enabled\":true,\"trigger_events\":"
                + "[\"item_pushed\"],\"include_storage_details\":false,\"include_item_metadata\":false}"));
        ok(api.post("/api/circuits/" + cid + "/post-actions/webhooks", token, "{\"name\":\"r\",\"url\":\"" + url
                + "\"}"));
        return new String[] {token, cid};
    }

    private static void push(ApiClient api, String token, String cid) {
        String dfid = ok(api.post("/api/items", token, "{\"identifiers\":[{\"key\":\"lote\",\"value\":\"O-"
                + UUID.randomUUID() + "\"}]}")).text("dfid");
        ok(api.post("/api/circuits/" + cid + "/push/" + dfid, token, "{}"));
    }

    private static Response ok(Response r) {
        assertEquals(200, r.status(), r.body().toString());
        return r;
    }

    @Test
    void aPushCommittedBeforeAKillIsDeliveredByTheDispatchCommand() {
        try (TestDatabase database = TestDatabase.create(); WebhookReceiver receiver = new WebhookReceiver()) {
            String path = "/killed";
            try (ServiceProcess first = ServiceProcess.start(env(database, false), START)) {
                ApiClient api = new ApiClient(first.port());
                String[] c = circuitWithWebhook(api, receiver.url(path));
                push(api, c[0], c[1]);
                push(api, c[0], c[1]);
                first.kill();
            }
            assertTrue(receiver.at(path).isEmpty(), "nothing was delivered before the kill");
            ServiceProcess.Exit exit = ServiceProcess.run(List.of("dispatch"), env(database, false), START);
            assertEquals(0, exit.status(), String.join("\n", exit.output()));
            List<Received> got = receiver.at(path);
            assertEquals(2, got.size(), "both committed pushes are delivered");
            assertEquals(2, got.stream().map(r -> r.header("webhook-id")).distinct().count());
            assertEquals(2, database.count("SELECT count(*) FROM outbox_messages WHERE status = 'Delivered'"));
            ServiceProcess.Exit again = ServiceProcess.run(List.of("dispatch"), env(database, false), START);
            assertEquals(0, again.status());
            assertEquals(2, receiver.at(path).size(), "a second run has nothing left to send");
        }
    }

    @Test
    void aMessageWhoseDispatcherDiesMidSendIsSentAgainAfterItsLease() throws Exception {
        try (TestDatabase database = TestDatabase.create(); WebhookReceiver receiver = new WebhookReceiver()) {
            String path = "/mid-send";
            Map<String, String> env = env(database, true);
            env.put("WEBHOOK_CONNECT_TIMEOUT_MS", "500");
            env.put("WEBHOOK_READ_TIMEOUT_MS", "3000");
            env.put("DELIVERY_LEASE_SECONDS", "7");
            receiver.delay(Duration.ofSeconds(20));
            try (ServiceProcess instance = ServiceProcess.start(env, START)) {
                ApiClient api = new ApiClient(instance.port());
                String[] c = circuitWithWebhook(api, receiver.url(path));
                push(api, c[0], c[1]);
                receiver.await(path, r -> r.size() == 1, Duration.ofSeconds(60));
                instance.kill(); // while the receiver still holds the request: nothing was settled
            }
            receiver.delay(Duration.ZERO);
            assertEquals(1, database.count("SELECT count(*) FROM outbox_messages WHERE status = 'InProgress'"));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (receiver.at(path).size() < 2 && System.nanoTime() < deadline) {
                ServiceProcess.Exit exit = ServiceProcess.run(List.of("dispatch"), env(database, false), START);
                assertEquals(0, exit.status(), String.join("\n", exit.output()));
            }
            List<Received> got = receiver.at(path);
            assertEquals(2, got.size(), "sent again once the lease expired");
            assertEquals(got.get(0).header("webhook-id"), got.get(1).header("webhook-id"),
                    "with the same de-duplication id");
            assertEquals(1, database.count("SELECT count(*) FROM outbox_messages WHERE status = 'Delivered'"));
        }
    }

    @Test
    void dispatchersRunningTogetherNeverDeliverAMessageTwice() throws Exception {
        int pushes = 40;
        try (TestDatabase database = TestDatabase.create(); WebhookReceiver receiver = new WebhookReceiver()) {
            String path = "/shared";
            receiver.delay(Duration.ofMillis(30));
            // Two instances poll every 20 ms while a third (not dispatching) commits pushes, and the dispatch
            // command runs as well: three dispatchers compete for the same rows.
            try (ServiceProcess one = ServiceProcess.start(env(database, true), START);
                 ServiceProcess two = ServiceProcess.start(env(database, true), START);
                 ServiceProcess writer = ServiceProcess.start(env(database, false), START)) {
                ApiClient api = new ApiClient(writer.port());
                String[] c = circuitWithWebhook(api, receiver.url(path));
                for (int i = 0; i < pushes; i++) {
                    push(api, c[0], c[1]);
                }
                ServiceProcess.Exit command = ServiceProcess.run(List.of("dispatch"), env(database, false), START);
                assertEquals(0, command.status(), String.join("\n", command.output()));
                receiver.await(path, r -> r.size() >= pushes, Duration.ofSeconds(60));
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (database.count("SELECT count(*) FROM outbox_messages WHERE status <> 'Delivered'") > 0
                        && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                Thread.sleep(300);
            }
            Map<String, Long> perId = receiver.at(path).stream()
                    .collect(Collectors.groupingBy(r -> r.header("webhook-id"), Collectors.counting()));
            assertEquals(pushes, perId.size(), "every message delivered");
            assertEquals(Map.of(), perId.entrySet().stream().filter(e -> e.getValue() > 1)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)), "none delivered twice");
            assertEquals(pushes, receiver.at(path).size());
            assertEquals(pushes, database.count("SELECT count(*) FROM outbox_attempts"),
                    "one attempt per message: no dispatcher sent what another held");
        }
    }
}
