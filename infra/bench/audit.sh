#!/usr/bin/env bash
# The audit trail's cost on writes: API keys created per second with AUDIT_ENABLED=true vs false, same database,
# same run (alternated twice).
#   infra/bench/audit.sh [REQUESTS=2000] [CONCURRENCY=16]
# Uses the built jar (built when missing) in postgres mode on a fresh database. Writes infra/bench/results/audit.md.
# Not run by the tests.
set -euo pipefail
cd "$(dirname "$0")/../.."
source bin/env.sh
source infra/bench/fresh-db.sh defarm_bench_audit
export CACHE_KIND=none API_KEY_DEFAULT_RATE_LIMIT_PER_HOUR=1000000
exec "$JAVA_HOME/bin/java" infra/bench/src/AuditBench.java --jar "$JAR" --java "$JAVA_HOME/bin/java" \
  --requests "${1:-2000}" --concurrency "${2:-16}" --out infra/bench/results/audit.md
