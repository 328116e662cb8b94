#!/usr/bin/env bash
# A picture of the API docs as a person sees them: starts the service (bin/run, memory mode) on a free local port,
# opens Swagger UI at /docs/ in headless Chromium and saves a PNG tall enough to show the title, the system and
# identity routes and every item route (tags are listed open). Not part of CI.
#   infra/docs/screenshot.sh [out.png]   (default: infra/docs/swagger-ui-items.png)
# Installs Debian's chromium and pngquant (64 colours: a third of the size) when missing (root, as on the project's
# machines).
set -euo pipefail
cd "$(dirname "$0")/../.."
out="$(realpath -m "${1:-infra/docs/swagger-ui-items.png}")"

if ! command -v chromium >/dev/null || ! command -v pngquant >/dev/null; then
  echo "Installing chromium and pngquant..." >&2
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium pngquant >/dev/null
fi

# A free port: the first in a random run of high ports that nothing listens on.
port=""
for candidate in $(shuf -i 20000-60000 -n 50); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
done
[ -n "$port" ] || { echo "no free port found" >&2; exit 1; }

log="$(mktemp)"
HOST=127.0.0.1 PORT="$port" STORAGE_MODE=memory bin/run >"$log" 2>&1 &
service=$!
trap 'kill "$service" 2>/dev/null || true; wait "$service" 2>/dev/null || true; rm -f "$log"' EXIT

# bin/run builds first when sources changed: allow for a build before the service answers.
deadline=$((SECONDS + 600))
until curl -fs -o /dev/null "http://127.0.0.1:$port/openapi"; do
  if ! kill -0 "$service" 2>/dev/null; then echo "the service stopped:" >&2; cat "$log" >&2; exit 1; fi
  if [ "$SECONDS" -gt "$deadline" ]; then echo "the service did not answer on port $port" >&2; exit 1; fi
  sleep 1
done

# The page from its top (a deep link such as #/items scrolls, and headless Chromium then paints only part of the
# page); the virtual time budget lets Swagger UI fetch the contract and render it.
mkdir -p "$(dirname "$out")"
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1400,2600 \
  --virtual-time-budget=20000 --screenshot="$out" "http://127.0.0.1:$port/docs/" 2>/dev/null
pngquant --force --skip-if-larger --output "$out" 64 "$out" || true
echo "$out"
