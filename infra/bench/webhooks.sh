#!/usr/bin/env bash
# Webhook delivery: dispatcher throughput to a local receiver, and the latency a push gains with two webhooks.
#   infra/bench/webhooks.sh [MESSAGES=2000] [PUSHES=300]
# Uses the built jar (built when missing) in postgres mode on a fresh database; the receiver is an HTTP server on
# 127.0.0.1 inside the bench program. Writes infra/bench/results/webhooks.md. Not run by the tests.
set -euo pipefail
cd "$(dirname "$0")/../.."
source bin/env.sh
JAR=bootstrap/target/defarm-engines.jar
[ -f "$JAR" ] || mvn -q -B -DskipTests package
mkdir -p infra/bench/results
DB=${BENCH_DB:-defarm_bench_webhooks}
psql -h 127.0.0.1 -U postgres -q -v ON_ERROR_STOP=1 -d postgres -c "DROP DATABASE IF EXISTS $DB" \
  -c "CREATE DATABASE $DB"
export STORAGE_MODE=postgres DATABASE_URL=jdbc:postgresql://127.0.0.1:5432/$DB DATABASE_USER=postgres \
       JWT_SECRET=bench-secret-0123456789abcdef0123456789 WEBHOOK_SECRET_KEY=bench-webhook-key-0123456789abcdef \
       WEBHOOK_ALLOWED_HOSTS=127.0.0.1 BCRYPT_COST=4 HOST=127.0.0.1
"$JAVA_HOME/bin/java" -jar "$JAR" migrate >/dev/null 2>&1
exec "$JAVA_HOME/bin/java" infra/bench/src/WebhookBench.java --jar "$JAR" --java "$JAVA_HOME/bin/java" \
  --messages "${1:-2000}" --pushes "${2:-300}" --out infra/bench/results/webhooks.md
