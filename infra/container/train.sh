#!/usr/bin/env bash
# The container's AOT training run (the runtime image has no curl, procps or database): memory mode, and the
# real request paths over bash's /dev/tcp: sign-up, item creation, item read, list, events, health and metrics.
# The web, JSON, security and domain classes, their linking and the JIT's method profiles go into the cache; the
# PostgreSQL classes are loaded normally at the first start.
#   train.sh JAR AOT      (port: AOT_TRAINING_PORT, default 8080)
set -euo pipefail
JAR=$1 AOT=$2
PORT=${AOT_TRAINING_PORT:-8080}
STORAGE_MODE=memory PORT=$PORT HOST=127.0.0.1 BCRYPT_COST=4 JWT_SECRET=aot-training-secret-0123456789abcdef0123 \
  java -XX:AOTCacheOutput="$AOT" -XX:+UseSerialGC -jar "$JAR" &
pid=$!
# A failed step must not leave the training JVM behind (it would hold the port, and write a cache on exit).
trap 'kill -9 $pid 2>/dev/null || true' ERR

# One HTTP/1.1 request on a connection of its own (Helidon answers HTTP/1.0 with 505):
#   req METHOD PATH [BODY [TOKEN]]    prints the whole answer
req() {
  local auth="" body=${3:-}
  [ -n "${4:-}" ] && auth="Authorization: Bearer $4"$'\r\n'
  exec 3<>/dev/tcp/127.0.0.1/$PORT
  printf '%s %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: %d\r\n%s\r\n%s' \
    "$1" "$2" "${#body}" "$auth" "$body" >&3
  cat <&3
  exec 3<&-
}
field() { sed -n 's/.*"'"$1"'" *: *"\([^"]*\)".*/\1/p' | head -1; }

for _ in $(seq 1 1200); do
  kill -0 $pid 2>/dev/null || { echo "the training run did not start" >&2; exit 1; }
  (req GET /health "" 2>/dev/null | grep -q ' 200 ') && break
  sleep 0.1
done
TOKEN=$(req POST /api/auth/register '{"username":"trainer","email":"trainer@example.com","password":"Str0ng!Pass"}' \
  | tail -1 | field token)
for i in $(seq 10 49); do
  DFID=$(req POST /api/items '{"identifiers":[{"namespace":"bovino","key":"sisbov","value":"BR10000000'$i'","id_type":"Canonical"}],"enriched_data":{"peso":'$i'}}' "$TOKEN" | tail -1 | field dfid)
  req GET "/api/items/$DFID" "" "$TOKEN" > /dev/null
  req POST /api/events '{"dfid":"'"$DFID"'","event_type":"enriched","visibility":"public","metadata":{"n":'$i'}}' "$TOKEN" > /dev/null
  req GET "/api/items?limit=10" "" "$TOKEN" > /dev/null
  req GET "/api/events/item/$DFID" "" "$TOKEN" > /dev/null
done
req POST /api/auth/login '{"username":"trainer","password":"Str0ng!Pass"}' > /dev/null
req GET /observe/metrics > /dev/null
req GET /observe/health > /dev/null
kill -TERM $pid
wait $pid || true
# The JVM hands the recording to a child that assembles the cache (the bracket keeps grep from matching itself).
for _ in $(seq 1 300); do
  [ -s "$AOT" ] && ! grep -qs 'AOTMode[=]create' /proc/[0-9]*/cmdline && break
  sleep 0.2
done
ls -l "$AOT"
