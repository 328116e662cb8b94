#!/usr/bin/env bash
# Builds the JDK 25 AOT cache (JEP 483/514/515) the launch scripts use: a training run of the service jar that
# starts, serves a representative workload over the real request paths (sign-up, sign-in, create, read, list,
# events) against PostgreSQL, and stops; the JVM then writes the classes it loaded and linked, and the method
# profiles it gathered, to bootstrap/target/defarm-engines.aot. With -XX:AOTCacheOutput alone JDK 25 already turns
# on class linking (AOTClassLinking) and profile recording: no other flag is needed.
#   infra/aot/train.sh [postgres|memory]   (default: postgres, against a scratch database that is dropped after)
# The cache is only valid for the same JDK build and the same jar files: re-run after every build (bin/run does not use it;
# infra/function/launch.sh does, and ignores a stale cache: the JVM then starts as without one).
set -euo pipefail
cd "$(dirname "$0")/../.."
source bin/env.sh
MODE=${1:-postgres}
JAR=bootstrap/target/defarm-engines.jar
AOT=bootstrap/target/defarm-engines.aot
PORT=${AOT_TRAINING_PORT:-18099}
DB=defarm_aot_training
[ -f "$JAR" ] || mvn -q -B -DskipTests package

export PORT HOST=127.0.0.1 JWT_SECRET=aot-training-secret-0123456789abcdef0123 BCRYPT_COST=4
if [ "$MODE" = postgres ]; then
  psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
  export STORAGE_MODE=postgres DATABASE_URL=jdbc:postgresql://127.0.0.1:5432/$DB DATABASE_USER=postgres
  "$JAVA_HOME/bin/java" -jar "$JAR" migrate >/dev/null
else
  export STORAGE_MODE=memory
fi
rm -f "$AOT"
"$JAVA_HOME/bin/java" -XX:AOTCacheOutput="$AOT" -XX:+UseSerialGC -jar "$JAR" > /tmp/defarm-aot-training.log 2>&1 &
pid=$!
for _ in $(seq 1 600); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/health" && break; sleep 0.05; done

B="http://127.0.0.1:$PORT"
TOKEN=$(curl -s -X POST $B/api/auth/register -H 'Content-Type: application/json' \
  -d '{"username":"trainer","email":"trainer@example.com","password":"Str0ng!Pass"}' | jq -r .token)
AUTH="Authorization: Bearer $TOKEN"
for i in $(seq 1 40); do
  DFID=$(curl -s -X POST $B/api/items -H "$AUTH" -H 'Content-Type: application/json' \
    -d '{"identifiers":[{"namespace":"bovino","key":"sisbov","value":"BR1000000000'$(printf %02d $i)'","id_type":"Canonical"}],"enriched_data":{"peso":'$i'}}' | jq -r .dfid)
  curl -s -o /dev/null $B/api/items/$DFID -H "$AUTH"
  curl -s -o /dev/null -X POST $B/api/events -H "$AUTH" -H 'Content-Type: application/json' \
    -d '{"dfid":"'$DFID'","event_type":"enriched","visibility":"public","metadata":{"n":'$i'}}'
  curl -s -o /dev/null "$B/api/items?limit=10" -H "$AUTH"
  curl -s -o /dev/null "$B/api/events/item/$DFID" -H "$AUTH"
done
curl -s -o /dev/null -X POST $B/api/auth/login -H 'Content-Type: application/json' \
  -d '{"username":"trainer","password":"Str0ng!Pass"}'
curl -s -o /dev/null $B/observe/metrics
curl -s -o /dev/null $B/observe/health
kill -TERM "$pid"
wait "$pid" 2>/dev/null || true
# The JVM hands the recorded configuration to a child that assembles the cache; wait for it.
for _ in $(seq 1 600); do pgrep -f "AOTMode=create" >/dev/null || break; sleep 0.2; done
[ "$MODE" = postgres ] && psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS $DB"
if [ -s "$AOT" ]; then
  echo "AOT cache: $AOT ($(du -h "$AOT" | cut -f1))"
else
  echo "no AOT cache was written; see /tmp/defarm-aot-training.log" >&2
  exit 1
fi
