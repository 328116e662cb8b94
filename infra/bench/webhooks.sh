#!/usr/bin/env bash
# Webhook delivery: dispatcher throughput to a local receiver, and the latency a push gains with two webhooks.
#   infra/bench/webhooks.sh [MESSAGES=2000] [PUSHES=300]
# Uses the built jar (built when missing) in postgres mode on a fresh database; the receiver is an HTTP server on
# 127.0.0.1 inside the bench program. Writes infra/bench/results/webhooks.md. Not run by the tests.
set -euo pipefail
cd "$(dirname "$0")/../.."
source bin/env.sh
source infra/bench/fresh-db.sh defarm_bench_webhooks
export WEBHOOK_SECRET_KEY=bench-webhook-key-0123456789abcdef WEBHOOK_ALLOWED_HOSTS=127.0.0.1
exec "$JAVA_HOME/bin/java" infra/bench/src/WebhookBench.java --jar "$JAR" --java "$JAVA_HOME/bin/java" \
  --messages "${1:-2000}" --pushes "${2:-300}" --out infra/bench/results/webhooks.md
