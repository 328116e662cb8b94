import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Cold start against the floor (infra/bench/coldstart.sh prepares everything and runs this): rounds of four fresh
 * processes, ours and the minimal Helidon service, each without and with its AOT cache, all through the function
 * launcher (so every one gets the same JVM flags). A sample is the wall time from spawning the process to the first
 * 200 of one request: ours an authenticated {@code GET /api/items/{dfid}} (it reads the key and the item from
 * PostgreSQL), the floor {@code GET /floor/1}. The request is polled every few milliseconds, a refused connection
 * or a non-200 answer retried; each request is on a fresh connection, closed after the answer.
 */
public final class ColdStart {

    private static final long POLL_MILLIS = 5;
    private static final long GIVE_UP_SECONDS = 60;

    /** One of the four kinds of start: which jar, whether with its cache, and the request that proves it serves. */
    record Variant(String key, String label, String jar, String aot, String path, String authorization) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].substring(2), args[i + 1]);
        }
        int rounds = Integer.parseInt(a.getOrDefault("rounds", "7"));
        int port = Integer.parseInt(a.get("port"));
        Path logs = Path.of(a.get("logs"));
        Files.createDirectories(logs);
        String none = logs.resolve("no-such-cache.aot").toString();
        String bearer = "Bearer " + a.get("token");
        List<Variant> variants = List.of(
                new Variant("ours_jvm", "ours, JVM", a.get("ours-jar"), none, "/api/items/" + a.get("dfid"), bearer),
                new Variant("ours_aot", "ours, AOT", a.get("ours-jar"), a.get("ours-aot"), "/api/items/" + a.get("dfid"),
                        bearer),
                new Variant("floor_jvm", "floor, JVM", a.get("floor-jar"), none, "/floor/1", null),
                new Variant("floor_aot", "floor, AOT", a.get("floor-jar"), a.get("floor-aot"), "/floor/1", null));
        for (Variant v : variants) {
            if (!v.aot().equals(none) && !Files.isRegularFile(Path.of(v.aot()))) {
                throw new IllegalStateException("no AOT cache at " + v.aot());
            }
        }
        Map<String, List<Long>> samples = new LinkedHashMap<>();
        variants.forEach(v -> samples.put(v.key(), new ArrayList<>()));
        for (int round = 1; round <= rounds; round++) {
            StringBuilder line = new StringBuilder("round " + round + ":");
            for (Variant v : variants) {
                long ms = once(v, a.get("launcher"), port, logs.resolve(v.key() + ".log"));
                samples.get(v.key()).add(ms);
                line.append(String.format(Locale.ROOT, "  %s %d ms", v.key(), ms));
            }
            System.out.println(line);
        }
        Map<String, Long> medians = new LinkedHashMap<>();
        samples.forEach((k, s) -> medians.put(k, median(s)));
        double ratioJvm = (double) medians.get("ours_jvm") / medians.get("floor_jvm");
        double ratioAot = (double) medians.get("ours_aot") / medians.get("floor_aot");
        System.out.println();
        System.out.printf(Locale.ROOT, "%-12s %8s %8s %8s%n", "start", "median", "min", "max");
        for (Variant v : variants) {
            List<Long> s = samples.get(v.key());
            System.out.printf(Locale.ROOT, "%-12s %5d ms %5d ms %5d ms%n", v.label(), medians.get(v.key()),
                    s.stream().mapToLong(Long::longValue).min().orElse(0),
                    s.stream().mapToLong(Long::longValue).max().orElse(0));
        }
        System.out.printf(Locale.ROOT, "ours / floor: %.2fx without AOT, %.2fx with AOT (%d rounds)%n",
                ratioJvm, ratioAot, rounds);
        Path out = Path.of(a.get("out"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, json(rounds, medians, ratioJvm, ratioAot, samples, a.getOrDefault("helidon", "?")));
        System.out.println("written: " + out);
    }

    /** Spawns one process, polls until the first 200, stops it; the milliseconds from spawn to that answer. */
    static long once(Variant v, String launcher, int port, Path log) throws Exception {
        ProcessBuilder b = new ProcessBuilder(launcher).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        b.environment().put("APP_JAR", v.jar());
        b.environment().put("APP_AOT", v.aot());
        b.environment().put("PORT", Integer.toString(port));
        b.environment().put("HOST", "127.0.0.1");
        long t0 = System.nanoTime();
        Process p = b.start();
        try {
            long deadline = t0 + TimeUnit.SECONDS.toNanos(GIVE_UP_SECONDS);
            while (true) {
                if (status(port, v.path(), v.authorization()) == 200) {
                    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                }
                if (!p.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException(v.label() + " did not answer 200 (exit: "
                            + (p.isAlive() ? "still running" : p.exitValue()) + "); its log: " + log);
                }
                Thread.sleep(POLL_MILLIS);
            }
        } finally {
            p.destroy();
            if (!p.waitFor(15, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
        }
    }

    /** The status code of one request on a new connection; 0 when nothing listens yet. */
    static int status(int port, String path, String authorization) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            s.setSoTimeout((int) TimeUnit.SECONDS.toMillis(GIVE_UP_SECONDS));
            String request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAccept: application/json\r\n"
                    + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                    + "Connection: close\r\n\r\n";
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] head = new byte[12];
            int n = 0;
            while (n < head.length) {
                int r = in.read(head, n, head.length - n);
                if (r < 0) {
                    return 0;
                }
                n += r;
            }
            return Integer.parseInt(new String(head, 9, 3, StandardCharsets.US_ASCII));
        } catch (ConnectException e) {
            return 0;
        } catch (java.net.SocketException e) {
            // reset while the server was still coming up
            return 0;
        }
    }

    static long median(List<Long> s) {
        List<Long> sorted = s.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static String json(int rounds, Map<String, Long> medians, double ratioJvm, double ratioAot,
                       Map<String, List<Long>> samples, String helidon) {
        StringBuilder j = new StringBuilder("{\n  \"rounds\": ").append(rounds).append(",\n");
        medians.forEach((k, m) -> j.append("  \"").append(k).append("_ms\": ").append(m).append(",\n"));
        j.append(String.format(Locale.ROOT, "  \"ratio_jvm\": %.3f,\n  \"ratio_aot\": %.3f,\n", ratioJvm, ratioAot));
        j.append("  \"helidon_version\": \"").append(helidon).append("\",\n");
        j.append("  \"java_version\": \"").append(System.getProperty("java.version")).append("\",\n");
        j.append("  \"samples_ms\": {\n");
        int i = 0;
        for (var e : samples.entrySet()) {
            j.append("    \"").append(e.getKey()).append("\": ").append(e.getValue());
            j.append(++i < samples.size() ? ",\n" : "\n");
        }
        return j.append("  }\n}\n").toString();
    }
}
