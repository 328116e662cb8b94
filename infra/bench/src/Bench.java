import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark behind infra/bench/REPORT.md (run it with infra/bench/run.sh, or run.sh --quick). First the
 * baselines the targets are ratios of, in the same run (Baselines: pgbench -S and -N, redis-benchmark, the
 * cold-start comparison with a minimal Helidon app, import against psql \copy and the HTTP batch); then for each
 * dataset size every storage mode on the same imported data (ModeRun). The report (BenchReport) and the targets
 * table (Targets) are rewritten after every mode, so an interrupted run still leaves what it measured.
 * Everything runs on this machine, service and load generators included.
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

        static Mode of(String label) {
            return Arrays.stream(values()).filter(m -> m.label.equals(label)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown mode " + label));
        }
    }

    record Import(long size, long records, double recordsPerSecond, double itemsPerSecond, double seconds) {
    }

    /** {@code get} spreads over up to 100k items; {@code hot} repeats the same 1,000, which any cache holds. */
    record Result(Mode mode, long size, double startMs, double startAotMs, long rssBytes, LoadGen.Result get,
                  LoadGen.Result hot, LoadGen.Result listFirst, LoadGen.Result listDeep, LoadGen.Result create,
                  LoadGen.Result batch, double hitRatio, double hotHitRatio, String note) {
    }

    public static void main(String[] args) throws Exception {
        for (String a : args) {
            if (!a.equals("--quick")) {
                System.err.println("usage: infra/bench/run.sh [--quick]   (unknown argument " + a + ")");
                System.exit(2);
            }
        }
        BenchSettings s = BenchSettings.fromEnvironment(Arrays.asList(args).contains("--quick"));
        Files.createDirectories(s.work());
        Files.createDirectories(s.report().getParent());
        BenchIo.log("benchmark" + (s.quick() ? " (quick)" : "") + ": sizes " + s.sizes() + ", modes "
                + s.modes().stream().map(m -> m.label).toList()
                + ", " + s.connections() + " connections, " + s.seconds() + " s; report " + s.report());

        ModeRun runs = new ModeRun(s);
        Baselines.Figures baselines = new Baselines(s).measureAll(runs.dataset(s.bulkItems()));
        BenchReport report = new BenchReport(s);
        List<Import> imports = new ArrayList<>();
        List<Result> results = new ArrayList<>();
        report.write(baselines, imports, results, false);
        for (long size : s.sizes()) {
            String db = "defarm_bench_" + size;
            imports.add(runs.prepare(size, db));
            String token = runs.login(db);
            Path paths = s.work().resolve("paths-" + size + ".txt");
            BenchIo.psqlToFile(db, "SELECT '/api/items/' || dfid FROM items ORDER BY md5(dfid) LIMIT 100000", paths);
            for (Mode mode : s.modes()) {
                results.add(runs.measure(mode, size, db, token, paths));
                report.write(baselines, imports, results, false);
            }
        }
        report.write(baselines, imports, results, true);
        System.out.println();
        System.out.println(Targets.console(Targets.issue17(s, baselines, results)));
        BenchIo.log(String.format(Locale.ROOT, "report: %s (%.1f min since run.sh started, build and AOT "
                + "training included)", s.report(), report.elapsedMinutes()));
    }
}
