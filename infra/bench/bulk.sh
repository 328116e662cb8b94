#!/usr/bin/env bash
# Bulk writes: the import command against psql \copy of the same rows into the same tables, a second import (which
# must write nothing), and POST /api/items/batch (100 new items a request) from several client counts.
#   infra/bench/bulk.sh [ITEMS=100000] [CLIENTS=4,16] [SECONDS=10] [OLD_JAR]
# OLD_JAR (e.g. a jar built from an earlier commit) is measured first, on the same data, for a before/after table.
# Uses the built jar (built when missing), a fresh database per jar. Writes infra/bench/results/bulk.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
source bin/env.sh
source infra/bench/fresh-db.sh defarm_bench_bulk
old=()
[ -n "${4:-}" ] && old=(--old-jar "$4")
exec "$JAVA_HOME/bin/java" -cp "$JAR:bootstrap/target/lib/*" infra/bench/src/BulkBench.java \
  --jar "$JAR" --java "$JAVA_HOME/bin/java" --db defarm_bench_bulk --items "${1:-100000}" --clients "${2:-4,16}" \
  --seconds "${3:-10}" "${old[@]}" --out infra/bench/results/bulk.md
