#!/usr/bin/env bash
# The benchmark: the targets of issue 17 as ratios against baselines measured in the same run, and every storage
# mode at each dataset size.
#   infra/bench/run.sh            the full run: 10k, 100k and 1M items, all six modes, 10 s per figure, 7 cold-start
#                                 rounds; about an hour on two cores. Writes infra/bench/REPORT.md, startup.png and
#                                 memory.png (the committed report comes from this run).
#   infra/bench/run.sh --quick    a check in under 15 minutes on two cores, build and AOT training included: 10k
#                                 items, the postgres mode only, 5 s per figure, 3 cold-start rounds against the
#                                 floor (one start per mode). Writes $BENCH_WORK/REPORT-quick.md and its plots
#                                 beside it, never the committed report.
# Both print the targets table (figure | measured | baseline | ratio | target | met) at the end and write it, with
# the list of misses, in the report's "Targets (issue 17)" section; infra/bench/CAUSES.md, when present, is
# included there verbatim (the measured cause of each miss, written by hand).
# Steps: build the jar and train the AOT cache when stale; then (Bench.java) the baselines: pgbench -S and -N
# -M prepared (-c BENCH_CONNECTIONS -j 2 -T BENCH_SECONDS on a scratch database, scale 10), redis-benchmark GET,
# infra/bench/coldstart.sh (our service against a minimal Helidon SE app, with and without AOT cache; a missing or
# failing script leaves those rows "not measured"), `import` against psql \copy of the same rows and
# POST /api/items/batch (BulkBench.java); then per size the import and every mode.
# Tunables (environment; quick's defaults in brackets): BENCH_SIZES ("10000 100000 1000000" [10000]), BENCH_MODES
# (all six [postgres]), BENCH_CONNECTIONS (16), BENCH_SECONDS (10 [5]), BENCH_WARMUP (20 [10] s before the first
# GET run; the JIT needs it on two cores), BENCH_STARTS (3 [1], cold starts per mode), COLDSTART_ROUNDS (7 [3]),
# BENCH_BULK_ITEMS (100000 [10000], the import/\copy/batch step), BENCH_REDIS_REQUESTS (400000 [100000]),
# BENCH_EVENTS_PER_ITEM (2), BENCH_HEAP (-Xmx12g, memory and write-through), BENCH_STATELESS_HEAP (-Xmx256m, the
# postgres modes), BENCH_WORK (/tmp/defarm-bench: datasets are kept there and reused), BENCH_REPORT (the report's
# path), BENCH_PORT (18080).
# Needs the local PostgreSQL and Redis (started if down), pgbench, redis-benchmark, psql and jq. The databases
# defarm_bench_<size>, defarm_bench_bulk and defarm_pgbench are recreated on every run.
set -euo pipefail
cd "$(dirname "$0")/../.."
BENCH_T0=$(date +%s)
export BENCH_T0
for arg in "$@"; do
  [ "$arg" = --quick ] || { echo "usage: infra/bench/run.sh [--quick]" >&2; exit 2; }
done
source bin/env.sh
infra/local/services.sh start >/dev/null
for tool in pgbench redis-benchmark psql jq; do
  command -v "$tool" >/dev/null || { echo "$tool is required" >&2; exit 1; }
done
jar=bootstrap/target/defarm-engines.jar
# Rebuild when a source (code, a migration, the configuration: anything under src/main) or a pom is newer than the
# jar; build output is pruned (a generated file may be newer, and -quit would stop there).
stale=$(find . \( -path ./infra -o -path ./.git -o -name target -o -name node_modules \) -prune -o \
  \( -path '*/src/main/*' -o -name 'pom.xml' \) -type f -newer "$jar" -print -quit 2>/dev/null || true)
if [ ! -f "$jar" ] || [ -n "$stale" ]; then
  echo "building the jar"
  mvn -q -B -DskipTests package
fi
aot=bootstrap/target/defarm-engines.aot
if [ ! -f "$aot" ] || [ "$jar" -nt "$aot" ]; then
  echo "training the AOT cache"
  infra/aot/train.sh postgres
fi
echo "build and AOT training: $(( $(date +%s) - BENCH_T0 )) s"
exec "$JAVA_HOME/bin/java" infra/bench/src/Bench.java "$@"
