import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop HTTP/1.1 load generator in the manner of wrk (which is not installed on these machines): C
 * keep-alive connections, each sending its next request as soon as the previous response has been read, for a
 * fixed time after a warm-up. It writes requests and parses responses directly on sockets, so that the generator
 * costs little CPU next to the service it measures. Prints one JSON line: requests, non-2xx, throughput and
 * latency percentiles in microseconds.
 *
 * <pre>
 * java infra/bench/src/LoadGen.java --base http://127.0.0.1:18080 --token T --paths paths.txt
 *      [--method GET|POST] [--body '{"identifiers":[{"key":"lote","value":"L-{n}"}]}']
 *      [--concurrency 16] [--seconds 10] [--warmup 3] [--seed 42]
 * </pre>
 * Each request picks a random line of the paths file; {n} in the body becomes a unique number.
 */
public class LoadGen {

    /** What one run measured (latencies in microseconds). */
    public record Result(long requests, long errors, int concurrency, double seconds, double rps, long p50, long p90,
                         long p99, long p999, long max) {
        public String json() {
            return String.format(java.util.Locale.ROOT, "{\"requests\":%d,\"errors\":%d,\"concurrency\":%d,"
                    + "\"seconds\":%.2f,\"rps\":%.1f,\"p50_us\":%d,\"p90_us\":%d,\"p99_us\":%d,\"p999_us\":%d,"
                    + "\"max_us\":%d}", requests, errors, concurrency, seconds, rps, p50, p90, p99, p999, max);
        }
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(arg(args, "--base", "http://127.0.0.1:18080"));
        List<String> paths = Files.readAllLines(Path.of(arg(args, "--paths", "paths.txt"))).stream()
                .filter(l -> !l.isBlank()).toList();
        if (paths.isEmpty()) {
            System.err.println("the paths file is empty");
            System.exit(2);
        }
        Result r = run(base, arg(args, "--token", null), arg(args, "--method", "GET"), arg(args, "--body", null),
                paths, Integer.parseInt(arg(args, "--concurrency", "16")),
                Integer.parseInt(arg(args, "--seconds", "10")), Integer.parseInt(arg(args, "--warmup", "3")),
                Long.parseLong(arg(args, "--seed", "42")));
        System.out.println(r.json());
    }

    /** Runs the load and returns what it measured. */
    public static Result run(URI base, String token, String method, String body, List<String> paths,
                             int concurrency, int seconds, int warmup, long seed) throws InterruptedException {
        String host = base.getHost();
        int port = base.getPort() < 0 ? 80 : base.getPort();

        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong unique = new AtomicLong(System.nanoTime());
        AtomicLong errors = new AtomicLong();
        List<long[]> perClient = new ArrayList<>();
        int[] counts = new int[concurrency];
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            long[] latencies = new long[4_000_000 / concurrency];
            perClient.add(latencies);
            int client = c;
            SplittableRandom random = new SplittableRandom(seed + c);
            clients.add(Thread.ofPlatform().start(() -> {
                Connection conn = null;
                while (running.get()) {
                    String path = paths.get(random.nextInt(paths.size()));
                    StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path)
                            .append(" HTTP/1.1\r\nHost: ").append(host).append(':').append(port).append("\r\n");
                    if (token != null) {
                        head.append("Authorization: Bearer ").append(token).append("\r\n");
                    }
                    byte[] payload = body == null ? null
                            : body.replace("{n}", Long.toString(unique.incrementAndGet())).getBytes(StandardCharsets.UTF_8);
                    if (payload != null) {
                        head.append("Content-Type: application/json\r\nContent-Length: ").append(payload.length)
                                .append("\r\n");
                    }
                    head.append("\r\n");
                    long start = System.nanoTime();
                    int status;
                    try {
                        if (conn == null) {
                            conn = new Connection(host, port);
                        }
                        status = conn.exchange(head.toString().getBytes(StandardCharsets.ISO_8859_1), payload);
                    } catch (IOException e) {
                        status = -1;
                        if (conn != null) {
                            conn.close();
                        }
                        conn = null;
                    }
                    long took = System.nanoTime() - start;
                    if (measuring.get()) {
                        if (status < 200 || status >= 300) {
                            errors.incrementAndGet();
                        }
                        if (counts[client] < latencies.length) {
                            latencies[counts[client]++] = took;
                        }
                    }
                }
                if (conn != null) {
                    conn.close();
                }
            }));
        }
        Thread.sleep(warmup * 1000L);
        measuring.set(true);
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        measuring.set(false);
        long elapsed = System.nanoTime() - t0;
        running.set(false);
        for (Thread t : clients) {
            t.join(35_000);
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < concurrency; c++) {
            System.arraycopy(perClient.get(c), 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        return new Result(total, errors.get(), concurrency, elapsed / 1e9, total / (elapsed / 1e9), pct(all, 0.50),
                pct(all, 0.90), pct(all, 0.99), pct(all, 0.999), total == 0 ? 0 : all[total - 1] / 1000);
    }

    /** One keep-alive connection: writes a request, reads the status line, headers and body. */
    private static final class Connection {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;

        Connection(String host, int port) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 5000);
            socket.setSoTimeout(30_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        }

        int exchange(byte[] head, byte[] payload) throws IOException {
            out.write(head);
            if (payload != null) {
                out.write(payload);
            }
            out.flush();
            String statusLine = line();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String h = line(); !h.isEmpty(); h = line()) {
                int colon = h.indexOf(':');
                String name = h.substring(0, colon).trim().toLowerCase();
                String value = h.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase().contains("chunked");
                    case "connection" -> close = value.equalsIgnoreCase("close");
                    default -> { }
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
                     size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                    skip(size);
                    line();
                }
                line();
            } else if (length > 0) {
                skip(length);
            }
            if (close) {
                throw new IOException("server closed the connection");
            }
            return status;
        }

        private String line() throws IOException {
            StringBuilder sb = new StringBuilder(64);
            int b;
            while ((b = in.read()) != '\n') {
                if (b < 0) {
                    throw new IOException("connection closed");
                }
                if (b != '\r') {
                    sb.append((char) b);
                }
            }
            return sb.toString();
        }

        private void skip(long n) throws IOException {
            while (n > 0) {
                long skipped = in.skip(n);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new IOException("connection closed");
                    }
                    skipped = 1;
                }
                n -= skipped;
            }
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }

    private static long pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1000;
    }

    private static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
