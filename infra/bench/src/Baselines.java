import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The figures the targets are ratios of, measured in the same run as ours: pgbench's prepared read-only (-S) and
 * insert-only (-N) scripts and redis-benchmark GET at the benchmark's concurrency, the cold-start comparison
 * with a minimal Helidon app (coldstart.sh), and bulk loading (BulkBench: the import command against
 * {@code psql \copy} of the same rows, and the HTTP batch). A baseline that cannot be measured is recorded as
 * such with its reason, never replaced by a number.
 */
final class Baselines {

    /** The cold-start comparison coldstart.sh writes (milliseconds, medians over {@code rounds}). */
    record ColdStart(int rounds, double oursJvmMs, double oursAotMs, double floorJvmMs, double floorAotMs,
                     double ratioJvm, double ratioAot) {
    }

    /** The import's load time against {@code \copy} of the rows it stored, and the HTTP batch rate (NaN if it failed). */
    record Bulk(long items, long records, double importLoadSeconds, double copySeconds, double shareOfCopy,
                int clients, double batchItemsPerSecond) {
    }

    /** What was measured; NaN or null where a step failed, with its reason in {@code failures}. */
    record Figures(double pgbenchSelectTps, double pgbenchInsertTps, double redisGets, ColdStart coldStart,
                   Bulk bulk, Map<String, String> failures) {
    }

    static final String PGBENCH_DB = "defarm_pgbench";
    static final String BULK_DB = "defarm_bench_bulk";
    private static final Pattern NUMBER_FIELD = Pattern.compile(
            "\"(\\w+)\"\\s*:\\s*(-?[0-9]+(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)");

    private final BenchSettings s;

    Baselines(BenchSettings settings) {
        this.s = settings;
    }

    /** pgbench -S then -N on a scratch database at scale 10; tps of each. */
    double[] pgbench() throws Exception {
        BenchIo.psql("postgres", "DROP DATABASE IF EXISTS " + PGBENCH_DB);
        BenchIo.psql("postgres", "CREATE DATABASE " + PGBENCH_DB);
        try {
            BenchIo.run(List.of("pgbench", "-h", "127.0.0.1", "-U", "postgres", "-i", "-q", "-s", "10", PGBENCH_DB),
                    Map.of(), s.work().resolve("pgbench-init.log"));
            // Read-only first: -N adds rows to pgbench_history, which -S never reads but the order keeps it clean.
            double select = pgbenchRun("-S", s.work().resolve("pgbench-select.log"));
            double insert = pgbenchRun("-N", s.work().resolve("pgbench-insert.log"));
            return new double[] {select, insert};
        } finally {
            BenchIo.psql("postgres", "DROP DATABASE IF EXISTS " + PGBENCH_DB);
        }
    }

    private double pgbenchRun(String script, Path log) throws Exception {
        BenchIo.run(List.of("pgbench", "-h", "127.0.0.1", "-U", "postgres", script, "-M", "prepared", "-c",
                Integer.toString(s.connections()), "-j", "2", "-T", Integer.toString(s.seconds()), PGBENCH_DB),
                Map.of(), log);
        Matcher m = Pattern.compile("tps = ([0-9.]+)").matcher(Files.readString(log));
        if (!m.find()) {
            throw new IllegalStateException("no tps in " + log);
        }
        BenchIo.log("pgbench " + script + " -M prepared: " + m.group(1) + " tps");
        return Double.parseDouble(m.group(1));
    }

    double redisBenchmark() throws Exception {
        Path log = s.work().resolve("redis-benchmark.log");
        BenchIo.run(List.of("redis-benchmark", "-h", "127.0.0.1", "-t", "get", "-c",
                Integer.toString(s.connections()), "-n", Integer.toString(s.redisRequests()), "-q"), Map.of(), log);
        String out = Files.readString(log).replace('\r', '\n');
        Matcher m = Pattern.compile("GET: ([0-9.]+) requests per second").matcher(out);
        double result = Double.NaN;
        while (m.find()) {
            result = Double.parseDouble(m.group(1));
        }
        if (Double.isNaN(result)) {
            throw new IllegalStateException("no GET rate in " + log);
        }
        return result;
    }

    /**
     * Runs infra/bench/coldstart.sh (which builds the floor app, trains both AOT caches and alternates the starts)
     * and reads the JSON it writes; only a file written by this very run counts.
     */
    ColdStart coldStart() throws Exception {
        Path script = s.root().resolve("infra/bench/coldstart.sh");
        Path json = s.root().resolve("infra/bench/results/coldstart.json");
        if (!Files.isExecutable(script)) {
            throw new IllegalStateException(s.root().relativize(script) + " is missing or not executable");
        }
        Path log = s.work().resolve("coldstart.log");
        BenchIo.log("cold start against the floor app: " + s.root().relativize(script) + ", " + s.coldStartRounds()
                + " rounds (log: " + log + ")");
        long started = System.currentTimeMillis();
        ProcessBuilder b = new ProcessBuilder(script.toString()).directory(s.root().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        b.environment().put("COLDSTART_ROUNDS", Integer.toString(s.coldStartRounds()));
        int code = b.start().waitFor();
        if (code != 0) {
            throw new IllegalStateException("coldstart.sh failed (" + code + "); see " + log);
        }
        // The filesystem's clock granularity may round the file's time down by up to a second.
        if (!Files.exists(json) || Files.getLastModifiedTime(json).toMillis() < started - 1000) {
            throw new IllegalStateException("coldstart.sh did not write " + s.root().relativize(json));
        }
        return parseColdStart(Files.readString(json));
    }

    /** The numeric top-level fields of coldstart.json; every one of the contract's keys must be there. */
    static ColdStart parseColdStart(String json) {
        Map<String, Double> n = new LinkedHashMap<>();
        Matcher m = NUMBER_FIELD.matcher(json);
        while (m.find()) {
            n.putIfAbsent(m.group(1), Double.parseDouble(m.group(2)));
        }
        for (String key : List.of("rounds", "ours_jvm_ms", "ours_aot_ms", "floor_jvm_ms", "floor_aot_ms",
                "ratio_jvm", "ratio_aot")) {
            if (!n.containsKey(key)) {
                throw new IllegalArgumentException("coldstart.json has no number \"" + key + "\"");
            }
        }
        return new ColdStart(n.get("rounds").intValue(), n.get("ours_jvm_ms"), n.get("ours_aot_ms"),
                n.get("floor_jvm_ms"), n.get("floor_aot_ms"), n.get("ratio_jvm"), n.get("ratio_aot"));
    }

    /**
     * BulkBench's import measurement on the benchmark's dataset of {@code bulkItems} items: the import (and the
     * no-op second import) into a fresh database, then {@code psql \copy} of the very rows it stored.
     */
    BulkBench.Load importAgainstCopy(Path data) throws Exception {
        BenchIo.log("bulk: import vs psql \\copy of the same rows, " + s.bulkItems() + " items");
        return BulkBench.importLoad(s.java(), s.jar().toString(), BULK_DB, data, bulkDir(), true);
    }

    /** Then BulkBench's HTTP batch (100 new items a request) on that database, at the benchmark's concurrency. */
    double batch() throws Exception {
        BenchIo.log("bulk: POST /api/items/batch, " + s.connections() + " clients");
        return BulkBench.batchRates(s.java(), s.jar().toString(), BULK_DB, List.of(s.connections()), s.seconds())
                .get(s.connections());
    }

    private Path bulkDir() throws Exception {
        return Files.createDirectories(s.work().resolve("bulk"));
    }

    private Bulk bulk(BulkBench.Load load, double batchItemsPerSecond) throws Exception {
        double copySeconds = BulkBench.copySeconds(bulkDir());
        return new Bulk(s.bulkItems(), load.records(), BulkBench.loadSeconds(load), copySeconds,
                BulkBench.shareOfCopy(load, copySeconds), s.connections(), batchItemsPerSecond);
    }

    /** Every baseline in turn; a failure is logged and kept as the reason, and the run goes on. */
    Figures measureAll(Path bulkData) {
        Map<String, String> failures = new LinkedHashMap<>();
        double[] pg = attempt("pgbench", failures, this::pgbench, new double[] {Double.NaN, Double.NaN});
        double redis = attempt("redis-benchmark", failures, this::redisBenchmark, Double.NaN);
        ColdStart cold = attempt("coldstart", failures, this::coldStart, null);
        BulkBench.Load load = attempt("import", failures, () -> importAgainstCopy(bulkData), null);
        double batch = load == null ? Double.NaN : attempt("batch", failures, this::batch, Double.NaN);
        Bulk bulk = load == null ? null : attempt("import", failures, () -> bulk(load, batch), null);
        try {
            BenchIo.psql("postgres", "DROP DATABASE IF EXISTS " + BULK_DB + "_copy");
            BenchIo.psql("postgres", "DROP DATABASE IF EXISTS " + BULK_DB);
        } catch (Exception e) {
            BenchIo.log("could not drop " + BULK_DB + ": " + e.getMessage());
        }
        return new Figures(pg[0], pg[1], redis, cold, bulk, failures);
    }

    interface Step<T> {
        T run() throws Exception;
    }

    private static <T> T attempt(String name, Map<String, String> failures, Step<T> step, T fallback) {
        try {
            return step.run();
        } catch (Exception e) {
            String reason = e.getMessage() == null ? e.toString() : e.getMessage();
            BenchIo.log("ERROR " + name + " not measured: " + reason);
            failures.put(name, reason);
            return fallback;
        }
    }
}
