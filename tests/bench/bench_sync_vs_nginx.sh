#!/usr/bin/env bash
# Benchmark (not a test): authenticated GET /api/v1/sync with nothing new, 50 connections, against
# nginx serving a static file of the same size on the same machine in the same run. Prints figures.
#   tests/bench/bench_sync_vs_nginx.sh [build-dir] [seconds]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${1:-$ROOT/build/dev}
SECONDS_PER_RUN=${2:-10}
WORK=$(mktemp -d /tmp/nara-bench.XXXXXX)
cleanup() { kill "${SERVER:-}" "${NGINX_PID:-}" 2>/dev/null || true; [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

"$BUILD/app/server/nara-server" --data-dir "$WORK/data" --port 0 --demo --workers "$(nproc)" >"$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 100); do grep -q "listening on" "$WORK/server.log" && break; sleep 0.1; done
PORT=$(grep -o 'listening on http://[^ ]*' "$WORK/server.log" | sed 's/.*://')
BASE="http://127.0.0.1:$PORT"
TOKEN=$(curl -s -H 'Content-Type: application/json' -H 'Idempotency-Key: bench-login' \
  -d '{"username":"anna","password":"demo"}' "$BASE/api/v1/auth/login" | sed 's/.*"token":"\([^"]*\)".*/\1/')
# The newest cursor: follow the pages to the end.
SINCE=0
while :; do
  PAGE=$(curl -s -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/sync?since=$SINCE&limit=5000")
  SINCE=$(echo "$PAGE" | sed 's/.*"next":\([0-9]*\).*/\1/')
  echo "$PAGE" | grep -q '"more":true' || break
done
BODY=$(curl -s -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/sync?since=$SINCE")
printf '%s' "$BODY" >"$WORK/static.json"
chmod 755 "$WORK"; chmod 644 "$WORK/static.json" # nginx's workers are not root
echo "sync body when nothing is new: ${#BODY} bytes: $BODY"

NGINX_PORT=$((PORT + 1))
cat >"$WORK/nginx.conf" <<CONF
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  server { listen 127.0.0.1:$NGINX_PORT; root $WORK; location / { default_type application/json; } }
}
CONF
nginx -c "$WORK/nginx.conf"
sleep 0.5

run() {
  local out
  out=$(wrk -t2 -c50 -d"${SECONDS_PER_RUN}s" "$@")
  echo "$out" >&2
  if echo "$out" | grep -q "Non-2xx"; then echo "error: some answers were not 2xx" >&2; exit 1; fi
  echo "$out" | awk '/Requests\/sec/ {print $2}'
}
echo "== nginx, static file of the same size"
NGINX_RPS=$(run "http://127.0.0.1:$NGINX_PORT/static.json")
echo "== nara-server, authenticated /api/v1/sync with nothing new"
NARA_RPS=$(run -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/sync?since=$SINCE")
echo
echo "nginx: $NGINX_RPS req/s   nara-server: $NARA_RPS req/s   ratio: $(awk "BEGIN {printf \"%.2f\", $NARA_RPS / $NGINX_RPS}")"
