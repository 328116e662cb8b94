#!/usr/bin/env bash
# The audit trail's cost on writes: API keys created per second with AUDIT_ENABLED=true vs false, same database,
# same run (alternated twice).
#   infra/bench/audit.sh [REQUESTS=2000] [CONCURRENCY=16]
# Uses the built jar (built when missing) in postgres mode on a fresh database. Writes infra/bench/results/audit.md.
# Not run by the tests.
set -euo pipefail
cd "$(dirname "$0")/../.."
source bin/env.sh
JAR=bootstrap/target/defarm-engines.jar
[ -f "$JAR" ] || mvn -q -B -DskipTests package
mkdir -p infra/bench/results
DB=${BENCH_DB:-defarm_bench_audit}
psql -h 127.0.0.1 -U postgres -q -v ON_ERROR_STOP=1 -d postgres -c "DROP DATABASE IF EXISTS $DB" \
  -c "CREATE DATABASE $DB"
export STORAGE_MODE=postgres DATABASE_URL=jdbc:postgresql://127.0.0.1:5432/$DB DATABASE_USER=postgres \
       JWT_SECRET=bench-secret-0123456789abcdef0123456789 BCRYPT_COST=4 HOST=127.0.0.1 CACHE_KIND=none \
       API_KEY_DEFAULT_RATE_LIMIT_PER_HOUR=1000000
"$JAVA_HOME/bin/java" -jar "$JAR" migrate >/dev/null 2>&1
exec "$JAVA_HOME/bin/java" infra/bench/src/AuditBench.java --jar "$JAR" --java "$JAVA_HOME/bin/java" \
  --requests "${1:-2000}" --concurrency "${2:-16}" --out infra/bench/results/audit.md
