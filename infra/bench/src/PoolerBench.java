import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Throughput of one postgres-mode instance straight to PostgreSQL (with and without server-side prepared
 * statements) and through PgBouncer in transaction mode (see pooler.sh): the instances run side by side on one
 * database, their rounds alternate, the best of three rounds of each is reported. GET of one item, and item creation,
 * each with CONCURRENCY clients.
 */
public final class PoolerBench {

    /** One request of a kind; returns nothing, throws on any status but 200/201. */
    interface Request {
        void send(int port, Map<String, String> auth, int n) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = Launch.options(args);
        int concurrency = Integer.parseInt(a.get("concurrency"));
        int seconds = Integer.parseInt(a.get("seconds"));
        String pool = a.get("pool");
        Process direct = Launch.service(a.get("java"), a.get("jar"), Map.of("DATABASE_POOL_SIZE", pool));
        // The driver setting alone (no pooler), to tell its cost from the pooler's hop.
        Process unprepared = Launch.service(a.get("java"), a.get("jar"), Map.of("DATABASE_POOL_SIZE", pool,
                "DATABASE_URL", a.get("direct-url") + "?prepareThreshold=0"));
        Process pooled = Launch.service(a.get("java"), a.get("jar"), Map.of("DATABASE_POOL_SIZE", pool,
                "DATABASE_URL", a.get("pooled-url"), "DATABASE_POOLER", "transaction",
                "DATABASE_DIRECT_URL", a.get("direct-url")));
        int[] ports = {Launch.port(direct), Launch.port(unprepared), Launch.port(pooled)};
        Map<String, String> auth = Map.of("Authorization", "Bearer " + Launch.field(ApiKeyBench.call(ports[0],
                "POST", "/api/auth/register", Map.of(), "{\"username\":\"bench" + UUID.randomUUID().toString()
                        .substring(0, 8) + "\",\"email\":\"b" + UUID.randomUUID() + "@example.com\",\"password\":"
                        + "\"Str0ng!Pass\"}"), "token"));
        String path = "/api/items/" + Launch.field(ApiKeyBench.call(ports[0], "POST", "/api/items", auth,
                "{\"identifiers\":[{\"key\":\"lote\",\"value\":\"K-1\"}]}"), "dfid");
        String run = UUID.randomUUID().toString().substring(0, 8);
        Request read = (port, h, n) -> ApiKeyBench.get(port, path, h);
        Request create = (port, h, n) -> ApiKeyBench.call(port, "POST", "/api/items", h,
                "{\"identifiers\":[{\"key\":\"lote\",\"value\":\"" + run + "-" + port + "-" + n + "\"}]}");
        for (int port : ports) { // warm-up: JIT and both pools
            rate(port, auth, read, concurrency, 2);
            rate(port, auth, create, concurrency, 2);
        }
        double[][] best = new double[ports.length][2];
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < ports.length; i++) {
                best[i][0] = Math.max(best[i][0], rate(ports[i], auth, read, concurrency, seconds));
                best[i][1] = Math.max(best[i][1], rate(ports[i], auth, create, concurrency, seconds));
            }
        }
        for (Process p : List.of(direct, unprepared, pooled)) {
            p.destroy();
            p.waitFor();
        }

        String load = Files.exists(Path.of("/proc/loadavg"))
                ? Files.readString(Path.of("/proc/loadavg")).split(" ")[0] : "unknown";
        StringBuilder report = new StringBuilder("# One instance, direct and through PgBouncer\n\n"
                + "Run: `infra/bench/pooler.sh " + concurrency + " " + seconds + " " + pool + "` on " + Instant.now()
                + " (" + Runtime.getRuntime().availableProcessors() + " CPUs shared with the load generator, "
                + "PostgreSQL and PgBouncer " + a.get("pgbouncer") + "; `DATABASE_POOL_SIZE=" + pool
                + "`, PgBouncer `pool_mode = transaction`, `default_pool_size = " + pool + "`; no cache tier; "
                + "load average " + load + " at the end).\n\n"
                + "| " + concurrency + " clients, best of 3 rounds of " + seconds + " s | direct | direct, "
                + "`prepareThreshold=0` | through PgBouncer (`DATABASE_POOLER=transaction`) |\n|---|---|---|---|\n");
        report.append(String.format("| GET /api/items/{dfid} | %.0f req/s | %.0f req/s | %.0f req/s |%n",
                best[0][0], best[1][0], best[2][0]));
        report.append(String.format("| POST /api/items | %.0f req/s | %.0f req/s | %.0f req/s |%n",
                best[0][1], best[1][1], best[2][1]));
        report.append("\nThe three instances run at once on one database and their rounds alternate, so the machine's "
                + "other load falls on all alike. Each GET reads the caller's account and the item; each POST "
                + "writes the item, its identifiers and its creation event in one transaction.\n");
        Files.writeString(Path.of(a.get("out")), report);
        System.out.print(report);
    }

    static double rate(int port, Map<String, String> auth, Request request, int clients, int seconds)
            throws InterruptedException {
        return Launch.rate(clients, seconds, n -> request.send(port, auth, n));
    }

    private PoolerBench() {
    }
}
