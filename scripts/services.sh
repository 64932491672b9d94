#!/usr/bin/env bash
# Makes sure PostgreSQL 15 and Redis 7 are available for LlmPlatform.
#
#   scripts/services.sh ensure MODE       start (or reuse) the project-local servers under .local/
#                                         and write .local/<mode>.env with DATABASE_URL and REDIS_URL
#                                         (MODE run keeps its data; test, bench and client get a fresh database)
#   scripts/services.sh stop              stop the project-local servers
#
# Each checkout runs its own servers: when the default port is another's, the next free one is taken and kept.
#
# When DATABASE_URL / REDIS_URL are already set, they are used as they are and nothing is started.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LOCAL="$ROOT/.local"
PG_PORT="${LLMPLATFORM_PG_PORT:-55432}"
REDIS_PORT="${LLMPLATFORM_REDIS_PORT:-56379}"
PG_USER="llmplatform"
PG_PASSWORD="llmplatform"

log() { printf '[services] %s\n' "$*" >&2; }

is_root() { [ "$(id -u)" = "0" ]; }

# Whether something accepts connections on 127.0.0.1:PORT.
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# The first port from $1 on that nothing listens on.
free_port_from() {
  local port="$1"
  while port_busy "$port"; do port=$((port + 1)); done
  echo "$port"
}

find_pg_bin() {
  local candidate
  for candidate in /usr/lib/postgresql/15/bin /usr/lib/postgresql/16/bin /usr/lib/postgresql/17/bin /usr/lib/postgresql/14/bin; do
    if [ -x "$candidate/pg_ctl" ] && [ -x "$candidate/initdb" ]; then echo "$candidate"; return 0; fi
  done
  if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
    dirname "$(readlink -f "$(command -v pg_ctl)")"; return 0
  fi
  return 1
}

install_packages() {
  local packages=("$@")
  if is_root && command -v apt-get >/dev/null 2>&1; then
    log "installing ${packages[*]} (Debian packages)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq "${packages[@]}" >/dev/null
  else
    log "missing ${packages[*]}. Install them with:"
    log "  sudo apt-get install -y ${packages[*]}"
    exit 1
  fi
}

# Runs a command as the unprivileged 'postgres' user when we are root (PostgreSQL refuses to run as root).
as_pg() {
  if is_root; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

pg_data_dir() {
  # PostgreSQL runs as 'postgres' when we are root; if that user cannot reach .local (a private home
  # directory, say), the data lives in a folder of its own and .local/pg points to it.
  if is_root && ! runuser -u postgres -- test -x "$LOCAL" 2>/dev/null; then
    local hash
    hash="$(printf '%s' "$ROOT" | sha256sum | cut -c1-12)"
    local dir="/var/lib/llmplatform/pg-$hash"
    mkdir -p "$dir"
    chown postgres:postgres "$dir"
    ln -sfn "$dir" "$LOCAL/pg"
    echo "$dir"
  else
    mkdir -p "$LOCAL/pg"
    echo "$LOCAL/pg"
  fi
}

ensure_postgres() {
  local bin
  if ! bin="$(find_pg_bin)"; then
    install_packages postgresql
    bin="$(find_pg_bin)"
  fi

  local dir
  dir="$(pg_data_dir)"
  local data="$dir/data"
  local sock="$dir/run"
  if is_root; then chown postgres:postgres "$dir"; fi
  as_pg mkdir -p "$sock"

  if [ ! -f "$data/PG_VERSION" ]; then
    if port_busy "$PG_PORT"; then
      # Another checkout's (or another) server has the port: this cluster takes the next free one.
      local wanted="$PG_PORT"
      PG_PORT="$(free_port_from "$PG_PORT")"
      log "port $wanted is taken; this cluster uses $PG_PORT"
    fi
    log "creating the PostgreSQL cluster in $data"
    local pwfile
    pwfile="$(mktemp)"
    printf '%s\n' "$PG_PASSWORD" >"$pwfile"
    chmod 644 "$pwfile"
    as_pg "$bin/initdb" -D "$data" -U "$PG_USER" --pwfile="$pwfile" --auth-local=trust --auth-host=scram-sha-256 -E UTF8 >/dev/null
    rm -f "$pwfile"
    {
      echo "listen_addresses = '127.0.0.1'"
      echo "port = $PG_PORT"
      echo "unix_socket_directories = '$sock'"
      echo "max_connections = 300"
      echo "shared_buffers = 128MB"
      echo "fsync = on"
      echo "logging_collector = off"
    } | as_pg tee -a "$data/postgresql.conf" >/dev/null
  fi

  # The cluster keeps the port it was created with (the last 'port =' line of its configuration).
  local configured
  configured="$(as_pg awk '/^port = /{p=$3} END{print p}' "$data/postgresql.conf")"
  PG_PORT="${configured:-$PG_PORT}"
  if ! as_pg "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    if port_busy "$PG_PORT"; then
      local taken="$PG_PORT"
      PG_PORT="$(free_port_from "$PG_PORT")"
      log "port $taken is taken; moving this cluster to $PG_PORT"
      echo "port = $PG_PORT" | as_pg tee -a "$data/postgresql.conf" >/dev/null
    fi
    log "starting PostgreSQL on 127.0.0.1:$PG_PORT"
    as_pg "$bin/pg_ctl" -D "$data" -l "$dir/postgresql.log" -w -t 60 start >/dev/null
  fi

  export PGOPTIONS="-c client_min_messages=warning"
  PSQL=("$bin/psql" -h "$sock" -p "$PG_PORT" -U "$PG_USER" -d postgres -v ON_ERROR_STOP=1 -qAt)
}

ensure_database() {
  local name="$1" fresh="$2"
  if [ "$fresh" = "fresh" ]; then
    as_pg "${PSQL[@]}" -c "DROP DATABASE IF EXISTS $name WITH (FORCE)" >/dev/null
  fi
  if [ -z "$(as_pg "${PSQL[@]}" -c "SELECT 1 FROM pg_database WHERE datname = '$name'")" ]; then
    as_pg "${PSQL[@]}" -c "CREATE DATABASE $name" >/dev/null
  fi
}

# Whether this checkout's own Redis (the one its pid file names) answers on REDIS_PORT.
own_redis_running() {
  local pid_file="$LOCAL/redis/redis.pid" pid answering
  [ -f "$pid_file" ] || return 1
  pid="$(cat "$pid_file")"
  answering="$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" info server 2>/dev/null | tr -d '\r' | awk -F: '/^process_id:/{print $2}')"
  [ -n "$pid" ] && [ "$answering" = "$pid" ]
}

ensure_redis() {
  if ! command -v redis-server >/dev/null 2>&1; then
    install_packages redis-server
  fi
  mkdir -p "$LOCAL/redis"
  # Each checkout runs a Redis of its own, as it runs a PostgreSQL cluster of its own: a Redis shared with another
  # checkout would see its databases flushed by that checkout's tests, and stop accepting writes once that
  # checkout's folder (where it saves) is deleted.
  local port_file="$LOCAL/redis/port"
  if [ -f "$port_file" ]; then REDIS_PORT="$(cat "$port_file")"; fi
  if own_redis_running; then
    return
  fi
  if port_busy "$REDIS_PORT"; then
    local taken="$REDIS_PORT"
    REDIS_PORT="$(free_port_from "$REDIS_PORT")"
    log "port $taken is taken; this checkout's Redis uses $REDIS_PORT"
  fi
  echo "$REDIS_PORT" >"$port_file"
  log "starting Redis on 127.0.0.1:$REDIS_PORT"
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --dir "$LOCAL/redis" --daemonize yes \
    --pidfile "$LOCAL/redis/redis.pid" --logfile "$LOCAL/redis/redis.log" --appendonly yes --save "60 1" >/dev/null
  for _ in $(seq 1 50); do
    redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1 && break
    sleep 0.1
  done
}

cmd_ensure() {
  local mode="${1:-run}"
  mkdir -p "$LOCAL"
  local env_file="$LOCAL/$mode.env"
  local database_url="${DATABASE_URL:-}"
  local redis_url="${REDIS_URL:-}"

  if [ -z "$database_url" ]; then
    ensure_postgres
    local db="llmplatform"
    local fresh="keep"
    if [ "$mode" != "run" ]; then db="llmplatform_$mode"; fresh="fresh"; fi
    ensure_database "$db" "$fresh"
    database_url="postgresql://$PG_USER:$PG_PASSWORD@127.0.0.1:$PG_PORT/$db"
  else
    log "using DATABASE_URL from the environment"
  fi

  if [ -z "$redis_url" ]; then
    ensure_redis
    local index=0
    if [ "$mode" = "test" ]; then index=1; fi
    if [ "$mode" = "bench" ]; then index=2; fi
    if [ "$mode" = "client" ]; then index=3; fi
    redis-cli -h 127.0.0.1 -p "$REDIS_PORT" -n "$index" flushdb >/dev/null 2>&1 || true
    redis_url="redis://127.0.0.1:$REDIS_PORT/$index"
  else
    log "using REDIS_URL from the environment"
  fi

  {
    echo "DATABASE_URL=$database_url"
    echo "REDIS_URL=$redis_url"
  } >"$env_file"
  log "ready: $env_file"
}

cmd_stop() {
  local bin
  if bin="$(find_pg_bin)" && [ -e "$LOCAL/pg/data/PG_VERSION" ]; then
    as_pg "$bin/pg_ctl" -D "$LOCAL/pg/data" -m fast stop >/dev/null 2>&1 || true
  fi
  if [ -f "$LOCAL/redis/port" ]; then REDIS_PORT="$(cat "$LOCAL/redis/port")"; fi
  if own_redis_running; then
    redis-cli -h 127.0.0.1 -p "$REDIS_PORT" shutdown >/dev/null 2>&1 || true
  fi
  log "stopped"
}

case "${1:-}" in
  ensure) shift; cmd_ensure "$@" ;;
  stop) cmd_stop ;;
  *) echo "usage: $0 ensure run|test|bench|client | stop" >&2; exit 2 ;;
esac
