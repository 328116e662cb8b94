#!/usr/bin/env bash
# One instance's throughput straight to PostgreSQL and through PgBouncer in transaction mode (same run, same
# database): GET item and create item with CONCURRENCY clients. The figure docs/scaling.md sizes deployments with.
#   infra/bench/pooler.sh [CONCURRENCY=16] [SECONDS=10] [POOL=8]
# Needs Debian's pgbouncer (apt-get install -y pgbouncer); starts its own on a free port with a generated ini.
# Writes infra/bench/results/pooler.md. Not run by the tests.
set -euo pipefail
cd "$(dirname "$0")/../.."
source bin/env.sh
source infra/bench/fresh-db.sh defarm_bench_pooler
export CACHE_KIND=none
POOL=${3:-8}
PGBOUNCER=$(command -v pgbouncer || echo /usr/sbin/pgbouncer)
[ -x "$PGBOUNCER" ] || { echo "pgbouncer is not installed: apt-get install -y pgbouncer" >&2; exit 1; }
DIR=$(mktemp -d)
chmod 777 "$DIR"   # PgBouncer switches to the postgres user when started as root, and writes its log here
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
echo '"postgres" ""' > "$DIR/users.txt"
cat > "$DIR/pgbouncer.ini" <<INI
[databases]
$DB = host=127.0.0.1 port=5432 dbname=$DB
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $PORT
unix_socket_dir =
auth_type = trust
auth_file = $DIR/users.txt
pool_mode = transaction
default_pool_size = $POOL
max_client_conn = 200
ignore_startup_parameters = extra_float_digits
logfile = $DIR/pgbouncer.log
pidfile = $DIR/pgbouncer.pid
INI
chmod 644 "$DIR"/*
AS=(); [ "$(id -u)" = 0 ] && AS=(-u postgres)
"$PGBOUNCER" -q "${AS[@]}" "$DIR/pgbouncer.ini" &
BOUNCER=$!
trap 'kill $BOUNCER 2>/dev/null || true; wait $BOUNCER 2>/dev/null || true; rm -rf "$DIR"' EXIT
for _ in $(seq 1 50); do pg_isready -h 127.0.0.1 -p "$PORT" -q && break; sleep 0.2; done
"$JAVA_HOME/bin/java" -cp "$JAR:bootstrap/target/lib/*" infra/bench/src/PoolerBench.java \
  --jar "$JAR" --java "$JAVA_HOME/bin/java" --concurrency "${1:-16}" --seconds "${2:-10}" --pool "$POOL" \
  --direct-url "$DATABASE_URL" --pooled-url "jdbc:postgresql://127.0.0.1:$PORT/$DB" \
  --pgbouncer "$("$PGBOUNCER" --version | head -1 | cut -d' ' -f2)" --out infra/bench/results/pooler.md
