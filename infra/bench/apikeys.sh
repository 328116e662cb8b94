#!/usr/bin/env bash
# API key vs JWT: latency and throughput of an authenticated item read with each credential (same instance, same
# run), and the cost of the rate-limit check alone (per-instance and through Redis).
#   infra/bench/apikeys.sh [REQUESTS=3000] [CONCURRENCY=16] [SECONDS=10]
# Uses the built jar (built when missing) in postgres mode on a fresh database, and Redis on 127.0.0.1:6379.
# Writes infra/bench/results/apikeys.md. Not run by the tests.
set -euo pipefail
cd "$(dirname "$0")/../.."
source bin/env.sh
source infra/bench/fresh-db.sh defarm_bench_apikeys
export CACHE_KIND=none
exec "$JAVA_HOME/bin/java" -cp "$JAR:bootstrap/target/lib/*" infra/bench/src/ApiKeyBench.java \
  --jar "$JAR" --java "$JAVA_HOME/bin/java" --requests "${1:-3000}" --concurrency "${2:-16}" \
  --seconds "${3:-10}" --out infra/bench/results/apikeys.md
