#!/usr/bin/env bash
# Local PostgreSQL and Redis for development, tests and benchmarks: start them if they are not
# running, stop them, or report their state. The test suite only needs them running; it never calls this script.
#   infra/local/services.sh [start|stop|status]   (default: start)
set -euo pipefail
PG_VERSION=$(ls /etc/postgresql 2>/dev/null | head -1 || true)

pg_up() { pg_isready -h 127.0.0.1 -p 5432 -q; }
redis_up() { redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; }

case "${1:-start}" in
  start)
    if ! pg_up; then
      [ -n "$PG_VERSION" ] || { echo "PostgreSQL is not installed (/etc/postgresql is empty)" >&2; exit 1; }
      echo "Starting PostgreSQL $PG_VERSION..."
      pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" main start
      for _ in $(seq 1 30); do pg_up && break; sleep 1; done
    fi
    if ! redis_up; then
      echo "Starting Redis..."
      redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no
      for _ in $(seq 1 30); do redis_up && break; sleep 1; done
    fi
    pg_isready -h 127.0.0.1 -p 5432
    echo "redis: $(redis-cli -h 127.0.0.1 -p 6379 ping)"
    ;;
  stop)
    pg_up && pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" main stop || true
    redis_up && redis-cli -h 127.0.0.1 -p 6379 shutdown nosave || true
    ;;
  status)
    pg_up && echo "postgresql: up" || echo "postgresql: down"
    redis_up && echo "redis: up" || echo "redis: down"
    ;;
  *)
    echo "usage: $0 [start|stop|status]" >&2
    exit 2
    ;;
esac
