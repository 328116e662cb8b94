package net.defarm.bootstrap.operate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import net.defarm.adapters.postgres.TestDatabase;
import net.defarm.bootstrap.http.ApiClient;
import net.defarm.bootstrap.http.ApiClient.Response;
import net.defarm.bootstrap.support.ServiceProcess;
import org.junit.jupiter.api.Test;

/** SIGTERM stops taking requests, finishes those in flight, closes the pools and exits (RES-05). */
class GracefulShutdownTest {

    private static final String WRITING = "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
            + "WHERE c.relname = 'items' AND c.relnamespace = CAST(current_schema() AS regnamespace) "
            + "AND l.mode = 'RowExclusiveLock'";

    @Test
    void aRequestInFlightWhenSigtermArrivesCompletesAndIsDurable() throws Exception {
        try (TestDatabase database = TestDatabase.create()) {
            Map<String, String> env = ServiceProcess.postgresEnv(database);
            env.put("SHUTDOWN_GRACE_SECONDS", "20");
            StringBuilder batch = new StringBuilder("{\"items\":[");
            for (int i = 0; i < 1000; i++) {
                batch.append(i == 0 ? "" : ",").append("{\"identifiers\":[{\"key\":\"lote\",\"value\":\"G-")
                        .append(i).append("\"}]}");
            }
            batch.append("]}");
            try (ServiceProcess service = ServiceProcess.start(env, Duration.ofSeconds(30))) {
                ApiClient api = new ApiClient(service.port());
                String token = api.signUp("graceful");
                CompletableFuture<Response> inFlight = CompletableFuture.supplyAsync(() ->
                        api.post("/api/items/batch", token, batch.toString()));
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                // The batch is one transaction: it is being written once it holds its lock on this schema's items.
                while (database.count(WRITING) == 0 && System.nanoTime() < deadline) {
                    Thread.sleep(2);
                }
                long atSignal = database.count("SELECT count(*) FROM items");
                int exit = service.terminate(Duration.ofSeconds(45));
                assertTrue(atSignal < 1000, "the signal came while the batch was being written (" + atSignal + ")");
                Response response = inFlight.get();
                assertEquals(200, response.status(), "the request in flight was answered: " + response.body());
                // 143 = 128 + SIGTERM: how a JVM reports a signal it handled with its shutdown hooks.
                assertEquals(143, exit, "the process exited on the signal: " + service.output());
                assertEquals(1000, response.body().path("success_count").asInt(), response.body().toString());
                assertEquals(1000, database.count("SELECT count(*) FROM items"),
                        "every item the answer acknowledged is stored");
                assertTrue(service.output().contains("stopping: draining requests in flight"),
                        service.output().toString());
                assertTrue(service.output().contains("stopped"), "it got to the end of its shutdown");
            }
        }
    }
}
