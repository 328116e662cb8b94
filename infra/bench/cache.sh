#!/usr/bin/env bash
# GET item over HTTP without a cache and behind each cache kind: throughput, latency and hit ratio.
#   [KINDS="none lru redis two-level"] [ROUNDS=3] infra/bench/cache.sh [ITEMS=10000] [SECONDS=15] [CONCURRENCY=16]
# For each of none, lru, redis, two-level: a fresh database with ITEMS items of one user, the service jar in
# postgres mode with that cache, a warm-up that touches every item, then GET /api/items/{random dfid} from
# CONCURRENCY closed-loop connections, ROUNDS times. Every GET also authenticates (reads the user), so an uncached GET runs two
# queries. The hit ratio is read from /observe/metrics (cache_hits / (cache_hits + cache_loads), user and item
# regions, measured run only). Writes infra/bench/results/cache.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
source bin/env.sh
ITEMS=${1:-10000}
SECONDS_RUN=${2:-15}
CONCURRENCY=${3:-16}
ROUNDS=${ROUNDS:-3}
PORT=${BENCH_PORT:-18080}
DB=${BENCH_DB:-defarm_bench}
PSQL="psql -h 127.0.0.1 -U postgres -q -v ON_ERROR_STOP=1"
JAR=bootstrap/target/defarm-engines.jar
OUT=infra/bench/results/cache.md
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
[ -f "$JAR" ] || mvn -q -B -DskipTests package
mkdir -p infra/bench/results

export STORAGE_MODE=postgres DATABASE_URL=jdbc:postgresql://127.0.0.1:5432/$DB DATABASE_USER=postgres \
       JWT_SECRET=bench-secret-0123456789abcdef0123456789 BCRYPT_COST=4 PORT=$PORT HOST=127.0.0.1 \
       DATABASE_POOL_SIZE=${BENCH_POOL:-16}

wait_http() { for _ in $(seq 1 3000); do curl -sf -o /dev/null "$@" && return 0; sleep 0.01; done; return 1; }
metric_sum() { # sum of a counter over the user and item regions
  curl -s "http://127.0.0.1:$PORT/observe/metrics" | awk -v name="$1" '
    $1 ~ "^"name"(_total)?\\{" && ($1 ~ /cache="item"/ || $1 ~ /cache="user"/) { s += $2 } END { printf "%d", s }'
}

rows=()
for KIND in ${KINDS:-none lru redis two-level}; do
  $PSQL -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
  "$JAVA_HOME/bin/java" -jar "$JAR" migrate >/dev/null 2>&1
  CACHE_KIND=$KIND CACHE_REDIS_KEY_PREFIX="bench-$(date +%s%N)" "$JAVA_HOME/bin/java" -jar "$JAR" \
    > "$WORK/service-$KIND.log" 2>&1 &
  pid=$!
  wait_http "http://127.0.0.1:$PORT/health"
  TOKEN=$(curl -s -X POST "http://127.0.0.1:$PORT/api/auth/register" -H 'Content-Type: application/json' \
    -d '{"username":"bench","email":"bench@example.com","password":"Str0ng!Pass"}' | jq -r .token)
  OWNER=$($PSQL -d $DB -tA -c "SELECT user_id FROM user_accounts WHERE username = 'bench'")
  $PSQL -d $DB <<SQL
INSERT INTO items (dfid, owner_id, status, enriched_data, created_at, last_modified, version, legacy_mode, aliases, confidence_score)
SELECT 'DFID-20260101-' || lpad(g::text, 7, '0') || '-BE', '$OWNER', 'Active',
       jsonb_build_object('peso_kg', 300 + g % 250, 'raca', 'Nelore'), now(), now(), 1, true, '[]', 1.0
  FROM generate_series(1, $ITEMS) g;
INSERT INTO item_identifiers (dfid, ordinal, owner_id, namespace, key, value, id_type, registry, verified, scope)
SELECT 'DFID-20260101-' || lpad(g::text, 7, '0') || '-BE', 1, '$OWNER', 'bovino', 'sisbov', 'BR' || lpad(g::text, 12, '0'),
       'Canonical', 'sisbov', false, NULL FROM generate_series(1, $ITEMS) g;
INSERT INTO item_source_entries (dfid, ordinal, entry_id)
SELECT 'DFID-20260101-' || lpad(g::text, 7, '0') || '-BE', 1, gen_random_uuid() FROM generate_series(1, $ITEMS) g;
ANALYZE;
SQL
  seq 1 "$ITEMS" | awk '{ printf "/api/items/DFID-20260101-%07d-BE\n", $1 }' > "$WORK/paths.txt"
  # Warm-up: every item once (fills the caches), then a closed-loop run for the JIT; only then measure.
  while read -r path; do printf 'url = "http://127.0.0.1:%s%s"\noutput = "/dev/null"\n' "$PORT" "$path"; done \
    < "$WORK/paths.txt" > "$WORK/curl.cfg"
  curl -s -H "Authorization: Bearer $TOKEN" -K "$WORK/curl.cfg"
  "$JAVA_HOME/bin/java" infra/bench/src/LoadGen.java --base "http://127.0.0.1:$PORT" --token "$TOKEN" \
    --paths "$WORK/paths.txt" --concurrency "$CONCURRENCY" --seconds 5 --warmup 0 > /dev/null
  hits0=$(metric_sum cache_hits); loads0=$(metric_sum cache_loads)
  : > "$WORK/runs-$KIND.json"
  for round in $(seq 1 "$ROUNDS"); do
    "$JAVA_HOME/bin/java" infra/bench/src/LoadGen.java --base "http://127.0.0.1:$PORT" --token "$TOKEN" \
      --paths "$WORK/paths.txt" --concurrency "$CONCURRENCY" --seconds "$SECONDS_RUN" --warmup 0 \
      >> "$WORK/runs-$KIND.json"
  done
  # The run with the median throughput represents the kind (the machine is shared, runs vary).
  RESULT=$(jq -s -c 'sort_by(.rps) | .[(length / 2 | floor)]' "$WORK/runs-$KIND.json")
  hits1=$(metric_sum cache_hits); loads1=$(metric_sum cache_loads)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  hits=$((hits1 - hits0)); loads=$((loads1 - loads0))
  if [ "$KIND" = none ]; then ratio="–"; else ratio=$(awk -v h=$hits -v l=$loads 'BEGIN { if (h + l == 0) print "0"; else printf "%.1f%%", 100 * h / (h + l) }'); fi
  echo "$KIND: $RESULT hits=$hits loads=$loads"
  rows+=("| $KIND | $(echo "$RESULT" | jq -r '"\(.rps | floor) | \(.p50_us) | \(.p90_us) | \(.p99_us) | \(.errors)"') | $ratio |")
done

{
  echo "# GET item over HTTP, with and without the cache tier"
  echo
  echo "Command: \`infra/bench/cache.sh $ITEMS $SECONDS_RUN $CONCURRENCY\` ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) CPUs,"
  echo "$(psql --version | awk '{print "PostgreSQL " $3}'), $(redis-server --version | awk '{print "Redis " $3}' | tr -d 'v='),"
  echo "$("$JAVA_HOME/bin/java" -version 2>&1 | head -1)). $ITEMS items, uniform random GET /api/items/{dfid},"
  echo "$CONCURRENCY closed-loop keep-alive connections (infra/bench/src/LoadGen.java), $ROUNDS runs of $SECONDS_RUN s"
  echo "after every item was read once and 5 s of load; the table shows each kind's median run by throughput."
  echo "Service, PostgreSQL, Redis and"
  echo "the load generator share the machine. Hit ratio: user and item regions during the measured run."
  echo
  echo "| cache | requests/s | p50 µs | p90 µs | p99 µs | errors | hit ratio |"
  echo "|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
} > "$OUT"
cat "$OUT"
