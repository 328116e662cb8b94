import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures what the audit trail costs a write (see audit.sh): API keys created per second (each creation is one
 * audited write: the key row and its audit record in one transaction) with AUDIT_ENABLED=true and false, on the
 * same database in the same run, alternating the two twice so that the machine's load falls on both alike.
 */
public final class AuditBench {

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].substring(2), args[i + 1]);
        }
        int requests = Integer.parseInt(a.get("requests"));
        int concurrency = Integer.parseInt(a.get("concurrency"));
        List<Double> on = new ArrayList<>();
        List<Double> off = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            on.add(rate(a, true, requests, concurrency));
            off.add(rate(a, false, requests, concurrency));
        }
        String load = Files.exists(Path.of("/proc/loadavg"))
                ? Files.readString(Path.of("/proc/loadavg")).split(" ")[0] : "unknown";
        double meanOn = on.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double meanOff = off.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        String report = "# Audit trail benchmark\n\n"
                + "Run: `infra/bench/audit.sh " + requests + " " + concurrency + "` on " + Instant.now() + " ("
                + Runtime.getRuntime().availableProcessors() + " CPUs, PostgreSQL on 127.0.0.1, one instance, "
                + concurrency + " concurrent clients; load average " + load + " at the end, the machine being shared "
                + "with other builds). Each round creates " + requests + " API keys (a write whose audit record is "
                + "one more INSERT in the same transaction).\n\n"
                + "| AUDIT_ENABLED | round 1 | round 2 | mean |\n|---|---|---|---|\n"
                + String.format("| true | %.0f creates/s | %.0f creates/s | %.0f creates/s |%n", on.get(0), on.get(1),
                        meanOn)
                + String.format("| false | %.0f creates/s | %.0f creates/s | %.0f creates/s |%n", off.get(0),
                        off.get(1), meanOff)
                + String.format("%nAuditing costs %.1f%% of the write throughput in this run.%n",
                        (1 - meanOn / meanOff) * 100);
        Files.writeString(Path.of(a.get("out")), report);
        System.out.print(report);
    }

    /** Starts the service with auditing on or off, creates REQUESTS keys from CONCURRENCY clients; keys/s. */
    static double rate(Map<String, String> a, boolean audit, int requests, int concurrency) throws Exception {
        Process service = Launch.service(a.get("java"), a.get("jar"), Map.of("AUDIT_ENABLED", String.valueOf(audit)));
        try {
            int port = Launch.port(service);
            String token = WebhookBench.token(port);
            for (int i = 0; i < 50; i++) {
                create(port, token);
            }
            try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
                long start = System.nanoTime();
                List<Future<?>> done = new ArrayList<>();
                for (int i = 0; i < requests; i++) {
                    done.add(pool.submit(() -> {
                        create(port, token);
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
                return requests / ((System.nanoTime() - start) / 1e9);
            }
        } finally {
            service.destroy();
            service.waitFor();
        }
    }

    static void create(int port, String token) throws Exception {
        WebhookBench.call(port, "POST", "/api/api-keys", token, "{\"name\":\"bench\",\"organization_type\":"
                + "\"Producer\"}");
    }
}
