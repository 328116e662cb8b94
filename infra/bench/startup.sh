#!/usr/bin/env bash
# Cold start to the first successful data request, with N items stored, median of R runs.
#   infra/bench/startup.sh [ITEMS=100000] [RUNS=5] [MODE=postgres] [JAVA_OPTS...]
# Measures from process launch to the first 200 of GET /api/items/{dfid} (authenticated: it reads the user and
# the item from the store), so it includes JVM start, Helidon start, pool creation and the first queries.
# Uses the local PostgreSQL (database defarm_bench, recreated) and the jar built by bin/run.
set -euo pipefail
cd "$(dirname "$0")/../.."
source bin/env.sh
ITEMS=${1:-100000}
RUNS=${2:-5}
MODE=${3:-postgres}
shift $(( $# < 3 ? $# : 3 )) || true
EXTRA_OPTS="$*"
PORT=${BENCH_PORT:-18080}
DB=${BENCH_DB:-defarm_bench}
PSQL="psql -h 127.0.0.1 -U postgres -q -v ON_ERROR_STOP=1"
JAR=bootstrap/target/defarm-engines.jar
[ -f "$JAR" ] || mvn -q -B -DskipTests package

export STORAGE_MODE=$MODE DATABASE_URL=jdbc:postgresql://127.0.0.1:5432/$DB DATABASE_USER=postgres \
       JWT_SECRET=bench-secret-0123456789abcdef0123456789 BCRYPT_COST=4 PORT=$PORT HOST=127.0.0.1

$PSQL -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
"$JAVA_HOME/bin/java" -jar "$JAR" migrate >/dev/null 2>&1

start_service() { "$JAVA_HOME/bin/java" $EXTRA_OPTS -jar "$JAR" > /tmp/defarm-bench-startup.log 2>&1 & echo $!; }
wait_http() { for _ in $(seq 1 3000); do curl -sf -o /dev/null "$@" && return 0; sleep 0.01; done; return 1; }

# One start to create the user, its token and one item through the API.
pid=$(start_service); wait_http "http://127.0.0.1:$PORT/health"
TOKEN=$(curl -s -X POST "http://127.0.0.1:$PORT/api/auth/register" -H 'Content-Type: application/json' \
  -d '{"username":"bench","email":"bench@example.com","password":"Str0ng!Pass"}' | jq -r .token)
DFID=$(curl -s -X POST "http://127.0.0.1:$PORT/api/items" -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' -d '{"identifiers":[{"key":"brinco","value":"first"}]}' | jq -r .dfid)
kill "$pid"; wait "$pid" 2>/dev/null || true
OWNER=$($PSQL -d $DB -tA -c "SELECT user_id FROM user_accounts WHERE username = 'bench'")

if [ "$ITEMS" -gt 1 ]; then
  $PSQL -d $DB <<SQL
INSERT INTO items (dfid, owner_id, status, enriched_data, created_at, last_modified, version, legacy_mode, aliases, confidence_score)
SELECT 'DFID-20260101-' || lpad(g::text, 7, '0') || '-BE', '$OWNER', 'Active',
       jsonb_build_object('peso_kg', 300 + g % 250, 'raca', 'Nelore'), now(), now(), 1, true, '[]', 1.0
  FROM generate_series(1, $ITEMS - 1) g;
INSERT INTO item_identifiers (dfid, ordinal, owner_id, namespace, key, value, id_type, registry, verified, scope)
SELECT 'DFID-20260101-' || lpad(g::text, 7, '0') || '-BE', 1, '$OWNER', 'bovino', 'sisbov', 'BR' || lpad(g::text, 12, '0'),
       'Canonical', 'sisbov', false, NULL FROM generate_series(1, $ITEMS - 1) g;
INSERT INTO item_source_entries (dfid, ordinal, entry_id)
SELECT 'DFID-20260101-' || lpad(g::text, 7, '0') || '-BE', 1, gen_random_uuid() FROM generate_series(1, $ITEMS - 1) g;
ANALYZE;
SQL
fi
STORED=$($PSQL -d $DB -tA -c "SELECT count(*) FROM items")

times=()
for run in $(seq 1 "$RUNS"); do
  t0=$(date +%s%N)
  pid=$(start_service)
  if ! wait_http -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/items/$DFID"; then
    echo "the service did not answer; log:" >&2; cat /tmp/defarm-bench-startup.log >&2; kill "$pid"; exit 1
  fi
  t1=$(date +%s%N)
  rss=$(awk '/VmRSS/{print $2}' /proc/$pid/status)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  ms=$(( (t1 - t0) / 1000000 ))
  times+=("$ms")
  echo "run $run: ${ms} ms to first item read (RSS ${rss} kB)"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "mode=$MODE items=$STORED runs=$RUNS median_ms=$median all_ms=${times[*]}"
