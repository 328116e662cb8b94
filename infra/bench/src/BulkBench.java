import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bulk writes, per jar (the old one first when given): the {@code import} command into a fresh database (and a
 * second run of it, which must write nothing), then {@code POST /api/items/batch} with 100 new items a request from
 * each client count. The reference is {@code psql \copy} of the very rows the import stored, into the same tables
 * of another fresh database.
 *
 * <pre>
 * java -cp "JAR:bootstrap/target/lib/*" infra/bench/src/BulkBench.java --jar JAR --java JAVA --db NAME
 *      [--old-jar JAR] [--items 100000] [--clients 4,16] [--seconds 10] [--out FILE]
 * </pre>
 */
public class BulkBench {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern IMPORT_RATE = Pattern.compile("import\\s+\\[[#.]+\\] (\\d+)/\\d+ (\\d+)/s");

    record Load(String jar, long records, double seconds, double loadRate, double secondRunSeconds,
                String secondRunLine, Map<Integer, Double> batchItemsPerSecond) {

        Load withBatch(Map<Integer, Double> rates) {
            return new Load(jar, records, seconds, loadRate, secondRunSeconds, secondRunLine, rates);
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].substring(2), args[i + 1]);
        }
        String java = a.get("java");
        String db = a.get("db");
        long items = Long.parseLong(a.getOrDefault("items", "100000"));
        int seconds = Integer.parseInt(a.getOrDefault("seconds", "10"));
        List<Integer> clients = Arrays.stream(a.getOrDefault("clients", "4,16").split(","))
                .map(Integer::parseInt).toList();
        Path work = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "defarm-bulk"));
        Path data = work.resolve("dataset-" + items + ".jsonl");
        if (!Files.exists(data)) {
            log("generating " + items + " items, 2 events each");
            run(List.of(java, "-cp", "bootstrap/target/lib/*", "infra/bench/src/Generate.java",
                    Long.toString(items), data.toString(), "2", "7", "1"), Map.of(), work.resolve("generate.log"));
        }
        List<Load> loads = new ArrayList<>();
        for (String jar : a.containsKey("old-jar") ? List.of(a.get("old-jar"), a.get("jar")) : List.of(a.get("jar"))) {
            loads.add(measure(java, jar, db, data, clients, seconds, work, jar.equals(a.get("jar"))));
        }
        double copySeconds = copySeconds(work);
        long rows = Long.parseLong(psqlOut(db + "_copy", "SELECT sum(n) FROM (" + COUNTS + ") c").trim());
        write(Path.of(a.getOrDefault("out", "infra/bench/results/bulk.md")), items, seconds, loads, copySeconds,
                rows, String.join(" ", args));
    }

    static Load measure(String java, String jar, String db, Path data, List<Integer> clients, int seconds, Path work,
                        boolean reference) throws Exception {
        return importLoad(java, jar, db, data, work, reference).withBatch(batchRates(java, jar, db, clients, seconds));
    }

    /** The import into a fresh database, the second (no-op) import, and with {@code reference} the {@code \copy}. */
    static Load importLoad(String java, String jar, String db, Path data, Path work, boolean reference)
            throws Exception {
        fresh(db, java, jar, work);
        Map<String, String> env = env(db);
        log(jar + ": import");
        Path log = work.resolve("import.log");
        long t0 = System.nanoTime();
        run(List.of(java, "-Xmx2g", "-jar", jar, "import", data.toString()), env, log);
        double total = (System.nanoTime() - t0) / 1e9;
        String out = Files.readString(log);
        if (!out.contains("the store holds exactly the file's content")) {
            throw new IllegalStateException("the import did not verify; see " + log);
        }
        Matcher m = IMPORT_RATE.matcher(out);
        long records = 0;
        double rate = 0;
        while (m.find()) {
            records = Long.parseLong(m.group(1));
            rate = Double.parseDouble(m.group(2));
        }
        log(jar + ": import again (must write nothing)");
        t0 = System.nanoTime();
        run(List.of(java, "-Xmx2g", "-jar", jar, "import", data.toString()), env, log);
        double again = (System.nanoTime() - t0) / 1e9;
        String secondLine = Files.readAllLines(log).stream().filter(l -> l.startsWith("import: ")).findFirst()
                .orElse("?");
        if (!secondLine.startsWith("import: 0 records written")) {
            throw new IllegalStateException("the second import wrote something: " + secondLine);
        }
        if (reference) {
            Files.writeString(work.resolve("copy.seconds"), Double.toString(copyReference(db, work)));
        }
        psql(db, "VACUUM ANALYZE");
        return new Load(jar, records, total, rate, again, secondLine, Map.of());
    }

    /** Items per second of {@code POST /api/items/batch} per client count, on the imported database. */
    static Map<Integer, Double> batchRates(String java, String jar, String db, List<Integer> clients, int seconds)
            throws Exception {
        Map<Integer, Double> batch = new LinkedHashMap<>();
        // One pooled connection per client, and a long wait for one rather than a 503 after 2 s: on a loaded
        // machine the rate is then the work's, not the overload policy's.
        Map<String, String> serviceEnv = new LinkedHashMap<>(env(db));
        serviceEnv.put("DATABASE_POOL_SIZE", Integer.toString(Math.max(10, clients.stream().mapToInt(c -> c).max()
                .orElse(10))));
        serviceEnv.put("DATABASE_CONNECT_TIMEOUT_MS", "30000");
        Process service = Launch.service(java, jar, serviceEnv);
        try {
            String base = "http://127.0.0.1:" + Launch.port(service);
            String token = Launch.field(post(base, null, "/api/auth/login",
                    "{\"username\":\"farm-0\",\"password\":\"Str0ng!Pass\"}"), "token");
            batches(base, token, 4, 3);
            for (int c : clients) {
                double perSecond = batches(base, token, c, seconds);
                log(String.format(Locale.ROOT, "%s: batch, %d clients: %.0f items/s", jar, c, perSecond));
                batch.put(c, perSecond);
            }
        } finally {
            service.destroy();
            service.waitFor();
        }
        return batch;
    }

    /** Seconds the {@code \copy} of the reference measurement took (written by {@link #importLoad}). */
    static double copySeconds(Path work) throws IOException {
        return Double.parseDouble(Files.readString(work.resolve("copy.seconds")));
    }

    /** The import's own load time (from its progress rate; the JVM's start and the verification excluded). */
    static double loadSeconds(Load l) {
        return l.records() / Math.max(1, l.loadRate());
    }

    /** The import's speed as a share of {@code \copy}'s on the same rows (1 = as fast). */
    static double shareOfCopy(Load l, double copySeconds) {
        return copySeconds / loadSeconds(l);
    }

    /** Closed loop: each client posts 100 new items a request for {@code seconds}; items created per second. */
    static double batches(String base, String token, int clients, int seconds) throws Exception {
        AtomicLong created = new AtomicLong();
        AtomicReference<RuntimeException> failed = new AtomicReference<>();
        String run = UUID.randomUUID().toString().substring(0, 8);
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            threads.add(Thread.ofVirtual().start(() -> {
                for (int n = 0; System.nanoTime() < deadline; n++) {
                    StringBuilder body = new StringBuilder("{\"items\":[");
                    for (int i = 0; i < 100; i++) {
                        body.append(i == 0 ? "" : ",").append("{\"identifiers\":[{\"key\":\"lote\",\"value\":\"b-")
                                .append(run).append('-').append(client).append('-').append(n).append('-').append(i)
                                .append("\"}],\"enriched_data\":{\"peso\":450}}");
                    }
                    try {
                        String answer = post(base, token, "/api/items/batch", body.append("]}").toString());
                        Matcher ok = Pattern.compile("\"success_count\"\\s*:\\s*(\\d+)").matcher(answer);
                        if (!ok.find() || Integer.parseInt(ok.group(1)) != 100) {
                            throw new IllegalStateException("a batch was not fully accepted: " + answer);
                        }
                        created.addAndGet(100);
                    } catch (IOException | InterruptedException | RuntimeException e) {
                        // A refused batch fails the measurement: a rate of the clients left would flatter it.
                        failed.compareAndSet(null, e instanceof RuntimeException r ? r : new IllegalStateException(e));
                        return;
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        if (failed.get() != null) {
            throw failed.get();
        }
        return created.get() / ((System.nanoTime() - t0) / 1e9);
    }

    /** The rows the import stored, dumped table by table and loaded with psql \copy into a fresh database. */
    static double copyReference(String db, Path work) throws Exception {
        List<String> tables = new ArrayList<>();
        for (String line : psqlOut(db, COUNTS).split("\n")) {
            if (!line.isBlank() && !line.endsWith("|0")) {
                tables.add(line.substring(0, line.indexOf('|')));
            }
        }
        tables = parentsFirst(db, tables);
        StringBuilder load = new StringBuilder();
        for (String t : tables) {
            Path file = work.resolve(t + ".copy");
            psql(db, "\\copy " + t + " TO '" + file + "'");
            load.append("\\copy ").append(t).append(" FROM '").append(file).append("'\n");
        }
        String copyDb = db + "_copy";
        psql("postgres", "DROP DATABASE IF EXISTS " + copyDb);
        psql("postgres", "CREATE DATABASE " + copyDb + " TEMPLATE " + db);
        for (String t : tables) {
            psql(copyDb, "TRUNCATE " + t + " CASCADE");
        }
        Path script = work.resolve("copy.sql");
        Files.writeString(script, load.toString());
        log("psql \\copy of " + tables);
        long t0 = System.nanoTime();
        run(List.of("psql", "-h", "127.0.0.1", "-U", "postgres", "-q", "-v", "ON_ERROR_STOP=1", "-d", copyDb, "-f",
                script.toString()), Map.of(), work.resolve("copy.log"));
        return (System.nanoTime() - t0) / 1e9;
    }

    /** The tables ordered so that every table comes after those its foreign keys point to. */
    static List<String> parentsFirst(String db, List<String> tables) throws Exception {
        Map<String, List<String>> parents = new LinkedHashMap<>();
        tables.forEach(t -> parents.put(t, new ArrayList<>()));
        for (String edge : psqlOut(db, "SELECT conrelid::regclass::text || '|' || confrelid::regclass::text "
                + "FROM pg_constraint WHERE contype = 'f'").split("\n")) {
            String[] e = edge.split("\\|");
            if (e.length == 2 && parents.containsKey(e[0]) && parents.containsKey(e[1]) && !e[0].equals(e[1])) {
                parents.get(e[0]).add(e[1]);
            }
        }
        List<String> ordered = new ArrayList<>();
        for (int before = -1; ordered.size() > before; ) {
            before = ordered.size();
            for (String t : tables) {
                if (!ordered.contains(t) && ordered.containsAll(parents.get(t))) {
                    ordered.add(t);
                }
            }
        }
        tables.stream().filter(t -> !ordered.contains(t)).forEach(ordered::add); // a cycle: as they come
        return ordered;
    }

    /** Every table's name and row count. */
    static final String COUNTS = "SELECT relname, (xpath('/row/n/text()', query_to_xml('SELECT count(*) AS n FROM ' || relname, false, "
                + "true, '')))[1]::text::bigint AS n FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace "
                + "WHERE s.nspname = 'public' AND c.relkind = 'r' AND relname <> 'flyway_schema_history'";

    static void write(Path out, long items, int seconds, List<Load> loads, double copySeconds, long rows,
                      String command) throws IOException {
        StringBuilder md = new StringBuilder("# Bulk writes\n\n");
        md.append(String.format(Locale.ROOT, "Data: %,d items with 2 events each and one farm (`Generate.java`), "
                + "PostgreSQL on this machine (2 cores, shared). Command: `infra/bench/bulk.sh`, arguments `%s`.%n%n",
                items, command));
        md.append(String.format(Locale.ROOT, "Reference: `psql \\copy` of the same %,d table rows the import stored, "
                + "into the same tables of a fresh database: %.1f s, %,.0f rows/s.%n%n", rows, copySeconds,
                rows / copySeconds));
        md.append("| jar | import load (records/s) | items/s | load time (s) | share of `\\copy` speed | whole command "
                + "incl. verification (s) | second import (s) |");
        loads.getFirst().batchItemsPerSecond().keySet().forEach(c -> md.append(" batch items/s, ").append(c)
                .append(" clients |"));
        md.append("\n|---|---|---|---|---|---|---|");
        loads.getFirst().batchItemsPerSecond().keySet().forEach(c -> md.append("---|"));
        md.append('\n');
        for (Load l : loads) {
            double loadSeconds = loadSeconds(l);
            md.append(String.format(Locale.ROOT, "| `%s` | %,.0f | %,.0f | %.1f | %.0f%% | %.1f | %.1f |", l.jar(),
                    l.loadRate(), l.loadRate() * items / Math.max(1, l.records()), loadSeconds,
                    100 * shareOfCopy(l, copySeconds), l.seconds(), l.secondRunSeconds()));
            l.batchItemsPerSecond().values().forEach(v -> md.append(String.format(Locale.ROOT, " %,.0f |", v)));
            md.append('\n');
        }
        md.append(String.format(Locale.ROOT, "%nSecond import: \"%s\". Batch: %d s per client count after 3 s of "
                + "warm-up, 100 new items a request (one identifier and one attribute each), every item accepted.%n",
                loads.getLast().secondRunLine(), seconds));
        Files.writeString(out, md.toString());
        log("wrote " + out);
    }

    static String post(String base, String token, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type",
                "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    static void fresh(String db, String java, String jar, Path work) throws Exception {
        psql("postgres", "DROP DATABASE IF EXISTS " + db + "_copy");
        psql("postgres", "DROP DATABASE IF EXISTS " + db);
        psql("postgres", "CREATE DATABASE " + db);
        run(List.of(java, "-jar", jar, "migrate"), env(db), work.resolve("migrate.log"));
    }

    static Map<String, String> env(String db) {
        return Map.of("STORAGE_MODE", "postgres", "DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/" + db,
                "DATABASE_USER", "postgres", "CACHE_KIND", "none", "HOST", "127.0.0.1",
                "JWT_SECRET", "bench-secret-0123456789abcdef0123456789", "BCRYPT_COST", "4",
                "DATABASE_STATEMENT_TIMEOUT_MS", "600000");
    }

    static void psql(String db, String sql) throws Exception {
        run(List.of("psql", "-h", "127.0.0.1", "-U", "postgres", "-q", "-v", "ON_ERROR_STOP=1", "-d", db, "-c", sql),
                Map.of(), Path.of("/dev/null"));
    }

    static String psqlOut(String db, String sql) throws Exception {
        Process p = new ProcessBuilder("psql", "-h", "127.0.0.1", "-U", "postgres", "-At", "-v", "ON_ERROR_STOP=1",
                "-d", db, "-c", sql).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("psql failed: " + out);
        }
        return out;
    }

    static void run(List<String> cmd, Map<String, String> env, Path output) throws Exception {
        ProcessBuilder b = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(output.toFile());
        b.environment().putAll(env);
        if (b.start().waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed; see " + output);
        }
    }

    static void log(String message) {
        System.out.println(String.format("%tT", LocalTime.now()) + " " + message);
    }
}
