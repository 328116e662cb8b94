import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The targets of issue 17, each a ratio against a baseline measured in the same run (or an absolute rate), with the
 * rows that missed listed by name and the causes file the integrator writes by hand included verbatim. A figure
 * that could not be measured says so and why; it is never filled in.
 */
final class Targets {

    /** One row; {@code met} is null when the figure or its baseline was not measured ({@code measured} says why). */
    record Row(String figure, String measured, String baseline, String ratio, String target, Boolean met) {

        static Row notMeasured(String figure, String target, String reason) {
            return new Row(figure, "not measured: " + reason, "–", "–", target, null);
        }

        String verdict() {
            return met == null ? "not measured" : met ? "yes" : "no";
        }
    }

    private Targets() {
    }

    static List<Row> issue17(BenchSettings s, Baselines.Figures b, List<Bench.Result> results) {
        List<Row> rows = new ArrayList<>();
        String figureAot = "cold start, postgres mode, AOT cache: process start to the first 200 of an authenticated "
                + "GET /api/items/{dfid}";
        String figureJvm = "cold start without AOT (same probe)";
        Baselines.ColdStart c = b.coldStart();
        if (c == null) {
            String why = b.failures().getOrDefault("coldstart", "coldstart.sh did not run");
            rows.add(Row.notMeasured(figureAot, "≤ 1.15× the floor", why));
            rows.add(Row.notMeasured(figureJvm, "≤ 1.2× the floor", why));
        } else {
            rows.add(new Row(figureAot, ms(c.oursAotMs()), ms(c.floorAotMs()) + " (minimal Helidon SE app, AOT-trained "
                    + "alike; median of " + c.rounds() + ")", times(c.ratioAot()), "≤ 1.15×", c.ratioAot() <= 1.15));
            rows.add(new Row(figureJvm, ms(c.oursJvmMs()), ms(c.floorJvmMs()) + " (the floor without AOT)",
                    times(c.ratioJvm()), "≤ 1.2×", c.ratioJvm() <= 1.2));
        }

        Bench.Result pg = results.stream().filter(r -> r.mode() == Bench.Mode.POSTGRES)
                .max(Comparator.comparingLong(Bench.Result::size)).orElse(null);
        String at = pg == null ? "" : String.format(Locale.ROOT, " (postgres mode, %,d items)", pg.size());
        String conns = ", " + s.connections() + " connections";
        String noPostgres = s.modes().contains(Bench.Mode.POSTGRES) ? "the postgres mode has not run yet"
                : "postgres is not among BENCH_MODES";
        rows.add(ratioRow("GET item, no cache" + at + conns, pg == null ? Double.NaN : pg.get().rps(), "/s",
                b.pgbenchSelectTps(), "`pgbench -S -M prepared`", 0.5, pg == null ? noPostgres
                        : b.failures().get("pgbench")));
        rows.add(ratioRow("single creates" + at + conns, pg == null ? Double.NaN : pg.create().rps(), "/s",
                b.pgbenchInsertTps(), "`pgbench -N -M prepared`", 0.6, pg == null ? noPostgres
                        : b.failures().get("pgbench")));

        Baselines.Bulk k = b.bulk();
        String importFigure = String.format(Locale.ROOT, "`bin/run import` of %,d items (load time, same rows as "
                + "`\\copy`)", s.bulkItems());
        String batchFigure = "`POST /api/items/batch` (100 items a request, postgres" + conns + ")";
        if (k == null) {
            String why = b.failures().getOrDefault("import", "the bulk step did not run");
            rows.add(Row.notMeasured(importFigure, "≥ 50% of `\\copy`", why));
            rows.add(Row.notMeasured(batchFigure, "≥ 10,000 items/s", "its data comes from the import: " + why));
        } else {
            rows.add(new Row(importFigure, String.format(Locale.ROOT, "%.1f s (%,.0f records/s)",
                    k.importLoadSeconds(), k.records() / k.importLoadSeconds()), String.format(Locale.ROOT,
                    "`psql \\copy`: %.1f s", k.copySeconds()), pct(k.shareOfCopy()), "≥ 50%",
                    k.shareOfCopy() >= 0.5));
            rows.add(Double.isNaN(k.batchItemsPerSecond())
                    ? Row.notMeasured(batchFigure, "≥ 10,000 items/s", b.failures().getOrDefault("batch", "no figure"))
                    : new Row(batchFigure, String.format(Locale.ROOT, "%,.0f items/s", k.batchItemsPerSecond()), "–",
                            "–", "≥ 10,000 items/s", k.batchItemsPerSecond() >= 10_000));
        }

        String listFigure = "list page p50" + at + conns;
        if (pg == null) {
            rows.add(Row.notMeasured(listFigure + ", first page", "≤ 1.5× GET p50", noPostgres));
        } else {
            rows.add(latencyRow(listFigure + ", first page", pg.listFirst().p50(), pg.get().p50()));
            if (pg.listDeep() != null) {
                rows.add(latencyRow(listFigure + ", cursor depth 1000", pg.listDeep().p50(), pg.get().p50()));
            }
        }
        return rows;
    }

    private static Row ratioRow(String figure, double ours, String unit, double base, String baseline, double share,
                                String failure) {
        String target = String.format(Locale.ROOT, "≥ %.0f%% of %s", 100 * share, baseline);
        if (Double.isNaN(ours) || Double.isNaN(base)) {
            return Row.notMeasured(figure, target, failure == null ? "no figure" : failure);
        }
        return new Row(figure, BenchIo.fmt(ours) + unit, baseline + ": " + BenchIo.fmt(base) + " tps",
                pct(ours / base), String.format(Locale.ROOT, "≥ %.0f%%", 100 * share), ours >= share * base);
    }

    private static Row latencyRow(String figure, long p50, long getP50) {
        double ratio = (double) p50 / getP50;
        return new Row(figure, p50 + " µs", "GET item p50: " + getP50 + " µs", times(ratio), "≤ 1.5×", ratio <= 1.5);
    }

    static String markdown(List<Row> rows, Path causes) throws IOException {
        StringBuilder md = new StringBuilder("## Targets (issue 17)\n\nRatios against baselines measured in this run "
                + "(see \"Baselines\" below).\n\n| figure | measured | baseline | ratio | target | met |\n"
                + "|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            md.append("| ").append(String.join(" | ", r.figure(), r.measured(), r.baseline(), r.ratio(), r.target(),
                    r.met() == null ? "**not measured**" : r.met() ? "yes" : "**no**")).append(" |\n");
        }
        List<Row> misses = rows.stream().filter(r -> !Boolean.TRUE.equals(r.met())).toList();
        md.append("\n### Misses\n\n");
        if (misses.isEmpty()) {
            md.append("None: every target is met.\n\n");
        } else {
            misses.forEach(r -> md.append("* ").append(r.figure()).append(": ").append(r.measured())
                    .append(r.met() == null ? "" : ", " + (r.ratio().equals("–") ? "" : r.ratio() + " ") + "against "
                            + r.target()).append('\n'));
            md.append('\n');
        }
        md.append("### Causes\n\n");
        if (Files.exists(causes)) {
            md.append(Files.readString(causes).strip()).append("\n\n");
        } else {
            md.append("No `infra/bench/CAUSES.md` yet: the measured cause of each miss is written there by hand and ")
                    .append("included here, verbatim, by the next run.\n\n");
        }
        return md.toString();
    }

    /** The same table for the console, in aligned columns. */
    static String console(List<Row> rows) {
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"figure", "measured", "baseline", "ratio", "target", "met"});
        rows.forEach(r -> cells.add(new String[] {r.figure().replace("`", ""), r.measured(),
                r.baseline().replace("`", ""), r.ratio(), r.target().replace("`", ""), r.verdict()}));
        int[] width = new int[6];
        for (String[] c : cells) {
            for (int i = 0; i < 6; i++) {
                width[i] = Math.min(Math.max(width[i], c[i].length()), i == 0 ? 60 : 48);
            }
        }
        StringBuilder out = new StringBuilder("Targets (issue 17)\n");
        for (String[] c : cells) {
            for (int i = 0; i < 6; i++) {
                String v = c[i].length() > width[i] ? c[i].substring(0, width[i] - 1) + "…" : c[i];
                out.append(i < 5 ? String.format(Locale.ROOT, "%-" + width[i] + "s  ", v) : v + "\n");
            }
        }
        return out.toString();
    }

    /** The earlier targets (issue 6), kept beside the new ones: absolute figures of the largest dataset. */
    static String issue6(BenchSettings s, List<Bench.Result> results) {
        StringBuilder md = new StringBuilder("## Earlier targets (issue 6)\n\n| target | measured | met |\n"
                + "|---|---|---|\n");
        long small = s.sizes().getFirst();
        long large = s.sizes().getLast();
        Bench.Result pgSmall = find(results, Bench.Mode.POSTGRES, small);
        Bench.Result pgLarge = find(results, Bench.Mode.POSTGRES, large);
        if (pgSmall == null || pgLarge == null) {
            return md.append("\nNot measured: the postgres mode did not run at every size.\n\n").toString();
        }
        if (large != small) {
            double growth = pgLarge.startMs() / pgSmall.startMs() - 1;
            md.append(row(String.format(Locale.ROOT, "postgres cold start at %,d within 10%% of %,d", large, small),
                    String.format(Locale.ROOT, "%.0f ms vs %.0f ms (%+.0f%%)", pgLarge.startMs(), pgSmall.startMs(),
                            100 * growth), Math.abs(growth) <= 0.10));
        }
        md.append(row("postgres cold start under 1.0 s (JVM)", ms(pgLarge.startMs()), pgLarge.startMs() < 1000));
        md.append(row("postgres cold start under 0.5 s (AOT cache)", ms(pgLarge.startAotMs()),
                pgLarge.startAotMs() < 500));
        md.append(row(String.format(Locale.ROOT, "postgres RSS under 200 MB at %,d", large),
                (pgLarge.rssBytes() >> 20) + " MB", (pgLarge.rssBytes() >> 20) < 200));
        Bench.Result lru = find(results, Bench.Mode.LRU, large);
        if (lru != null) {
            md.append(row("GET with an lru hit at least twice the uncached figure (hot 1k set)",
                    String.format(Locale.ROOT, "%,.0f/s (hit ratio %s) vs %,.0f/s (x%.1f)", lru.hot().rps(),
                            BenchIo.percent(lru.hotHitRatio()), pgLarge.hot().rps(),
                            lru.hot().rps() / pgLarge.hot().rps()), lru.hot().rps() >= 2 * pgLarge.hot().rps()));
        }
        md.append(row("single creates at least 1,000 items/s (postgres)", String.format(Locale.ROOT, "%,.0f/s",
                pgLarge.create().rps()), pgLarge.create().rps() >= 1000));
        if (pgLarge.listDeep() != null) {
            double ratio = (double) pgLarge.listDeep().p50() / pgLarge.listFirst().p50() - 1;
            md.append(row("a page at cursor depth 1000 within 20% of the first page", String.format(Locale.ROOT,
                    "p50 %d µs vs %d µs (%+.0f%%)", pgLarge.listDeep().p50(), pgLarge.listFirst().p50(),
                    100 * ratio), ratio <= 0.20));
        }
        return md.append('\n').toString();
    }

    private static Bench.Result find(List<Bench.Result> results, Bench.Mode mode, long size) {
        return results.stream().filter(r -> r.mode() == mode && r.size() == size).findFirst().orElse(null);
    }

    private static String row(String target, String measured, boolean met) {
        return "| " + target + " | " + measured + " | " + (met ? "yes" : "**no**") + " |\n";
    }

    private static String ms(double v) {
        return BenchIo.fmt(v) + " ms";
    }

    private static String times(double ratio) {
        return Double.isNaN(ratio) ? "–" : String.format(Locale.ROOT, "%.2f×", ratio);
    }

    private static String pct(double ratio) {
        return Double.isNaN(ratio) ? "–" : String.format(Locale.ROOT, "%.0f%%", 100 * ratio);
    }
}
