package net.defarm.bootstrap.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import net.defarm.adapters.cache.CacheSettings;
import net.defarm.adapters.postgres.TestDatabase;
import net.defarm.application.testing.TcpProxy;
import net.defarm.bootstrap.Service;
import net.defarm.bootstrap.http.ApiClient;
import net.defarm.bootstrap.http.ApiClient.Response;
import net.defarm.bootstrap.http.RunningService;
import net.defarm.bootstrap.http.TestSettings;
import net.defarm.bootstrap.support.Pause;
import org.junit.jupiter.api.Test;

/**
 * Whole services behind the two-level cache: two instances sharing PostgreSQL and Redis see each other's writes
 * within a second (CACHE-02), and a Redis outage under a stream of reads and writes fails no request (CACHE-05).
 */
class CachedInstancesTest {

    private static Service start(TestDatabase db, int redisPort, String prefix) {
        Service s = Service.start(TestSettings.cached(db.jdbcUrl(), TestDatabase.USER, TestDatabase.PASSWORD,
                CacheSettings.Kind.TWO_LEVEL, redisPort, prefix));
        RunningService.awaitCache(s);
        return s;
    }

    private static String item(ApiClient api, String token, String lote) {
        Response r = api.post("/api/items", token, "{\"identifiers\":[{\"key\":\"lote\",\"value\":\"" + lote
                + "\"}],\"enriched_data\":{\"peso\":1}}");
        assertEquals(200, r.status(), r.body().toString());
        return r.text("dfid");
    }

    private static int weight(ApiClient api, String token, String dfid) {
        Response r = api.get("/api/items/" + dfid, token);
        assertEquals(200, r.status(), r.body().toString());
        return r.body().path("enriched_data").path("peso").asInt();
    }

    @Test
    void anUpdateOnOneInstanceIsVisibleOnTheOtherWithinOneSecond() {
        String prefix = "test-" + UUID.randomUUID();
        try (TestDatabase db = TestDatabase.create();
             Service a = start(db, TestSettings.REDIS_PORT, prefix);
             Service b = start(db, TestSettings.REDIS_PORT, prefix)) {
            ApiClient onA = new ApiClient(a.port());
            ApiClient onB = new ApiClient(b.port());
            String token = onA.signUp("two-" + UUID.randomUUID().toString().substring(0, 8));
            String dfid = item(onA, token, "L-" + UUID.randomUUID());
            for (int round = 2; round <= 6; round++) {
                assertEquals(round - 1, weight(onB, token, dfid));
                assertEquals(round - 1, weight(onB, token, dfid), "B serves it from its cache");
                assertEquals(200, onA.put("/api/items/" + dfid, token, "{\"enriched_data\":{\"peso\":" + round + "}}")
                        .status());
                long start = System.nanoTime();
                while (weight(onB, token, dfid) != round) {
                    assertTrue(System.nanoTime() - start < Duration.ofSeconds(1).toNanos(),
                            "B sees A's update " + round + " within one second");
                    Pause.millis(5);
                }
            }
        }
    }

    @Test
    void aRedisOutageUnderLoadFailsNoRequestAndTheCacheRecovers() throws Exception {
        try (TestDatabase db = TestDatabase.create();
             TcpProxy proxy = TcpProxy.to(TestSettings.REDIS_PORT).start();
             Service service = start(db, proxy.port(), "test-" + UUID.randomUUID())) {
            ApiClient api = new ApiClient(service.port());
            String token = api.signUp("outage-" + UUID.randomUUID().toString().substring(0, 8));
            List<String> dfids = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                dfids.add(item(api, token, "O-" + i + "-" + UUID.randomUUID()));
            }
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger requests = new AtomicInteger();
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                int client = c;
                clients.add(Thread.ofVirtual().start(() -> {
                    int n = 0;
                    while (running.get()) {
                        String dfid = dfids.get((client + n) % dfids.size());
                        Response r = n % 4 == 0
                                ? api.put("/api/items/" + dfid, token, "{\"enriched_data\":{\"n\":" + n + "}}")
                                : api.get("/api/items/" + dfid, token);
                        requests.incrementAndGet();
                        if (r.status() != 200) {
                            failures.add(r.status() + " " + r.body());
                        }
                        n++;
                    }
                }));
            }
            Pause.millis(1000);
            proxy.cut();
            Pause.millis(1500);
            proxy.freeze();
            proxy.start();
            Pause.millis(1000);
            proxy.thaw();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!service.cacheStatus().orElseThrow().redis().equals("healthy")) {
                assertTrue(System.nanoTime() < deadline, "the cache recovers: " + service.cacheStatus());
                Pause.millis(20);
            }
            Pause.millis(1000);
            running.set(false);
            for (Thread t : clients) {
                t.join(10_000);
            }
            assertTrue(requests.get() > 100, "a stream of requests ran: " + requests.get());
            assertTrue(failures.isEmpty(), failures.size() + " failed, e.g. " + failures.peek());
            assertTrue(service.cacheStatus().orElseThrow().recoveries() >= 1, "it recovered at a new epoch");
            String metrics = api.text("/observe/metrics");
            assertTrue(metrics.contains("cache_errors"), "errors are counted in the metrics");
            for (String dfid : dfids) {
                Response after = api.get("/api/items/" + dfid, token);
                assertEquals(200, after.status());
            }
        }
    }
}
