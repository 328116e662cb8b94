import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark behind infra/bench/REPORT.md (run it with infra/bench/run.sh). For each dataset size it generates
 * realistic data (Generate.java), imports it into a fresh PostgreSQL database with the service's own import
 * command, then measures every storage mode on it: cold start to the first successful authenticated GET (median
 * of several starts; also with the AOT cache for postgres), resident memory after warm-up, GET item throughput
 * and latency, a list page at cursor depth 1 and 1000, single creates, batch creates, and the cache hit ratio.
 * It also measures the machine's own baselines at the same concurrency (pgbench -S -M prepared, redis-benchmark
 * GET). Everything runs on this machine, service and load generator included.
 */
public class Bench {

    enum Mode {
        MEMORY("memory", "memory", "none"),
        WRITE_THROUGH("write-through", "write-through", "none"),
        POSTGRES("postgres", "postgres", "none"),
        LRU("postgres+lru", "postgres", "lru"),
        REDIS("postgres+redis", "postgres", "redis"),
        TWO_LEVEL("postgres+two-level", "postgres", "two-level");

        final String label;
        final String storage;
        final String cache;

        Mode(String label, String storage, String cache) {
            this.label = label;
            this.storage = storage;
            this.cache = cache;
        }
    }

    record Import(long size, long records, double recordsPerSecond, double itemsPerSecond, double seconds) {
    }

    /** {@code get} spreads over up to 100k items; {@code hot} repeats the same 1,000, which any cache holds. */
    record Result(Mode mode, long size, double startMs, double startAotMs, long rssBytes, LoadGen.Result get,
                  LoadGen.Result hot, LoadGen.Result listFirst, LoadGen.Result listDeep, LoadGen.Result create,
                  LoadGen.Result batch, double hitRatio, double hotHitRatio, String note) {
    }

    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Path JAR = ROOT.resolve("bootstrap/target/defarm-engines.jar");
    static final Path AOT = ROOT.resolve("bootstrap/target/defarm-engines.aot");
    static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    static final String SECRET = "bench-secret-0123456789abcdef0123456789";
    static final int PORT = Integer.parseInt(env("BENCH_PORT", "18080"));
    static final int CONNECTIONS = Integer.parseInt(env("BENCH_CONNECTIONS", "16"));
    static final int SECONDS = Integer.parseInt(env("BENCH_SECONDS", "10"));
    static final int WARMUP = Integer.parseInt(env("BENCH_WARMUP", "20"));
    static final int STARTS = Integer.parseInt(env("BENCH_STARTS", "3"));
    static final int EVENTS_PER_ITEM = Integer.parseInt(env("BENCH_EVENTS_PER_ITEM", "2"));
    static final String JVM_HEAP = env("BENCH_HEAP", "-Xmx12g");
    /** The postgres modes hold no data: they run with the heap a function instance would be given. */
    static final String STATELESS_HEAP = env("BENCH_STATELESS_HEAP", "-Xmx256m");
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    public static void main(String[] args) throws Exception {
        List<Long> sizes = Arrays.stream(env("BENCH_SIZES", "10000 100000 1000000").trim().split("\\s+"))
                .map(Long::parseLong).toList();
        List<Mode> modes = Arrays.stream(env("BENCH_MODES", "memory write-through postgres postgres+lru "
                + "postgres+redis postgres+two-level").trim().split("\\s+"))
                .map(l -> Arrays.stream(Mode.values()).filter(m -> m.label.equals(l)).findFirst().orElseThrow(() ->
                        new IllegalArgumentException("unknown mode " + l))).toList();
        Path work = Path.of(env("BENCH_WORK", "/tmp/defarm-bench"));
        Files.createDirectories(work);
        Path report = ROOT.resolve("infra/bench/REPORT.md");
        String command = "infra/bench/run.sh  # BENCH_SIZES=\"" + env("BENCH_SIZES", "10000 100000 1000000")
                + "\" BENCH_MODES=\"" + modes.stream().map(m -> m.label).reduce((a, b) -> a + " " + b).orElse("")
                + "\" BENCH_CONNECTIONS=" + CONNECTIONS + " BENCH_SECONDS=" + SECONDS;
        log("benchmark: sizes " + sizes + ", modes " + modes + ", " + CONNECTIONS + " connections, " + SECONDS + " s");

        Map<String, String> baselines = new LinkedHashMap<>();
        baselines.put("pgbench", pgbench(work));
        baselines.put("redis", redisBenchmark());
        List<Import> imports = new ArrayList<>();
        List<Result> results = new ArrayList<>();
        for (long size : sizes) {
            String db = "defarm_bench_" + size;
            Import imported = prepare(size, db, work);
            imports.add(imported);
            String token = login(db, work);
            Path paths = work.resolve("paths-" + size + ".txt");
            psqlToFile(db, "SELECT '/api/items/' || dfid FROM items ORDER BY md5(dfid) LIMIT 100000", paths);
            for (Mode mode : modes) {
                results.add(measure(mode, size, db, token, paths, work));
                writeReport(report, command, baselines, imports, results, sizes, modes);
            }
        }
        writeReport(report, command, baselines, imports, results, sizes, modes);
        log("report: " + report);
    }

    // ---------------------------------------------------------------------------------------------------- data

    static Import prepare(long size, String db, Path work) throws Exception {
        Path data = work.resolve("dataset-" + size + "-" + EVENTS_PER_ITEM + ".jsonl");
        if (!Files.exists(data)) {
            log("generating " + size + " items with " + EVENTS_PER_ITEM + " events each");
            run(List.of(JAVA, "-cp", ROOT.resolve("bootstrap/target/lib") + "/*",
                    ROOT.resolve("infra/bench/src/Generate.java").toString(), Long.toString(size), data.toString(),
                    Integer.toString(EVENTS_PER_ITEM), "7", "1"), Map.of(), work.resolve("generate.log"));
        }
        psql("postgres", "DROP DATABASE IF EXISTS " + db);
        psql("postgres", "CREATE DATABASE " + db);
        Map<String, String> env = serviceEnv(Mode.POSTGRES, db);
        run(List.of(JAVA, "-jar", JAR.toString(), "migrate"), env, work.resolve("migrate.log"));
        log("importing " + data.getFileName());
        Path log = work.resolve("import-" + size + ".log");
        long t0 = System.nanoTime();
        run(List.of(JAVA, JVM_HEAP, "-jar", JAR.toString(), "import", data.toString()), env, log);
        double total = (System.nanoTime() - t0) / 1e9;
        String out = Files.readString(log);
        Matcher m = Pattern.compile("import\\s+\\[[#.]+\\] (\\d+)/\\d+ (\\d+)/s").matcher(out);
        long records = 0;
        double rate = 0;
        while (m.find()) {
            records = Long.parseLong(m.group(1));
            rate = Double.parseDouble(m.group(2));
        }
        if (!out.contains("the store holds exactly the file's content")) {
            throw new IllegalStateException("the import did not verify; see " + log);
        }
        psql(db, "VACUUM ANALYZE");
        double itemsShare = (double) size / Math.max(1, records);
        return new Import(size, records, rate, rate * itemsShare, total);
    }

    static String login(String db, Path work) throws Exception {
        Process p = start(Mode.POSTGRES, db, null, work.resolve("login.log"));
        try {
            waitFor(() -> status("/health", null) == 200, Duration.ofSeconds(60));
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri("/api/auth/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"farm-0\",\"password\":\"Str0ng!Pass\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return token(r, "login");
        } finally {
            stop(p);
        }
    }

    // ---------------------------------------------------------------------------------------------- measuring

    static Result measure(Mode mode, long size, String db, String token, Path paths, Path work) throws Exception {
        log("== " + mode.label + " at " + size + " items");
        Path log = work.resolve("service-" + mode.label + "-" + size + ".log");
        String note = "";
        List<String> getPaths = Files.readAllLines(paths).stream().filter(l -> !l.isBlank()).toList();
        String probe = getPaths.getFirst();
        if (mode == Mode.MEMORY) {
            // Memory mode keeps nothing across starts: its cold start is to the first answer of an empty store,
            // and its data is created through the API after the start (items only, no events).
            double startMs = median(STARTS, () -> coldStart(mode, db, null, "/health", null, log));
            Process p = start(mode, db, null, log);
            try {
                waitFor(() -> status("/health", null) == 200, Duration.ofSeconds(60));
                String memToken = register();
                List<String> created = loadThroughApi(memToken, size);
                Path memPaths = work.resolve("paths-memory-" + size + ".txt");
                Files.write(memPaths, created.stream().limit(100_000).map(d -> "/api/items/" + d).toList());
                note = "cold start: empty store to the first /health; " + size
                        + " items (no events) created through the API after the start";
                return loadTests(mode, size, p, memToken, Files.readAllLines(memPaths), startMs, Double.NaN, note);
            } finally {
                stop(p);
            }
        }
        double startMs = median(STARTS, () -> coldStart(mode, db, token, probe, null, log));
        double startAotMs = Double.NaN;
        if (mode == Mode.POSTGRES && Files.exists(AOT)) {
            startAotMs = median(STARTS, () -> coldStart(mode, db, token, probe, "aot", log));
        }
        Process p = start(mode, db, null, log);
        try {
            waitFor(() -> status(probe, token) == 200, Duration.ofMinutes(20));
            return loadTests(mode, size, p, token, getPaths, startMs, startAotMs, note);
        } finally {
            stop(p);
        }
    }

    static Result loadTests(Mode mode, long size, Process p, String token, List<String> getPaths, double startMs,
                            double startAotMs, String note) throws Exception {
        URI base = URI.create("http://127.0.0.1:" + PORT);
        double[] before = cacheCounters();
        LoadGen.Result get = LoadGen.run(base, token, "GET", null, getPaths, CONNECTIONS, SECONDS, WARMUP, 42);
        double[] after = cacheCounters();
        long rss = rss(p.pid());
        double hitRatio = hitRatio(mode, before, after);
        before = cacheCounters();
        LoadGen.Result hot = LoadGen.run(base, token, "GET", null, getPaths.subList(0, Math.min(1000,
                getPaths.size())), CONNECTIONS, SECONDS, Math.min(WARMUP, 5), 43);
        double hotHitRatio = hitRatio(mode, before, cacheCounters());
        String first = "/api/items?limit=10";
        String deep = pageAt(token, 1000);
        LoadGen.Result listFirst = LoadGen.run(base, token, "GET", null, List.of(first), CONNECTIONS, SECONDS / 2, 2,
                1);
        LoadGen.Result listDeep = deep == null ? null : LoadGen.run(base, token, "GET", null, List.of(deep),
                CONNECTIONS, SECONDS / 2, 2, 1);
        String run = UUID.randomUUID().toString().substring(0, 8);
        LoadGen.Result create = LoadGen.run(base, token, "POST", "{\"identifiers\":[{\"key\":\"lote\",\"value\":\"c-"
                + run + "-{n}\"}],\"enriched_data\":{\"peso\":450}}", List.of("/api/items"), CONNECTIONS, SECONDS,
                Math.min(WARMUP, 5),
                3);
        StringBuilder batch = new StringBuilder("{\"items\":[");
        for (int i = 0; i < 100; i++) {
            batch.append(i == 0 ? "" : ",").append("{\"identifiers\":[{\"key\":\"lote\",\"value\":\"b-").append(run)
                    .append("-{n}-").append(i).append("\"}]}");
        }
        batch.append("]}");
        LoadGen.Result batches = LoadGen.run(base, token, "POST", batch.toString(), List.of("/api/items/batch"),
                Math.min(4, CONNECTIONS), SECONDS, 2, 4);
        log(String.format(Locale.ROOT, "%s %d: start %.0f ms (aot %.0f), rss %d MB, GET %.0f/s p50 %d p99 %d us, "
                        + "create %.0f/s", mode.label, size, startMs, startAotMs, rss >> 20, get.rps(), get.p50(),
                get.p99(), create.rps()));
        return new Result(mode, size, startMs, startAotMs, rss, get, hot, listFirst, listDeep, create, batches,
                hitRatio, hotHitRatio, note);
    }

    /** Hits over lookups between two readings of {@link #cacheCounters()}; NaN without a cache. */
    static double hitRatio(Mode mode, double[] before, double[] after) {
        double hits = after[0] - before[0];
        double loads = after[1] - before[1];
        return mode.cache.equals("none") ? Double.NaN : hits / Math.max(1, hits + loads);
    }

    /** Launches the service and times it to the first 200 of {@code probe}; stops it again. */
    static double coldStart(Mode mode, String db, String token, String probe, String variant, Path log)
            throws Exception {
        long t0 = System.nanoTime();
        Process p = start(mode, db, variant, log);
        try {
            waitFor(() -> status(probe, token) == 200, Duration.ofMinutes(20));
            return (System.nanoTime() - t0) / 1e6;
        } finally {
            stop(p);
        }
    }

    static Process start(Mode mode, String db, String variant, Path log) throws IOException {
        List<String> cmd = new ArrayList<>();
        if ("aot".equals(variant)) {
            cmd.add(ROOT.resolve("infra/function/launch.sh").toString());
        } else {
            cmd.addAll(List.of(JAVA, heap(mode), "-jar", JAR.toString()));
        }
        ProcessBuilder b = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        b.environment().putAll(serviceEnv(mode, db));
        if ("aot".equals(variant)) {
            b.environment().put("JAVA_HOME", System.getProperty("java.home"));
            b.environment().put("JAVA_OPTS", heap(mode));
        }
        return b.start();
    }

    static String heap(Mode mode) {
        return mode.storage.equals("postgres") ? STATELESS_HEAP : JVM_HEAP;
    }

    static Map<String, String> serviceEnv(Mode mode, String db) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("STORAGE_MODE", mode.storage);
        env.put("CACHE_KIND", mode.cache);
        env.put("CACHE_REDIS_KEY_PREFIX", "bench-" + UUID.randomUUID());
        env.put("DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/" + db);
        env.put("DATABASE_USER", "postgres");
        env.put("DATABASE_POOL_SIZE", Integer.toString(CONNECTIONS));
        env.put("JWT_SECRET", SECRET);
        env.put("BCRYPT_COST", "4");
        env.put("PORT", Integer.toString(PORT));
        env.put("HOST", "127.0.0.1");
        env.put("SHUTDOWN_GRACE_SECONDS", "1");
        return env;
    }

    static void stop(Process p) throws InterruptedException {
        p.toHandle().destroy();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
        }
        // The port must be free for the next start.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (status("/health", null) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    static String register() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri("/api/auth/register"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"bench\",\"email\":\"bench@example.com\",\"password\":\"Str0ng!Pass\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        return token(r, "register");
    }

    static String token(HttpResponse<String> r, String what) {
        Matcher m = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(r.body());
        if (!m.find()) {
            throw new IllegalStateException(what + " failed: " + r.body());
        }
        return m.group(1);
    }

    /**
     * Creates {@code size} distinct items (no identifier shared, so entity resolution never merges them) through
     * POST /api/items/batch, 1000 a request; returns their DFIDs.
     */
    static List<String> loadThroughApi(String token, long size) throws Exception {
        List<String> dfids = new ArrayList<>();
        Pattern dfid = Pattern.compile("\"dfid\":\"(DFID-[^\"]+)\"");
        for (long done = 0; done < size; done += 1000) {
            StringBuilder body = new StringBuilder("{\"items\":[");
            for (long i = done; i < Math.min(size, done + 1000); i++) {
                body.append(i == done ? "" : ",").append("{\"identifiers\":[{\"namespace\":\"bovino\",\"key\":\"sisbov\","
                        + "\"value\":\"BR").append(String.format("%012d", 100_000_000_000L + i))
                        .append("\",\"id_type\":\"Canonical\"},{\"key\":\"brinco\",\"value\":\"E-").append(i)
                        .append("\"}],\"enriched_data\":{\"peso_kg\":").append(200 + i % 400).append("}}");
            }
            body.append("]}");
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri("/api/items/batch"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .timeout(Duration.ofMinutes(5)).POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = dfid.matcher(r.body());
            while (m.find()) {
                dfids.add(m.group(1));
            }
        }
        int distinct = new HashSet<>(dfids).size();
        if (distinct != size) {
            throw new IllegalStateException("memory mode: expected " + size + " distinct items, got " + distinct);
        }
        return dfids;
    }

    /** The path of the list page reached after following {@code depth - 1} cursors (10 items a page). */
    static String pageAt(String token, int depth) throws Exception {
        String cursor = null;
        for (int page = 1; page < depth; page++) {
            String path = "/api/items?limit=10" + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor,
                    StandardCharsets.UTF_8));
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer "
                    + token).GET().build(), HttpResponse.BodyHandlers.ofString());
            cursor = r.headers().firstValue("X-Next-Cursor").orElse(null);
            if (cursor == null) {
                return null;
            }
        }
        return "/api/items?limit=10&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
    }

    /** Sum of cache hits and of loads over the item and user regions, from /observe/metrics. */
    static double[] cacheCounters() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri("/observe/metrics")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        double hits = 0;
        double loads = 0;
        for (String line : r.body().split("\n")) {
            if (line.startsWith("#") || !(line.contains("cache=\"item\"") || line.contains("cache=\"user\""))) {
                continue;
            }
            String[] parts = line.split(" ");
            double v = Double.parseDouble(parts[parts.length - 1]);
            if (line.startsWith("cache_hits")) {
                hits += v;
            } else if (line.startsWith("cache_loads")) {
                loads += v;
            }
        }
        return new double[] {hits, loads};
    }

    static long rss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    // ---------------------------------------------------------------------------------------------- baselines

    static String pgbench(Path work) throws Exception {
        psql("postgres", "DROP DATABASE IF EXISTS defarm_pgbench");
        psql("postgres", "CREATE DATABASE defarm_pgbench");
        run(List.of("pgbench", "-h", "127.0.0.1", "-U", "postgres", "-i", "-q", "-s", "10", "defarm_pgbench"), Map.of(),
                work.resolve("pgbench-init.log"));
        Path log = work.resolve("pgbench.log");
        run(List.of("pgbench", "-h", "127.0.0.1", "-U", "postgres", "-S", "-M", "prepared", "-c",
                Integer.toString(CONNECTIONS), "-j", "2", "-T", Integer.toString(SECONDS), "defarm_pgbench"), Map.of(),
                log);
        Matcher m = Pattern.compile("tps = ([0-9.]+)").matcher(Files.readString(log));
        psql("postgres", "DROP DATABASE IF EXISTS defarm_pgbench");
        return m.find() ? m.group(1) : "n/a";
    }

    static String redisBenchmark() throws Exception {
        Path log = Files.createTempFile("redis-benchmark", ".log");
        run(List.of("redis-benchmark", "-h", "127.0.0.1", "-t", "get", "-c", Integer.toString(CONNECTIONS), "-n",
                "400000", "-q"), Map.of(), log);
        String out = Files.readString(log).replace('\r', '\n');
        Matcher m = Pattern.compile("GET: ([0-9.]+) requests per second").matcher(out);
        String result = "n/a";
        while (m.find()) {
            result = m.group(1);
        }
        Files.deleteIfExists(log);
        return result;
    }

    // ------------------------------------------------------------------------------------------------- report

    static void writeReport(Path file, String command, Map<String, String> baselines, List<Import> imports,
                            List<Result> results, List<Long> sizes, List<Mode> modes) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark report\n\n");
        md.append("Generated by `").append(command).append("` on ").append(Instant.now().toString(), 0, 16)
                .append("Z. Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" CPUs, ")
                .append(memTotal()).append(", ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.version")).append(", ").append(version("psql", "--version"))
                .append(", ").append(version("redis-server", "--version")).append(". The service, PostgreSQL, Redis and ")
                .append("the load generator share the machine; every figure is one run on it. Heap: ").append(JVM_HEAP)
                .append(" for memory and write-through (they hold the data), ").append(STATELESS_HEAP)
                .append(" for the postgres modes (stateless, sized like a function instance).\n\n");
        md.append("Data: `infra/bench/src/Generate.java` (cattle under SISBOV numbers with ear tags, lots and the ")
                .append("owner's CPF or CNPJ; grain lots under CAR registrations; ").append(EVENTS_PER_ITEM)
                .append(" events per item), one farm owning every item so that list pages reach cursor depth 1000 ")
                .append("(10 items a page), imported with the service's `import` command.\n\n")
                .append("Load: ").append(CONNECTIONS).append(" closed-loop keep-alive connections ")
                .append("(`infra/bench/src/LoadGen.java`), ").append(SECONDS).append(" s per figure. GET item picks ")
                .append("uniformly among up to 100,000 stored items after ").append(WARMUP).append(" s of the same ")
                .append("load (JIT and pools warm); GET hot repeats 1,000 of them; creates post one new item each; ")
                .append("batch posts 100 items per request from 4 connections. Every request authenticates its bearer ")
                .append("token (one user lookup).\n\n");

        md.append("## Baselines at ").append(CONNECTIONS).append(" connections\n\n");
        md.append("| baseline | figure |\n|---|---|\n");
        md.append("| `pgbench -S -M prepared -c ").append(CONNECTIONS).append(" -j 2 -T ").append(SECONDS)
                .append("` (scale 10) | ").append(baselines.get("pgbench")).append(" tps |\n");
        md.append("| `redis-benchmark -t get -c ").append(CONNECTIONS).append(" -n 400000` | ")
                .append(baselines.get("redis")).append(" GET/s |\n\n");

        md.append("## Import (`bin/run import FILE`, PostgreSQL)\n\n");
        md.append("| items | records (items, events, user) | records/s | items/s | whole command (s, incl. ")
                .append("verification) |\n|---|---|---|---|---|\n");
        for (Import i : imports) {
            md.append(String.format(Locale.ROOT, "| %,d | %,d | %,.0f | %,.0f | %.1f |%n", i.size(), i.records(),
                    i.recordsPerSecond(), i.itemsPerSecond(), i.seconds()));
        }
        md.append('\n');

        for (long size : sizes) {
            List<Result> rows = results.stream().filter(r -> r.size() == size).toList();
            if (rows.isEmpty()) {
                continue;
            }
            md.append(String.format(Locale.ROOT, "## %,d items%n%n", size));
            md.append("| mode | cold start (ms, median of ").append(STARTS).append(") | with AOT cache (ms) | RSS after ")
                    .append("warm-up (MB) | GET item /s | GET p50 (µs) | GET p99 (µs) | hit ratio | GET hot 1k /s | ")
                    .append("hot p50 (µs) | hot p99 (µs) | hot hit ratio | list page 1 p50 (µs) | ")
                    .append("list page 1000 p50 (µs) | creates/s | batch items/s |\n");
            md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
            for (Result r : rows) {
                md.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %,.0f | %d | %d | %s | %,.0f | %d | %d | "
                                + "%s | %d | %s | %,.0f | %,.0f |%n",
                        r.mode().label, fmt(r.startMs()), fmt(r.startAotMs()), r.rssBytes() >> 20, r.get().rps(),
                        r.get().p50(), r.get().p99(), percent(r.hitRatio()), r.hot().rps(), r.hot().p50(),
                        r.hot().p99(), percent(r.hotHitRatio()), r.listFirst().p50(),
                        r.listDeep() == null ? "n/a" : Long.toString(r.listDeep().p50()), r.create().rps(),
                        r.batch().rps() * 100));
            }
            for (Result r : rows) {
                if (!r.note().isEmpty()) {
                    md.append("\n").append(r.mode().label).append(": ").append(r.note()).append('\n');
                }
            }
            long errors = rows.stream().mapToLong(r -> r.get().errors() + r.hot().errors() + r.listFirst().errors() + r.create().errors()
                    + r.batch().errors() + (r.listDeep() == null ? 0 : r.listDeep().errors())).sum();
            md.append("\nNon-2xx answers during these runs: ").append(errors).append(".\n\n");
        }

        Map<String, double[]> startup = new LinkedHashMap<>();
        Map<String, double[]> memory = new LinkedHashMap<>();
        for (Mode mode : modes) {
            double[] s = new double[sizes.size()];
            double[] m = new double[sizes.size()];
            Arrays.fill(s, Double.NaN);
            Arrays.fill(m, Double.NaN);
            for (Result r : results) {
                if (r.mode() == mode) {
                    int i = sizes.indexOf(r.size());
                    s[i] = r.startMs();
                    m[i] = r.rssBytes() / 1048576.0;
                }
            }
            if (mode != Mode.MEMORY) {
                startup.put(mode.label, s);
            }
            memory.put(mode.label, m);
            if (mode == Mode.POSTGRES) {
                double[] aot = new double[sizes.size()];
                Arrays.fill(aot, Double.NaN);
                results.stream().filter(r -> r.mode() == mode).forEach(r -> aot[sizes.indexOf(r.size())] = r.startAotMs());
                startup.put("postgres (AOT cache)", aot);
            }
        }
        Path dir = file.getParent();
        Plot.lines(dir.resolve("startup.png"), "Cold start to the first authenticated GET", "items stored",
                "milliseconds", sizes, startup);
        Plot.lines(dir.resolve("memory.png"), "Resident memory after warm-up", "items stored", "MB", sizes, memory);
        md.append("## Plots\n\n![Cold start vs items](startup.png)\n\n![Resident memory vs items](memory.png)\n\n");
        md.append(targets(results, baselines, imports, sizes));
        Files.writeString(file, md.toString());
    }

    static String targets(List<Result> results, Map<String, String> baselines, List<Import> imports,
                          List<Long> sizes) {
        StringBuilder md = new StringBuilder("## Targets (issue 6)\n\n| target | measured | met |\n|---|---|---|\n");
        long small = sizes.getFirst();
        long large = sizes.getLast();
        Result pgSmall = find(results, Mode.POSTGRES, small);
        Result pgLarge = find(results, Mode.POSTGRES, large);
        if (pgSmall != null && pgLarge != null) {
            double growth = pgLarge.startMs() / pgSmall.startMs() - 1;
            md.append(row(String.format(Locale.ROOT, "postgres cold start at %,d within 10%% of %,d", large, small),
                    String.format(Locale.ROOT, "%.0f ms vs %.0f ms (%+.0f%%)", pgLarge.startMs(), pgSmall.startMs(),
                            100 * growth), Math.abs(growth) <= 0.10));
            md.append(row("postgres cold start under 1.0 s (JVM)", fmt(pgLarge.startMs()) + " ms",
                    pgLarge.startMs() < 1000));
            md.append(row("postgres cold start under 0.5 s (AOT cache)", fmt(pgLarge.startAotMs()) + " ms",
                    pgLarge.startAotMs() < 500));
            md.append(row(String.format(Locale.ROOT, "postgres RSS under 200 MB at %,d", large),
                    (pgLarge.rssBytes() >> 20) + " MB", (pgLarge.rssBytes() >> 20) < 200));
            double pg = parse(baselines.get("pgbench"));
            md.append(row("GET without cache at least 50% of pgbench -S -M prepared", String.format(Locale.ROOT,
                    "%,.0f/s vs %,.0f tps (%.0f%%)", pgLarge.get().rps(), pg, 100 * pgLarge.get().rps() / pg),
                    pgLarge.get().rps() >= 0.5 * pg));
            Result lru = find(results, Mode.LRU, large);
            if (lru != null) {
                md.append(row("GET with an lru hit at least twice the uncached figure (hot 1k set)",
                        String.format(Locale.ROOT, "%,.0f/s (hit ratio %s) vs %,.0f/s (x%.1f)", lru.hot().rps(),
                                percent(lru.hotHitRatio()), pgLarge.hot().rps(), lru.hot().rps() / pgLarge.hot().rps()),
                        lru.hot().rps() >= 2 * pgLarge.hot().rps()));
            }
            md.append(row("single creates at least 1,000 items/s (postgres)", String.format(Locale.ROOT, "%,.0f/s",
                    pgLarge.create().rps()), pgLarge.create().rps() >= 1000));
            Import imp = imports.getLast();
            md.append(row("batch import at least 10,000 items/s", String.format(Locale.ROOT,
                    "import command %,.0f items/s (%,.0f records/s); HTTP batch %,.0f items/s", imp.itemsPerSecond(),
                    imp.recordsPerSecond(), pgLarge.batch().rps() * 100), imp.itemsPerSecond() >= 10_000));
            if (pgLarge.listDeep() != null) {
                double ratio = (double) pgLarge.listDeep().p50() / pgLarge.listFirst().p50() - 1;
                md.append(row("a page at cursor depth 1000 within 20% of the first page", String.format(Locale.ROOT,
                        "p50 %d µs vs %d µs (%+.0f%%)", pgLarge.listDeep().p50(), pgLarge.listFirst().p50(),
                        100 * ratio), ratio <= 0.20));
            }
        }
        return md.append('\n').toString();
    }

    static Result find(List<Result> results, Mode mode, long size) {
        return results.stream().filter(r -> r.mode() == mode && r.size() == size).findFirst().orElse(null);
    }

    static String percent(double ratio) {
        return Double.isNaN(ratio) ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * ratio);
    }

    static String row(String target, String measured, boolean met) {
        return "| " + target + " | " + measured + " | " + (met ? "yes" : "**no**") + " |\n";
    }

    static double parse(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    static String fmt(double ms) {
        return Double.isNaN(ms) ? "–" : String.format(Locale.ROOT, "%,.0f", ms);
    }

    // ------------------------------------------------------------------------------------------------ helpers

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

    static int status(String path, String token) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(5)).GET();
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

    static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + PORT + path);
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

    static void log(String message) {
        System.out.println(Instant.now().toString().substring(11, 19) + " " + message);
    }
}
