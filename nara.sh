#!/usr/bin/env bash
# The two commands of the README:
#   ./nara.sh demo   install what is missing, build, start the server with demo data, open the
#                    workstation logged in (without a display: render screenshots instead)
#   ./nara.sh test   install what is missing, build, run the whole test suite (with a throw-away
#                    PostgreSQL for the storage tests)
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")"
ROOT=$PWD

# Debian 12 packages the build, the tests and the demo need.
PACKAGES=(
  cmake ninja-build g++ pkg-config git
  qt6-base-dev qt6-httpserver-dev qt6-websockets-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  libqt6sql6-sqlite libqt6sql6-psql libgl-dev libsodium-dev
  qt6-webengine-dev qt6-webengine-dev-tools qt6-webchannel-dev qt6-multimedia-dev qt6-charts-dev
  postgresql wrk nginx-light curl openssl procps
)

log() { printf '\033[1m== %s\033[0m\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_missing() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    as_root apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
  fi
}

# CI builds with warnings as errors; people build the dev preset. Both are incremental.
PRESET=dev
[ -n "${CI:-}" ] && PRESET=ci
BUILD_DIR="$ROOT/build/$PRESET"

# build [target…]: everything (tests included) or just the named targets.
build() {
  if [ ! -f "$BUILD_DIR/build.ninja" ]; then
    log "configuring ($PRESET)"
    cmake --preset "$PRESET" >/dev/null
  fi
  log "building ($PRESET${1:+: $*})"
  if [ $# -gt 0 ]; then
    cmake --build "$BUILD_DIR" --target "$@" -- -j"$(nproc)"
  else
    cmake --build "$BUILD_DIR" -- -j"$(nproc)"
  fi
}

PG_DIR=""
PG_PID_OWNER=""
start_postgres() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
  [ -x "$bin/initdb" ] || { echo "PostgreSQL server binaries not found" >&2; exit 1; }
  PG_DIR=$(mktemp -d /tmp/nara-pg.XXXXXX)
  local port
  for port in $(seq 55432 55632); do
    (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null || break  # nobody listens: free
  done
  local run=()
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres:postgres "$PG_DIR"
    run=(runuser -u postgres --)  # initdb refuses to run as root
  fi
  log "starting a throw-away PostgreSQL on 127.0.0.1:$port"
  "${run[@]}" "$bin/initdb" -D "$PG_DIR/data" -A trust -U nara -E UTF8 >"$PG_DIR/initdb.log" 2>&1
  "${run[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_DIR -c fsync=off -c max_connections=200" start >/dev/null
  "${run[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U nara nara
  export NARA_TEST_PG_URL="postgres://nara@127.0.0.1:$port/nara"
  PG_STOP=("${run[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -m fast stop)
}

stop_postgres() {
  if [ -n "$PG_DIR" ]; then
    "${PG_STOP[@]}" >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
  fi
}

cmd_test() {
  install_missing
  build
  start_postgres
  trap stop_postgres EXIT
  log "running the test suite"
  cd "$BUILD_DIR"
  ctest --output-on-failure -j2 --timeout 600 "$@"
}

SERVER_PID=""
stop_server() { [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true; }

cmd_demo() {
  install_missing
  build nara-server nara
  local data="$ROOT/.nara/demo"
  mkdir -p "$data"
  local port="${NARA_DEMO_PORT:-8080}"
  log "starting nara-server with the demo region on http://127.0.0.1:$port"
  # SMS (form links, answers to patients) go to a file instead of a gateway; the webhook takes the
  # secret below; form links go by SMS only with --public-url (docs/operations.md, "SMS").
  "$BUILD_DIR/app/server/nara-server" --data-dir "$data" --port "$port" --demo \
    --public-url "http://127.0.0.1:$port" \
    --sms-secret demo-sms-secret-2026 --sms-outbox "$data/sms-outbox.jsonl" >"$data/server.log" 2>&1 &
  SERVER_PID=$!
  trap stop_server EXIT
  for _ in $(seq 1 100); do
    grep -q "listening on" "$data/server.log" 2>/dev/null && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$data/server.log"; exit 1; }
    sleep 0.2
  done
  sed -n '/Demo accounts/,/^$/p' "$data/server.log"
  log "outgoing SMS are written to $data/sms-outbox.jsonl"
  local args=(--server "http://127.0.0.1:$port" --user anna --password demo)
  # Chromium (the video call's web view) refuses to run as root with its sandbox on.
  [ "$(id -u)" -ne 0 ] || export QTWEBENGINE_DISABLE_SANDBOX=1
  if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    log "opening the workstation as anna (nurse)"
    "$BUILD_DIR/app/desktop/nara" "${args[@]}"
  else
    local shots="$ROOT/build/screenshots"
    log "no display: rendering the main views to $shots"
    [ -n "${XDG_RUNTIME_DIR:-}" ] || export XDG_RUNTIME_DIR=$(mktemp -d)
    QT_QPA_PLATFORM=offscreen "$BUILD_DIR/app/desktop/nara" "${args[@]}" --screenshots "$shots" 2>&1 \
      | grep -v "propagateSizeHints" || true
    ls -1 "$shots"/*.png
    log "screenshots are in $shots"
  fi
}

case "${1:-}" in
  demo) shift; cmd_demo "$@" ;;
  test) shift; cmd_test "$@" ;;
  *) echo "usage: ./nara.sh demo | ./nara.sh test" >&2; exit 2 ;;
esac
