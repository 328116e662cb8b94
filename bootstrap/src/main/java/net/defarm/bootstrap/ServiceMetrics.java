package net.defarm.bootstrap;

import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.Meter;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import net.defarm.adapters.postgres.PostgresDatabase;
import net.defarm.application.shared.StoreHealth;

/**
 * The service's own figures at {@code /observe/metrics} (next to Helidon's heap, threads and GC meters): stored
 * items (from the store's statistics, never a count per scrape), start-up time, resident memory, the storage mode,
 * the connection pool, the thresholds crossed, and request latency per route.
 */
final class ServiceMetrics implements AutoCloseable {

    private final MeterRegistry registry = Metrics.globalRegistry();
    private final List<Meter> meters = new ArrayList<>();

    ServiceMetrics(ServiceSettings settings, StoreHealth store, Supplier<PostgresDatabase.PoolStats> pool,
                   Duration startup, Thresholds thresholds) {
        gauge("defarm.items.stored", store, s -> safely(s::storedItems),
                "items stored (an estimate from table statistics in PostgreSQL)");
        gauge("defarm.startup.seconds", startup, d -> d.toNanos() / 1e9,
                "JVM start to listening (the start-up time in the log)");
        gauge("defarm.memory.resident.bytes", this, m -> residentBytes(), "resident set size of the process");
        gauge("defarm.thresholds.crossed", thresholds, t -> t.evaluate().size(),
                "design-note thresholds crossed (items held in memory, start-up, heap for data)");
        meters.add(registry.getOrCreate(Gauge.builder("defarm.storage.mode", () -> 1)
                .addTag(Tag.create("mode", settings.storageMode().key()))
                .addTag(Tag.create("cache", settings.cache().kind().key()))
                .description("the storage mode and cache kind in use (always 1)").scope("vendor")));
        if (pool != null) {
            gauge("defarm.db.pool.active", pool, p -> p.get().active(), "connections in use");
            gauge("defarm.db.pool.idle", pool, p -> p.get().idle(), "idle connections");
            gauge("defarm.db.pool.waiting", pool, p -> p.get().waiting(), "requests waiting for a connection");
            gauge("defarm.db.pool.max", pool, p -> p.get().max(), "maximum pool size");
        }
    }

    private <T> void gauge(String name, T state, ToDoubleFunction<T> value, String description) {
        meters.add(registry.getOrCreate(Gauge.builder(name, state, value).description(description)
                .scope("vendor")));
    }

    /** A figure that needs the database reads as -1 while it is unreachable, instead of failing the scrape. */
    private static double safely(java.util.function.LongSupplier figure) {
        try {
            return figure.getAsLong();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** VmRSS from /proc (Linux); -1 elsewhere. */
    static long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** One timer per method, route template and status class; looked up once, not rebuilt per request. */
    private record TimerKey(String method, String route, String status) {
    }

    private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();

    /** Times a request, tagged with its method, route template and status class. */
    void time(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        long start = System.nanoTime();
        try {
            chain.proceed();
        } finally {
            int status = res.status().code();
            TimerKey key = new TimerKey(req.prologue().method().text(), route(req), (status / 100) + "xx");
            timers.computeIfAbsent(key, k -> registry.getOrCreate(Timer.builder("defarm.http.requests")
                            .addTag(Tag.create("method", k.method()))
                            .addTag(Tag.create("route", k.route()))
                            .addTag(Tag.create("status", k.status()))
                            .percentiles(0.5, 0.99)
                            .description("request latency by route").scope("vendor")))
                    .record(Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** The label of requests that no route matched: one series, whatever the path. */
    static final String UNMATCHED = "unmatched";

    /**
     * The route template the request matched, as the routing reports it ({@code /api/items/{dfid}}), so the number
     * of series stays bounded; {@link #UNMATCHED} when no route matched. Helidon joins a service's prefix to its
     * routes as they were written ("/" + "/health", "/api/items" + "/"), so doubled and trailing slashes are folded.
     * A prefix is joined as matched, so services are registered under literal prefixes (RouteMetricsTest sends a
     * request to every route and checks that its label is its template).
     */
    static String route(ServerRequest req) {
        return req.matchingPattern().map(ServiceMetrics::template).orElse(UNMATCHED);
    }

    static String template(String pattern) {
        String folded = pattern.replaceAll("/{2,}", "/");
        return folded.length() > 1 && folded.endsWith("/") ? folded.substring(0, folded.length() - 1) : folded;
    }

    @Override
    public void close() {
        meters.forEach(registry::remove);
    }
}
