#!/usr/bin/env bash
# Function-style launcher (Knative, Cloud Run, a process manager): everything comes from environment variables
# (README "Configuration"), the process execs the JVM so the platform's SIGTERM reaches it directly, and start-up
# is tuned for short-lived instances:
#   * the AOT cache (infra/aot/train.sh) when it matches this JDK and jar, otherwise a normal start;
#   * the serial collector (one core or two, a small heap, no GC threads to start);
#   * heap sized from the container's memory limit (JAVA_MAX_RAM_PERCENTAGE, default 75);
#   * FUNCTION_FAST_START=true also stops the JIT at C1: faster warm-up, lower peak throughput (off by default).
# Postgres mode is the one meant for functions: nothing is loaded at start, and any number of instances can run.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
APP_HOME=${APP_HOME:-$(cd "$HERE/../.." && pwd)}
JAR=${APP_JAR:-$APP_HOME/bootstrap/target/defarm-engines.jar}
AOT=${APP_AOT:-${JAR%.jar}.aot}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java

export STORAGE_MODE=${STORAGE_MODE:-postgres}
opts=(-XX:+UseSerialGC "-XX:MaxRAMPercentage=${JAVA_MAX_RAM_PERCENTAGE:-75}" -XX:+ExitOnOutOfMemoryError)
if [ -f "$AOT" ]; then
  # A cache from another JDK build or jar is rejected by the JVM with a warning; the start is then a plain one.
  opts+=("-XX:AOTCache=$AOT" -Xlog:aot=error)
fi
if [ "${FUNCTION_FAST_START:-false}" = true ]; then
  opts+=(-XX:TieredStopAtLevel=1)
fi
exec "$JAVA" "${opts[@]}" ${JAVA_OPTS:-} -jar "$JAR" "$@"
