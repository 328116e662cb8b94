import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What one benchmark run measures, from the environment (the {@code BENCH_*} tunables run.sh lists) over the
 * defaults of its profile: the full run, or {@code --quick} (10k items, the postgres mode, shorter runs, three
 * cold-start rounds against the floor, one start per mode) that fits in a quarter of an hour on two cores.
 */
record BenchSettings(boolean quick, List<Long> sizes, List<Bench.Mode> modes, int connections, int seconds,
                     int warmup, int starts, int eventsPerItem, String heap, String statelessHeap, Path work,
                     int port, long bulkItems, int coldStartRounds, int redisRequests, Path report, Path root,
                     String java, long startedAtEpochSeconds) {

    static final String SECRET = "bench-secret-0123456789abcdef0123456789";

    static BenchSettings fromEnvironment(boolean quick) {
        Path root = Path.of("").toAbsolutePath();
        List<Long> sizes = Arrays.stream(env("BENCH_SIZES", quick ? "10000" : "10000 100000 1000000").trim()
                .split("\\s+")).map(Long::parseLong).toList();
        List<Bench.Mode> modes = Arrays.stream(env("BENCH_MODES", quick ? "postgres"
                        : "memory write-through postgres postgres+lru postgres+redis postgres+two-level").trim()
                .split("\\s+")).map(Bench.Mode::of).toList();
        Path work = Path.of(env("BENCH_WORK", "/tmp/defarm-bench"));
        // A quick run is a check, not the record: its report stays beside its data unless told otherwise.
        Path report = Path.of(env("BENCH_REPORT", quick ? work.resolve("REPORT-quick.md").toString()
                : root.resolve("infra/bench/REPORT.md").toString())).toAbsolutePath();
        return new BenchSettings(quick, sizes, modes,
                integer("BENCH_CONNECTIONS", 16),
                integer("BENCH_SECONDS", quick ? 5 : 10),
                integer("BENCH_WARMUP", quick ? 10 : 20),
                // Quick leaves the cold-start figure to coldstart.sh's rounds: one start per mode here.
                integer("BENCH_STARTS", quick ? 1 : 3),
                integer("BENCH_EVENTS_PER_ITEM", 2),
                env("BENCH_HEAP", "-Xmx12g"),
                env("BENCH_STATELESS_HEAP", "-Xmx256m"),
                work,
                integer("BENCH_PORT", 18080),
                Long.parseLong(env("BENCH_BULK_ITEMS", quick ? "10000" : "100000")),
                integer("COLDSTART_ROUNDS", quick ? 3 : 7),
                integer("BENCH_REDIS_REQUESTS", quick ? 100_000 : 400_000),
                report, root,
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                Long.parseLong(env("BENCH_T0", Long.toString(System.currentTimeMillis() / 1000))));
    }

    Path jar() {
        return root.resolve("bootstrap/target/defarm-engines.jar");
    }

    Path aot() {
        return root.resolve("bootstrap/target/defarm-engines.aot");
    }

    /** How run.sh was called, with the tunables that shaped this report. */
    String command() {
        return "infra/bench/run.sh" + (quick ? " --quick" : "") + "  # BENCH_SIZES=\""
                + String.join(" ", sizes.stream().map(String::valueOf).toList()) + "\" BENCH_MODES=\""
                + String.join(" ", modes.stream().map(m -> m.label).toList()) + "\" BENCH_CONNECTIONS=" + connections
                + " BENCH_SECONDS=" + seconds + " BENCH_BULK_ITEMS=" + bulkItems + " COLDSTART_ROUNDS="
                + coldStartRounds;
    }

    static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private static int integer(String name, int fallback) {
        return Integer.parseInt(env(name, Integer.toString(fallback)));
    }
}
