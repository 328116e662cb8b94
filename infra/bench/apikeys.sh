#!/usr/bin/env bash
# API key vs JWT: latency and throughput of an authenticated item read with each credential (same instance, same
# run), and the cost of the rate-limit check alone (per-instance and through Redis).
#   infra/bench/apikeys.sh [REQUESTS=3000] [CONCURRENCY=16] [SECONDS=10]
# Uses the built jar (built when missing) in postgres mode on a fresh database, and Redis on 127.0.0.1:6379.
# Writes infra/bench/results/apikeys.md. Not run by the tests.
set -euo pipefail
cd "$(dirname "$0")/../.."
source bin/env.sh
JAR=bootstrap/target/defarm-engines.jar
[ -f "$JAR" ] || mvn -q -B -DskipTests package
mkdir -p infra/bench/results
DB=${BENCH_DB:-defarm_bench_apikeys}
psql -h 127.0.0.1 -U postgres -q -v ON_ERROR_STOP=1 -d postgres -c "DROP DATABASE IF EXISTS $DB" \
  -c "CREATE DATABASE $DB"
export STORAGE_MODE=postgres DATABASE_URL=jdbc:postgresql://127.0.0.1:5432/$DB DATABASE_USER=postgres \
       JWT_SECRET=bench-secret-0123456789abcdef0123456789 BCRYPT_COST=4 HOST=127.0.0.1 CACHE_KIND=none
"$JAVA_HOME/bin/java" -jar "$JAR" migrate >/dev/null 2>&1
exec "$JAVA_HOME/bin/java" -cp "$JAR:bootstrap/target/lib/*" infra/bench/src/ApiKeyBench.java \
  --jar "$JAR" --java "$JAVA_HOME/bin/java" --requests "${1:-3000}" --concurrency "${2:-16}" \
  --seconds "${3:-10}" --out infra/bench/results/apikeys.md
