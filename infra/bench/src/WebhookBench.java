import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures webhook delivery (see webhooks.sh): (1) throughput of the `dispatch` command draining MESSAGES queued
 * messages to a local receiver; (2) push latency into a circuit with no webhook vs one with two webhooks (both on
 * the same instance, interleaved, in-process dispatcher running). Environment: the service's variables.
 */
public final class WebhookBench {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        Map<String, String> a = Launch.options(args);
        int messages = Integer.parseInt(a.get("messages"));
        int pushes = Integer.parseInt(a.get("pushes"));
        AtomicLong received = new AtomicLong();
        AtomicLong first = new AtomicLong();
        AtomicLong last = new AtomicLong();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        receiver.createContext("/", ex -> {
            ex.getRequestBody().readAllBytes();
            long now = System.nanoTime();
            first.compareAndSet(0, now);
            last.set(now);
            received.incrementAndGet();
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        receiver.start();
        String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";

        // (1) Queue MESSAGES messages (pushes into a circuit with two webhooks, no dispatcher), then drain them.
        Process writer = Launch.service(a.get("java"), a.get("jar"), Map.of("DELIVERY_DISPATCHER_ENABLED", "false"));
        int port = Launch.port(writer);
        String token = token(port);
        String busy = circuit(port, token, hook, 2);
        for (int i = 0; i < messages / 2; i++) {
            push(port, token, busy);
        }
        writer.destroy();
        writer.waitFor();
        long start = System.nanoTime();
        Process dispatch = new ProcessBuilder(a.get("java"), "-jar", a.get("jar"), "dispatch")
                .redirectErrorStream(true).start();
        String log = new String(dispatch.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = dispatch.waitFor();
        double wall = (System.nanoTime() - start) / 1e9;
        double sending = (last.get() - first.get()) / 1e9;
        if (status != 0 || received.get() != messages) {
            throw new IllegalStateException("dispatch exited " + status + ", received " + received + ": " + log);
        }

        // (2) Push latency: the same instance, its dispatcher running, circuits with 0 and 2 webhooks, interleaved.
        Process service = Launch.service(a.get("java"), a.get("jar"), Map.of("DELIVERY_POLL_INTERVAL_MS", "100"));
        port = Launch.port(service);
        token = token(port);
        String none = circuit(port, token, hook, 0);
        String two = circuit(port, token, hook, 2);
        for (int i = 0; i < 50; i++) {
            push(port, token, none);
            push(port, token, two);
        }
        List<Long> plain = new ArrayList<>();
        List<Long> hooked = new ArrayList<>();
        for (int i = 0; i < pushes; i++) {
            plain.add(push(port, token, none));
            hooked.add(push(port, token, two));
        }
        service.destroy();
        service.waitFor();
        receiver.stop(0);

        String load = Files.exists(Path.of("/proc/loadavg"))
                ? Files.readString(Path.of("/proc/loadavg")).split(" ")[0] : "unknown";
        String report = "# Webhook delivery benchmark\n\n"
                + "Run: `infra/bench/webhooks.sh " + messages + " " + pushes + "` on " + Instant.now() + " ("
                + Runtime.getRuntime().availableProcessors() + " CPUs, PostgreSQL on 127.0.0.1, receiver in the bench "
                + "JVM on 127.0.0.1, batch size " + System.getenv().getOrDefault("DELIVERY_BATCH_SIZE", "50")
                + "; load average " + load + " at the end, the machine being shared with other builds).\n\n"
                + "| measure | value |\n|---|---|\n"
                + String.format("| dispatch command: %d messages, wall time incl. JVM start | %.2f s (%.0f msg/s) |%n",
                        messages, wall, messages / wall)
                + String.format("| dispatch command: first to last delivery at the receiver | %.2f s (%.0f msg/s) |%n",
                        sending, messages / sending)
                + String.format("| push latency, circuit without webhooks (p50 / p95 / mean, %d pushes) | %s |%n",
                        pushes, stats(plain))
                + String.format("| push latency, circuit with two webhooks (p50 / p95 / mean) | %s |%n",
                        stats(hooked))
                + String.format("| added by two webhooks (mean) | %.2f ms |%n", (mean(hooked) - mean(plain)) / 1e3);
        Files.writeString(Path.of(a.get("out")), report);
        System.out.print(report);
    }

    static String stats(List<Long> micros) {
        long[] s = micros.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format("%.2f / %.2f / %.2f ms", s[s.length / 2] / 1e3, s[(int) (s.length * 0.95)] / 1e3,
                mean(micros) / 1e3);
    }

    static double mean(List<Long> micros) {
        return micros.stream().mapToLong(Long::longValue).average().orElse(0);
    }

    static String call(int port, String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(method + " " + path + " -> " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    static String token(int port) throws Exception {
        String user = "bench" + UUID.randomUUID().toString().substring(0, 8);
        return Launch.field(call(port, "POST", "/api/auth/register", null, "{\"username\":\"" + user + "\",\"email\":\""
                + user + "@example.com\",\"password\":\"Str0ng!Pass\"}"), "token");
    }

    static String circuit(int port, String token, String hook, int webhooks) throws Exception {
        String cid = Launch.field(
                call(port, "POST", "/api/circuits", token, "{\"name\":\"bench\",\"description\":\"b\"}"),
                "circuit_id");
        call(port, "PUT", "/api/circuits/" + cid + "/post-actions", token, "{\"enabled\":true,\"trigger_events\":"
                + "[\"item_pushed\"],\"include_storage_details\":true,\"include_item_metadata\":true}");
        for (int i = 0; i < webhooks; i++) {
            call(port, "POST", "/api/circuits/" + cid + "/post-actions/webhooks", token, "{\"name\":\"w" + i
                    + "\",\"url\":\"" + hook + "\"}");
        }
        return cid;
    }

    /** Creates an item (not timed), then pushes it; returns the push's latency in microseconds. */
    static long push(int port, String token, String cid) throws Exception {
        String dfid = Launch.field(
                call(port, "POST", "/api/items", token, "{\"identifiers\":[{\"key\":\"lote\",\"value\":\"B-"
                + UUID.randomUUID() + "\"}]}"), "dfid");
        long t = System.nanoTime();
        call(port, "POST", "/api/circuits/" + cid + "/push/" + dfid, token, "{}");
        return (System.nanoTime() - t) / 1000;
    }
}
