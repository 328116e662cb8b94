package net.defarm.bootstrap.operate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.defarm.adapters.http.door.RouteSpec;
import net.defarm.bootstrap.http.RunningService;
import net.defarm.bootstrap.http.StoreMode;
import org.junit.jupiter.api.Test;

/**
 * The latency series are labelled with the template the routing matched ({@code ServerRequest.matchingPattern()}),
 * for every route the service registers, including those of services nested under a prefix and under "/". A
 * concrete id in a label would grow the series without bound, so a service registered under a prefix that holds a
 * parameter (Helidon joins such a prefix as matched) fails here.
 */
class RouteMetricsTest extends RunningService {

    private static final Pattern SERIES = Pattern.compile(
            "^defarm_http_requests_seconds_count\\{method=\"([A-Z]+)\",route=\"([^\"]*)\"", Pattern.MULTILINE);

    @Override
    protected StoreMode mode() {
        return StoreMode.MEMORY;
    }

    @Test
    void everyRouteIsCountedUnderItsTemplate() throws InterruptedException {
        // A value no template contains, so a label that holds it can only come from a request path.
        String value = "v" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        List<RouteSpec> routes = service.routes();
        assertTrue(routes.size() > 50, "the routing's own list: " + routes.size());
        for (RouteSpec route : routes) {
            String path = route.template().replaceAll("\\{[^}]+}", value);
            api.raw(route.method(), path, null, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
        }
        // An unknown path is outside the contract by definition.
        api.outsideTheContract().get("/no/such/" + value, null);

        // A request is timed after its response has left, so the next scrape may come before the last timing.
        Set<String> labelled = labels(api.text("/observe/metrics"));
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        while (!labelled.contains("GET unmatched") && System.nanoTime() < deadline) {
            Thread.sleep(20);
            labelled = labels(api.text("/observe/metrics"));
        }
        List<String> missing = new ArrayList<>();
        for (RouteSpec route : routes) {
            if (!labelled.contains(route.method() + " " + route.template())) {
                missing.add(route.method() + " " + route.template());
            }
        }
        assertEquals(List.of(), missing, "routes without a series under their template; series: " + labelled);
        assertFalse(labelled.stream().anyMatch(l -> l.contains(value)), "a label holds a request's value: "
                + labelled);
        assertTrue(labelled.contains("GET unmatched"), "unknown paths share one series: " + labelled);
    }

    @Test
    void nestedAndRootServicesGiveCleanTemplates() {
        api.get("/health", null);
        api.get("/api/items", null);
        Set<String> labelled = labels(api.text("/observe/metrics"));
        assertTrue(labelled.contains("GET /health"), "a route of the service under \"/\": " + labelled);
        assertTrue(labelled.contains("GET /api/items"), "the root route of a nested service: " + labelled);
        assertFalse(labelled.stream().anyMatch(l -> l.contains("//") || (l.endsWith("/") && !l.endsWith(" /"))),
                "no doubled or trailing slash: " + labelled);
    }

    /** "METHOD route" for every latency series in a scrape. */
    private static Set<String> labels(String metrics) {
        Set<String> labels = new TreeSet<>();
        Matcher m = SERIES.matcher(metrics);
        while (m.find()) {
            labels.add(m.group(1) + " " + m.group(2));
        }
        return labels;
    }
}
