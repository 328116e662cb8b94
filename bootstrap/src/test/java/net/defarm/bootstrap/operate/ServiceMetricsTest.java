package net.defarm.bootstrap.operate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.defarm.bootstrap.http.RunningService;
import net.defarm.bootstrap.http.StoreMode;
import org.junit.jupiter.api.Test;

/** The service's own figures are at /observe/metrics, per route for requests. */
class ServiceMetricsTest extends RunningService {

    @Override
    protected StoreMode mode() {
        return StoreMode.POSTGRES;
    }

    private static Optional<Double> value(String metrics, String line) {
        Matcher m = Pattern.compile("^" + Pattern.quote(line) + " ([0-9.eE+-]+)$", Pattern.MULTILINE).matcher(metrics);
        return m.find() ? Optional.of(Double.parseDouble(m.group(1))) : Optional.empty();
    }

    private static double gauge(String metrics, String name) {
        return value(metrics, name + "{scope=\"vendor\",}").orElseThrow(() -> new AssertionError(name + " in\n"
                + metrics));
    }

    @Test
    void storeStartUpMemoryPoolAndRequestLatencyPerRoute() throws InterruptedException {
        String token = api.signUp("metrics-" + java.util.UUID.randomUUID().toString().substring(0, 8));
        String dfid = api.post("/api/items", token, "{\"identifiers\":[{\"key\":\"lote\",\"value\":\"M\"}]}")
                .text("dfid");
        String series = "defarm_http_requests_seconds_count{method=\"GET\",route=\"/api/items/{dfid}\","
                + "scope=\"vendor\",status=\"2xx\",}";
        // The registry is the process's: other services in this test JVM may have counted before.
        double before = value(api.text("/observe/metrics"), series).orElse(0.0);
        for (int i = 0; i < 3; i++) {
            assertEquals(200, api.get("/api/items/" + dfid, token).status());
        }
        api.outsideTheContract().get("/no/such/route/" + java.util.UUID.randomUUID(), null);
        // A request is timed after its response has left, so the next scrape may come before the last timing.
        String metrics = api.text("/observe/metrics");
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        while ((!metrics.contains("route=\"unmatched\"") || value(metrics, series).orElse(0.0) < before + 3)
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
            metrics = api.text("/observe/metrics");
        }

        assertTrue(gauge(metrics, "defarm_items_stored") >= 0, "an estimate from table statistics");
        assertTrue(gauge(metrics, "defarm_startup_seconds") > 0);
        assertTrue(gauge(metrics, "defarm_memory_resident_bytes") > 10_000_000, "resident memory of the process");
        assertEquals(0, gauge(metrics, "defarm_thresholds_crossed"));
        assertEquals(8, gauge(metrics, "defarm_db_pool_max"), "the configured pool size");
        assertTrue(gauge(metrics, "defarm_db_pool_idle") >= 0);
        assertEquals(Optional.of(1.0), value(metrics,
                "defarm_storage_mode{cache=\"none\",mode=\"postgres\",scope=\"vendor\",}"));
        assertEquals(before + 3, (double) value(metrics, series).orElseThrow(), "three GETs under the route");
        assertTrue(metrics.contains("route=\"unmatched\""), "unknown paths share one series");
        assertTrue(!metrics.contains("/no/such/route"), "no series per unknown path");
    }
}
