import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.defarm.adapters.cache.CacheSettings;
import net.defarm.adapters.cache.CacheTier;
import net.defarm.adapters.memory.InMemoryStorage;
import net.defarm.application.identity.LocalRateLimiter;
import net.defarm.application.identity.RateLimiter;

/**
 * Measures what an API key costs compared with a JWT (see apikeys.sh): (1) an authenticated GET of one item on the
 * same postgres-mode instance, JWT and key requests interleaved, one at a time and with CONCURRENCY clients; (2) the
 * rate-limit check alone, per-instance and through Redis, called in-process as the service calls it.
 * Runs on the service's jar class path, so the limiters measured are the service's own classes.
 */
public final class ApiKeyBench {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        Map<String, String> a = Launch.options(args);
        int requests = Integer.parseInt(a.get("requests"));
        int concurrency = Integer.parseInt(a.get("concurrency"));
        int seconds = Integer.parseInt(a.get("seconds"));

        Process service = Launch.service(a.get("java"), a.get("jar"), Map.of());
        int port = Launch.port(service);
        String token = Launch.field(call(port, "POST", "/api/auth/register", Map.of(), "{\"username\":\"bench"
                + UUID.randomUUID().toString().substring(0, 8) + "\",\"email\":\"b" + UUID.randomUUID()
                + "@example.com\",\"password\":\"Str0ng!Pass\"}"), "token");
        Map<String, String> jwt = Map.of("Authorization", "Bearer " + token);
        String dfid = Launch.field(call(port, "POST", "/api/items", jwt,
                "{\"identifiers\":[{\"key\":\"lote\",\"value\":\"K-1\"}]}"), "dfid");
        // A limit no run reaches, so that every keyed request pays the check and none is refused.
        String key = Launch.field(call(port, "POST", "/api/api-keys", jwt, "{\"name\":\"bench\",\"organization_type\":"
                + "\"Producer\",\"permissions\":{\"read\":true,\"write\":false,\"admin\":false,\"custom\":{}},"
                + "\"rate_limit_per_hour\":2000000000}"), "api_key");
        Map<String, String> keyed = Map.of("X-API-Key", key);
        String path = "/api/items/" + dfid;

        for (int i = 0; i < 2_000; i++) {
            get(port, path, jwt);
            get(port, path, keyed);
        }
        List<Long> jwtMicros = new ArrayList<>();
        List<Long> keyMicros = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            jwtMicros.add(get(port, path, jwt));
            keyMicros.add(get(port, path, keyed));
        }
        // Three alternating rounds of each credential at CONCURRENCY clients; the best round of each is reported.
        double jwtRate = 0;
        double keyRate = 0;
        for (int round = 0; round < 3; round++) {
            jwtRate = Math.max(jwtRate, throughput(port, path, jwt, concurrency, seconds));
            keyRate = Math.max(keyRate, throughput(port, path, keyed, concurrency, seconds));
        }
        service.destroy();
        service.waitFor();

        double localNanos = limiterNanos(new LocalRateLimiter(), 1_000_000);
        String redisLine;
        CacheSettings redisOnly = CacheSettings.defaults(CacheSettings.Kind.REDIS);
        try (CacheTier tier = CacheTier.open(redisOnly, InMemoryStorage.create())) {
            RateLimiter redis = tier.sharedRateLimiter().orElseThrow();
            limiterNanos(redis, 2_000);
            double redisNanos = limiterNanos(redis, 20_000);
            redisLine = String.format("| rate-limit check through Redis (one script call, sequential) | %.1f µs |%n",
                    redisNanos / 1e3);
        }

        String load = Files.exists(Path.of("/proc/loadavg"))
                ? Files.readString(Path.of("/proc/loadavg")).split(" ")[0] : "unknown";
        String report = "# API key vs JWT benchmark\n\n"
                + "Run: `infra/bench/apikeys.sh " + requests + " " + concurrency + " " + seconds + "` on "
                + Instant.now() + " (" + Runtime.getRuntime().availableProcessors() + " CPUs; one postgres-mode "
                + "instance without a cache tier, so keys are counted by the per-instance limiter; PostgreSQL and "
                + "Redis on 127.0.0.1; load average " + load + " at the end).\n\n"
                + "| measure | value |\n|---|---|\n"
                + String.format("| GET item with a JWT, one client (p50 / p95 / mean, %d requests) | %s |%n",
                        requests, stats(jwtMicros))
                + String.format("| GET item with an API key, one client, interleaved with the above | %s |%n",
                        stats(keyMicros))
                + String.format("| added by the key, one client (mean) | %.3f ms |%n",
                        (mean(keyMicros) - mean(jwtMicros)) / 1e3)
                + String.format("| GET item with a JWT, %d clients (best of 3 rounds of %d s) | %.0f req/s |%n",
                        concurrency, seconds, jwtRate)
                + String.format("| GET item with an API key, %d clients (rounds alternating with the above) | %.0f "
                        + "req/s (%.0f%% of JWT) |%n", concurrency, keyRate, 100 * keyRate / jwtRate)
                + String.format("| rate-limit check, per-instance limiter (in process) | %.0f ns |%n", localNanos)
                + redisLine
                + "\nA JWT request reads the bearer's account and then the item; a keyed request reads the key by "
                + "its hash, then the owner's account, then the item, and counts the request (per instance here; "
                + "one Redis script call per request when the cache tier has Redis). Usage figures are counted in "
                + "memory and flushed in the background, so they add no statement to the request.\n";
        Files.writeString(Path.of(a.get("out")), report);
        System.out.print(report);
    }

    static double limiterNanos(RateLimiter limiter, int calls) {
        UUID key = UUID.randomUUID();
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            if (!limiter.check(key, Integer.MAX_VALUE, Instant.now()).allowed()) {
                throw new IllegalStateException("refused by " + limiter);
            }
        }
        return (System.nanoTime() - start) / (double) calls;
    }

    static double throughput(int port, String path, Map<String, String> headers, int clients, int seconds)
            throws InterruptedException {
        return Launch.rate(clients, seconds, n -> get(port, path, headers));
    }

    static String stats(List<Long> micros) {
        long[] s = micros.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format("%.3f / %.3f / %.3f ms", s[s.length / 2] / 1e3, s[(int) (s.length * 0.95)] / 1e3,
                mean(micros) / 1e3);
    }

    static double mean(List<Long> micros) {
        return micros.stream().mapToLong(Long::longValue).average().orElse(0);
    }

    /** One GET that must answer 200; returns its latency in microseconds. */
    static long get(int port, String path, Map<String, String> headers) throws Exception {
        long t = System.nanoTime();
        call(port, "GET", path, headers, null);
        return (System.nanoTime() - t) / 1000;
    }

    static String call(int port, String method, String path, Map<String, String> headers, String body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        headers.forEach(b::header);
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200 && r.statusCode() != 201) {
            throw new IllegalStateException(method + " " + path + " -> " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

}
