import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The benchmark's plumbing: child processes, psql, polling HTTP, number formats and the console log. */
final class BenchIo {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private BenchIo() {
    }

    interface Measurement {
        double run() throws Exception;
    }

    static double median(int runs, Measurement m) throws Exception {
        double[] values = new double[runs];
        for (int i = 0; i < runs; i++) {
            values[i] = m.run();
        }
        Arrays.sort(values);
        return values[runs / 2];
    }

    interface Check {
        boolean ok() throws Exception;
    }

    static void waitFor(Check check, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!check.ok()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + timeout);
            }
            Thread.sleep(5);
        }
    }

    /** The status of a GET, or -1 while nothing answers. */
    static int status(URI uri, String token) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET();
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    static void psql(String db, String sql) throws Exception {
        run(List.of("psql", "-h", "127.0.0.1", "-U", "postgres", "-q", "-v", "ON_ERROR_STOP=1", "-d", db, "-c", sql),
                Map.of(), Path.of("/dev/null"));
    }

    static void psqlToFile(String db, String sql, Path out) throws Exception {
        run(List.of("psql", "-h", "127.0.0.1", "-U", "postgres", "-At", "-d", db, "-c", sql), Map.of(), out);
    }

    static void run(List<String> cmd, Map<String, String> env, Path output) throws Exception {
        ProcessBuilder b = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(output.toFile());
        b.environment().putAll(env);
        int code = b.start().waitFor();
        if (code != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed (" + code + "); see " + output);
        }
    }

    static String version(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor();
            return out.split("\n")[0];
        } catch (IOException | InterruptedException e) {
            return String.join(" ", cmd) + ": unknown";
        }
    }

    static String memTotal() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return (Long.parseLong(line.replaceAll("[^0-9]", "")) >> 20) + " GiB RAM";
                }
            }
        } catch (IOException e) {
            return "unknown RAM";
        }
        return "unknown RAM";
    }

    static String percent(double ratio) {
        return Double.isNaN(ratio) ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * ratio);
    }

    static String fmt(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%,.0f", value);
    }

    static double parse(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException | NullPointerException e) {
            return Double.NaN;
        }
    }

    static void log(String message) {
        System.out.println(Instant.now().toString().substring(11, 19) + " " + message);
    }
}
