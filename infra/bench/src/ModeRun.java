import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One dataset and the storage modes measured on it: the data imported into a fresh database with the service's
 * own import command, then per mode the cold start to the first authenticated GET (median of several starts; also
 * with the AOT cache for postgres), resident memory after warm-up, GET item (spread and hot), list pages at cursor
 * depth 1 and 1000, single and batch creates, and the cache hit ratio.
 */
final class ModeRun {

    private final BenchSettings s;

    ModeRun(BenchSettings settings) {
        this.s = settings;
    }

    /** The generated dataset of {@code size} items (kept in the work directory and reused by later runs). */
    Path dataset(long size) throws Exception {
        Path data = s.work().resolve("dataset-" + size + "-" + s.eventsPerItem() + ".jsonl");
        if (!Files.exists(data)) {
            BenchIo.log("generating " + size + " items with " + s.eventsPerItem() + " events each");
            BenchIo.run(List.of(s.java(), "-cp", s.root().resolve("bootstrap/target/lib") + "/*",
                    s.root().resolve("infra/bench/src/Generate.java").toString(), Long.toString(size), data.toString(),
                    Integer.toString(s.eventsPerItem()), "7", "1"), Map.of(), s.work().resolve("generate.log"));
        }
        return data;
    }

    Bench.Import prepare(long size, String db) throws Exception {
        Path work = s.work();
        Path data = dataset(size);
        BenchIo.psql("postgres", "DROP DATABASE IF EXISTS " + db);
        BenchIo.psql("postgres", "CREATE DATABASE " + db);
        Map<String, String> env = serviceEnv(Bench.Mode.POSTGRES, db);
        BenchIo.run(List.of(s.java(), "-jar", s.jar().toString(), "migrate"), env, work.resolve("migrate.log"));
        BenchIo.log("importing " + data.getFileName());
        Path log = work.resolve("import-" + size + ".log");
        long t0 = System.nanoTime();
        BenchIo.run(List.of(s.java(), s.heap(), "-jar", s.jar().toString(), "import", data.toString()), env, log);
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
        BenchIo.psql(db, "VACUUM ANALYZE");
        double itemsShare = (double) size / Math.max(1, records);
        return new Bench.Import(size, records, rate, rate * itemsShare, total);
    }

    String login(String db) throws Exception {
        Path work = s.work();
        Process p = start(Bench.Mode.POSTGRES, db, null, work.resolve("login.log"));
        try {
            BenchIo.waitFor(() -> BenchIo.status(uri("/health"), null) == 200, Duration.ofSeconds(60));
            HttpResponse<String> r = BenchIo.HTTP.send(HttpRequest.newBuilder(uri("/api/auth/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"farm-0\",\"password\":\"Str0ng!Pass\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return token(r, "login");
        } finally {
            stop(p);
        }
    }

    // ---------------------------------------------------------------------------------------------- measuring

    Bench.Result measure(Bench.Mode mode, long size, String db, String token, Path paths) throws Exception {
        Path work = s.work();
        BenchIo.log("== " + mode.label + " at " + size + " items");
        Path log = work.resolve("service-" + mode.label + "-" + size + ".log");
        String note = "";
        List<String> getPaths = Files.readAllLines(paths).stream().filter(l -> !l.isBlank()).toList();
        String probe = getPaths.getFirst();
        if (mode == Bench.Mode.MEMORY) {
            // Memory mode keeps nothing across starts: its cold start is to the first answer of an empty store,
            // and its data is created through the API after the start (items only, no events).
            double startMs = BenchIo.median(s.starts(), () -> coldStart(mode, db, null, "/health", null, log));
            Process p = start(mode, db, null, log);
            try {
                BenchIo.waitFor(() -> BenchIo.status(uri("/health"), null) == 200, Duration.ofSeconds(60));
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
        double startMs = BenchIo.median(s.starts(), () -> coldStart(mode, db, token, probe, null, log));
        double startAotMs = Double.NaN;
        if (mode == Bench.Mode.POSTGRES && Files.exists(s.aot())) {
            startAotMs = BenchIo.median(s.starts(), () -> coldStart(mode, db, token, probe, "aot", log));
        }
        Process p = start(mode, db, null, log);
        try {
            BenchIo.waitFor(() -> BenchIo.status(uri(probe), token) == 200, Duration.ofMinutes(20));
            return loadTests(mode, size, p, token, getPaths, startMs, startAotMs, note);
        } finally {
            stop(p);
        }
    }

    Bench.Result loadTests(Bench.Mode mode, long size, Process p, String token, List<String> getPaths,
                           double startMs, double startAotMs, String note) throws Exception {
        URI base = URI.create("http://127.0.0.1:" + s.port());
        double[] before = cacheCounters();
        LoadGen.Result get = LoadGen.run(base, token, "GET", null, getPaths, s.connections(), s.seconds(), s.warmup(),
                42);
        double[] after = cacheCounters();
        long rss = rss(p.pid());
        double hitRatio = hitRatio(mode, before, after);
        before = cacheCounters();
        LoadGen.Result hot = LoadGen.run(base, token, "GET", null, getPaths.subList(0, Math.min(1000,
                getPaths.size())), s.connections(), s.seconds(), Math.min(s.warmup(), 5), 43);
        double hotHitRatio = hitRatio(mode, before, cacheCounters());
        String first = "/api/items?limit=10";
        String deep = pageAt(token, 1000);
        LoadGen.Result listFirst = LoadGen.run(base, token, "GET", null, List.of(first), s.connections(),
                s.seconds() / 2, 2, 1);
        LoadGen.Result listDeep = deep == null ? null : LoadGen.run(base, token, "GET", null, List.of(deep),
                s.connections(), s.seconds() / 2, 2, 1);
        String run = UUID.randomUUID().toString().substring(0, 8);
        LoadGen.Result create = LoadGen.run(base, token, "POST", "{\"identifiers\":[{\"key\":\"lote\",\"value\":\"c-"
                + run + "-{n}\"}],\"enriched_data\":{\"peso\":450}}", List.of("/api/items"), s.connections(),
                s.seconds(), Math.min(s.warmup(), 5), 3);
        StringBuilder batch = new StringBuilder("{\"items\":[");
        for (int i = 0; i < 100; i++) {
            batch.append(i == 0 ? "" : ",").append("{\"identifiers\":[{\"key\":\"lote\",\"value\":\"b-").append(run)
                    .append("-{n}-").append(i).append("\"}]}");
        }
        batch.append("]}");
        LoadGen.Result batches = LoadGen.run(base, token, "POST", batch.toString(), List.of("/api/items/batch"),
                Math.min(4, s.connections()), s.seconds(), 2, 4);
        BenchIo.log(String.format(Locale.ROOT, "%s %d: start %.0f ms (aot %.0f), rss %d MB, GET %.0f/s p50 %d "
                        + "p99 %d us, create %.0f/s", mode.label, size, startMs, startAotMs, rss >> 20, get.rps(), get.p50(),
                get.p99(), create.rps()));
        return new Bench.Result(mode, size, startMs, startAotMs, rss, get, hot, listFirst, listDeep, create, batches,
                hitRatio, hotHitRatio, note);
    }

    /** Hits over lookups between two readings of {@link #cacheCounters()}; NaN without a cache. */
    double hitRatio(Bench.Mode mode, double[] before, double[] after) {
        double hits = after[0] - before[0];
        double loads = after[1] - before[1];
        return mode.cache.equals("none") ? Double.NaN : hits / Math.max(1, hits + loads);
    }

    /** Launches the service and times it to the first 200 of {@code probe}; stops it again. */
    double coldStart(Bench.Mode mode, String db, String token, String probe, String variant, Path log)
            throws Exception {
        long t0 = System.nanoTime();
        Process p = start(mode, db, variant, log);
        try {
            BenchIo.waitFor(() -> BenchIo.status(uri(probe), token) == 200, Duration.ofMinutes(20));
            return (System.nanoTime() - t0) / 1e6;
        } finally {
            stop(p);
        }
    }

    Process start(Bench.Mode mode, String db, String variant, Path log) throws IOException {
        List<String> cmd = new ArrayList<>();
        if ("aot".equals(variant)) {
            cmd.add(s.root().resolve("infra/function/launch.sh").toString());
        } else {
            cmd.addAll(List.of(s.java(), heap(mode), "-jar", s.jar().toString()));
        }
        ProcessBuilder b = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        b.environment().putAll(serviceEnv(mode, db));
        if ("aot".equals(variant)) {
            b.environment().put("JAVA_HOME", System.getProperty("java.home"));
            b.environment().put("JAVA_OPTS", heap(mode));
        }
        return b.start();
    }

    String heap(Bench.Mode mode) {
        return mode.storage.equals("postgres") ? s.statelessHeap() : s.heap();
    }

    Map<String, String> serviceEnv(Bench.Mode mode, String db) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("STORAGE_MODE", mode.storage);
        env.put("CACHE_KIND", mode.cache);
        env.put("CACHE_REDIS_KEY_PREFIX", "bench-" + UUID.randomUUID());
        env.put("DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/" + db);
        env.put("DATABASE_USER", "postgres");
        env.put("DATABASE_POOL_SIZE", Integer.toString(s.connections()));
        env.put("JWT_SECRET", BenchSettings.SECRET);
        env.put("BCRYPT_COST", "4");
        env.put("PORT", Integer.toString(s.port()));
        env.put("HOST", "127.0.0.1");
        env.put("SHUTDOWN_GRACE_SECONDS", "1");
        return env;
    }

    void stop(Process p) throws InterruptedException {
        p.toHandle().destroy();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
        }
        // The port must be free for the next start.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (BenchIo.status(uri("/health"), null) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    String register() throws Exception {
        HttpResponse<String> r = BenchIo.HTTP.send(HttpRequest.newBuilder(uri("/api/auth/register"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"bench\",\"email\":\"bench@example.com\",\"password\":\"Str0ng!Pass\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        return token(r, "register");
    }

    String token(HttpResponse<String> r, String what) {
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
    List<String> loadThroughApi(String token, long size) throws Exception {
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
            HttpResponse<String> r = BenchIo.HTTP.send(HttpRequest.newBuilder(uri("/api/items/batch"))
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
    String pageAt(String token, int depth) throws Exception {
        String cursor = null;
        for (int page = 1; page < depth; page++) {
            String path = "/api/items?limit=10" + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor,
                    StandardCharsets.UTF_8));
            HttpResponse<String> r = BenchIo.HTTP.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer "
                    + token).GET().build(), HttpResponse.BodyHandlers.ofString());
            cursor = r.headers().firstValue("X-Next-Cursor").orElse(null);
            if (cursor == null) {
                return null;
            }
        }
        return "/api/items?limit=10&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
    }

    /** Sum of cache hits and of loads over the item and user regions, from /observe/metrics. */
    double[] cacheCounters() throws Exception {
        HttpResponse<String> r = BenchIo.HTTP.send(HttpRequest.newBuilder(uri("/observe/metrics")).GET().build(),
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

    long rss(long pid) {
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

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + s.port() + path);
    }
}
