import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starting the service's jar from a benchmark (the launcher compiles this file with the bench that uses it): on a
 * free port, waiting for the line that says where it listens, then draining its log so it never blocks on a pipe.
 */
final class Launch {

    private static final Pattern LISTENING = Pattern.compile("listening on http://[^:]+:(\\d+)");

    private Launch() {
    }

    /** Starts {@code java -jar jar [args]} with the current environment plus {@code env}, on a free port. */
    static Process service(String java, String jar, Map<String, String> env, String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(java, "-jar", jar));
        command.addAll(List.of(args));
        ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true);
        b.environment().putAll(env);
        b.environment().put("PORT", "0");
        return b.start();
    }

    /** The port the service printed, once it listens; its further output is read and dropped. */
    static int port(Process p) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                Thread.ofVirtual().start(() -> {
                    try {
                        while (in.readLine() != null) {
                            // drain the service's log so it never blocks on a full pipe
                        }
                    } catch (IOException e) {
                        // the process ended
                    }
                });
                return Integer.parseInt(m.group(1));
            }
        }
        throw new IllegalStateException("the service did not start");
    }

    /** A string field of a flat JSON answer (enough for ids and tokens; the benches need no JSON library). */
    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException(name + " not in " + json);
        }
        return m.group(1);
    }

    /** {@code --name value} pairs of a bench's command line. */
    static Map<String, String> options(String[] args) {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].substring(2), args[i + 1]);
        }
        return a;
    }

    /** One request of a load run; {@code n} counts the requests so far (for unique bodies). */
    interface Request {
        void send(int n) throws Exception;
    }

    /** Requests per second of {@code clients} virtual-thread clients repeating {@code request} for {@code seconds}. */
    static double rate(int clients, int seconds, Request request) throws InterruptedException {
        AtomicLong done = new AtomicLong();
        AtomicReference<Exception> failed = new AtomicReference<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        CountDownLatch finished = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            Thread.ofVirtual().start(() -> {
                try {
                    while (System.nanoTime() < end) {
                        request.send((int) done.incrementAndGet());
                    }
                } catch (Exception e) {
                    failed.compareAndSet(null, e);
                } finally {
                    finished.countDown();
                }
            });
        }
        finished.await();
        if (failed.get() != null) {
            throw new IllegalStateException("a client failed", failed.get());
        }
        return done.get() / (double) seconds;
    }
}
