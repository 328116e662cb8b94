#!/usr/bin/env bash
# The benchmark that answers the design note: every storage mode at 10k, 100k and 1M items, plus the machine's
# own PostgreSQL and Redis baselines; writes infra/bench/REPORT.md and its plots (startup.png, memory.png).
#   infra/bench/run.sh
# Tunables (environment): BENCH_SIZES ("10000 100000 1000000"), BENCH_MODES (all six), BENCH_CONNECTIONS (16),
# BENCH_SECONDS (10), BENCH_WARMUP (20 s before the first GET run; the JIT needs it on two cores), BENCH_STARTS (3), BENCH_EVENTS_PER_ITEM (2), BENCH_HEAP (-Xmx12g, memory and
# write-through), BENCH_STATELESS_HEAP (-Xmx256m, the postgres modes),
# BENCH_WORK (/tmp/defarm-bench: datasets are kept there and reused), BENCH_PORT (18080).
# Needs the local PostgreSQL and Redis (started if down), pgbench and redis-benchmark; takes about an hour with
# the defaults on a two-core machine. The databases defarm_bench_<size> are recreated on every run.
set -euo pipefail
cd "$(dirname "$0")/../.."
source bin/env.sh
infra/local/services.sh start >/dev/null
for tool in pgbench redis-benchmark psql jq; do
  command -v "$tool" >/dev/null || { echo "$tool is required" >&2; exit 1; }
done
jar=bootstrap/target/defarm-engines.jar
if [ ! -f "$jar" ] || [ -n "$(find . -path ./infra -prune -o \( -name '*.java' -o -name 'pom.xml' \) -newer "$jar" -print -quit | grep -v '/target/' || true)" ]; then
  mvn -q -B -DskipTests package
fi
aot=bootstrap/target/defarm-engines.aot
if [ ! -f "$aot" ] || [ "$jar" -nt "$aot" ]; then
  infra/aot/train.sh postgres
fi
exec "$JAVA_HOME/bin/java" infra/bench/src/Bench.java "$@"
