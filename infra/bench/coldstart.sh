#!/usr/bin/env bash
# Cold start against the floor: how long a fresh postgres-mode instance takes to its first authenticated
# GET /api/items/{dfid}, next to a minimal Helidon SE service (infra/bench/floor: same Helidon, health and metrics
# observers, one JSON route) started the same way, each without and with its AOT cache.
#   infra/bench/coldstart.sh            (env COLDSTART_ROUNDS, default 7; BENCH_PORT, default 18090)
# Builds the floor (Maven offline, Helidon version read from the root pom), trains both AOT caches (ours with
# infra/aot/train.sh, the floor with a short run of its own route), prepares a database with a user, a token and an
# item, then runs ColdStart.java: every process goes through infra/function/launch.sh, so all four get its flags.
# Writes infra/bench/results/coldstart.json (medians, ratios, every sample) and prints a table.
set -euo pipefail
cd "$(dirname "$0")/../.."
source bin/env.sh
ROUNDS=${COLDSTART_ROUNDS:-7}
PORT=${BENCH_PORT:-18090}
DB=${COLDSTART_DB:-defarm_coldstart}
PSQL="psql -h 127.0.0.1 -U postgres -q -v ON_ERROR_STOP=1"
JAR=bootstrap/target/defarm-engines.jar
OURS_AOT=bootstrap/target/defarm-engines.aot
FLOOR=infra/bench/floor
FLOOR_JAR=$FLOOR/target/floor.jar
FLOOR_AOT=$FLOOR/target/floor.aot
LOGS=${COLDSTART_LOGS:-/tmp/defarm-coldstart}
HELIDON=$(sed -n 's:.*<helidon.version>\(.*\)</helidon.version>.*:\1:p' pom.xml | head -1)
mkdir -p "$LOGS" infra/bench/results

[ -f "$JAR" ] || mvn -q -B -ntp -o -DskipTests package
(cd "$FLOOR" && mvn -q -B -ntp -o -Dhelidon.version="$HELIDON" -DskipTests package)

# A cache is only valid for the jar it was trained with: train again whenever the jar is newer.
if [ ! -f "$OURS_AOT" ] || [ "$JAR" -nt "$OURS_AOT" ] || [ "${COLDSTART_TRAIN:-}" = always ]; then
  AOT_TRAINING_PORT=$PORT infra/aot/train.sh postgres
fi
if [ ! -f "$FLOOR_AOT" ] || [ "$FLOOR_JAR" -nt "$FLOOR_AOT" ] || [ "${COLDSTART_TRAIN:-}" = always ]; then
  # The same recipe as ours: one-step training (JDK 25 writes classes, linking and method profiles on exit).
  rm -f "$FLOOR_AOT"
  PORT=$PORT HOST=127.0.0.1 "$JAVA_HOME/bin/java" -XX:AOTCacheOutput="$FLOOR_AOT" -XX:+UseSerialGC -jar "$FLOOR_JAR" \
    > "$LOGS/floor-training.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/floor/0" && break; sleep 0.05; done
  for i in $(seq 1 200); do curl -s -o /dev/null "http://127.0.0.1:$PORT/floor/$i"; done
  curl -s -o /dev/null "http://127.0.0.1:$PORT/observe/metrics"
  curl -s -o /dev/null "http://127.0.0.1:$PORT/observe/health"
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
  for _ in $(seq 1 600); do pgrep -f "AOTCacheOutput=$FLOOR_AOT|AOTMode=create.*floor" >/dev/null || break; sleep 0.2; done
  [ -s "$FLOOR_AOT" ] || { echo "the floor's AOT cache was not written; see $LOGS/floor-training.log" >&2; exit 1; }
fi

# The database ours reads: migrated, one user with a token, one item of theirs.
export STORAGE_MODE=postgres DATABASE_URL=jdbc:postgresql://127.0.0.1:5432/$DB DATABASE_USER=postgres \
       JWT_SECRET=coldstart-secret-0123456789abcdef0123456 BCRYPT_COST=4 HOST=127.0.0.1
$PSQL -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
"$JAVA_HOME/bin/java" -jar "$JAR" migrate > "$LOGS/migrate.log" 2>&1
PORT=$PORT "$JAVA_HOME/bin/java" -jar "$JAR" > "$LOGS/prepare.log" 2>&1 &
pid=$!
for _ in $(seq 1 600); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/health" && break; sleep 0.05; done
TOKEN=$(curl -s -X POST "http://127.0.0.1:$PORT/api/auth/register" -H 'Content-Type: application/json' \
  -d '{"username":"coldstart","email":"coldstart@example.com","password":"Str0ng!Pass"}' | jq -r .token)
DFID=$(curl -s -X POST "http://127.0.0.1:$PORT/api/items" -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' -d '{"identifiers":[{"key":"brinco","value":"coldstart"}]}' | jq -r .dfid)
kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
if [ -z "$TOKEN" ] || [ "$TOKEN" = null ] || [ -z "$DFID" ] || [ "$DFID" = null ]; then
  echo "could not prepare the user and the item; see $LOGS/prepare.log" >&2; exit 1
fi

"$JAVA_HOME/bin/java" infra/bench/src/ColdStart.java --rounds "$ROUNDS" --port "$PORT" \
  --launcher infra/function/launch.sh --ours-jar "$JAR" --ours-aot "$OURS_AOT" \
  --floor-jar "$FLOOR_JAR" --floor-aot "$FLOOR_AOT" --token "$TOKEN" --dfid "$DFID" --helidon "$HELIDON" \
  --logs "$LOGS" --out infra/bench/results/coldstart.json
$PSQL -d postgres -c "DROP DATABASE IF EXISTS $DB"
