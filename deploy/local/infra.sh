#!/usr/bin/env bash
# Local infrastructure for the distributed mode and the integration tests:
# one RabbitMQ node and one PostgreSQL cluster, both private to this repository
# (own data folder, own ports, own node name, own Erlang cookie), loopback only.
#
#   deploy/local/infra.sh start  [DIR]   start both (idempotent), wait until ready, create role + databases
#   deploy/local/infra.sh stop   [DIR]   stop exactly the processes recorded in DIR/pids
#   deploy/local/infra.sh status [DIR]   say what runs (exit 0 only if both run)
#   deploy/local/infra.sh env    [DIR]   print `export` lines (connection strings) for shells: eval "$(infra.sh env)"
#
# DIR defaults to <repo>/.data/infra. Must run as root (PostgreSQL runs as the `postgres` user,
# RabbitMQ runs as the invoking user with HOME pointed into DIR so the Erlang cookie is ours).
#
# Ports/names (override with env if you run a second copy):
#   PUSHINV_RABBIT_PORT (5673)  AMQP, 127.0.0.1 only
#   PUSHINV_RABBIT_DIST_PORT (25673)  Erlang distribution, 127.0.0.1 only
#   PUSHINV_RABBIT_NODE (pushinventory@localhost)
#   PUSHINV_PG_PORT (5433)  PostgreSQL, 127.0.0.1 + a unix socket inside the PG folder
# epmd (port 4369) is shared by all Erlang nodes of the machine; it is started on demand by
# the Erlang VM and deliberately left running by `stop` (it is not ours alone).
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"

CMD="${1:-}"
DIR="${2:-$REPO_ROOT/.data/infra}"

RABBIT_PORT="${PUSHINV_RABBIT_PORT:-5673}"
RABBIT_DIST_PORT="${PUSHINV_RABBIT_DIST_PORT:-25673}"
RABBIT_NODE="${PUSHINV_RABBIT_NODE:-pushinventory@localhost}"
PG_PORT="${PUSHINV_PG_PORT:-5433}"
DEADLINE_SECONDS="${PUSHINV_INFRA_DEADLINE:-180}"

PG_ROLE=pushinventory
PG_ROLE_PASSWORD=pushinventory
PG_SUPERUSER=postgres
PG_SUPERUSER_PASSWORD=postgres
DATABASES=(catalog mapping rules stock push gateway)

log() { echo "infra: $*" >&2; }
die() { echo "infra: ERROR: $*" >&2; exit 1; }

usage() { echo "usage: $0 start|stop|status|env [DIR]" >&2; exit 2; }

# ---------------------------------------------------------------- paths
abs_dir() { mkdir -p "$1" && (cd "$1" && pwd -P); }

resolve_paths() {
  DIR="$(abs_dir "$DIR")"
  PIDS="$DIR/pids"
  RMQ="$DIR/rabbitmq"
  RMQ_HOME="$RMQ/home"            # HOME of the RabbitMQ server and CLI => $RMQ_HOME/.erlang.cookie
  RMQ_PIDFILE="$PIDS/rabbitmq.pid"          # the Erlang VM (written by RabbitMQ itself)
  RMQ_LAUNCHER_PIDFILE="$PIDS/rabbitmq-launcher.pid"  # the rabbitmq-server shell wrapper
  PG_PIDFILE="$PIDS/postgres.pid"
  mkdir -p "$PIDS"
}

# RabbitMQ CLI/server environment. We call /usr/lib/rabbitmq/bin/* directly: the /usr/sbin
# wrappers of the Debian package `su` to the rabbitmq user and reset HOME to /var/lib/rabbitmq,
# which would give us the system node's cookie. Running the node as root is fine for a dev node.
RMQ_BIN=/usr/lib/rabbitmq/bin
rmq_env() {
  export HOME="$RMQ_HOME"
  export RABBITMQ_NODENAME="$RABBIT_NODE"
  export RABBITMQ_USE_LONGNAME=false
  export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
  export RABBITMQ_NODE_PORT="$RABBIT_PORT"
  export RABBITMQ_DIST_PORT="$RABBIT_DIST_PORT"
  export RABBITMQ_CONF_ENV_FILE="$RMQ/rabbitmq-env.conf"      # ignore /etc/rabbitmq/rabbitmq-env.conf
  export RABBITMQ_CONFIG_FILE="$RMQ/rabbitmq.conf"
  export RABBITMQ_ADVANCED_CONFIG_FILE="$RMQ/advanced.config"
  export RABBITMQ_CONFIG_FILES="$RMQ/conf.d"                  # ignore /etc/rabbitmq/conf.d
  export RABBITMQ_ENABLED_PLUGINS_FILE="$RMQ/enabled_plugins"
  export RABBITMQ_MNESIA_BASE="$RMQ/mnesia"
  export RABBITMQ_LOG_BASE="$RMQ/log"
  export RABBITMQ_PID_FILE="$RMQ_PIDFILE"
  # No scheduler busy-waiting: on a small shared machine a spinning Erlang scheduler takes the core another
  # process (PostgreSQL, the services) needs. RabbitMQ's docs recommend this where cores are shared.
  export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1} +sbwt none +sbwtdcpu none +sbwtdio none"
  export ERL_EPMD_ADDRESS=127.0.0.1   # only matters if our node is the one that starts epmd
  unset RABBITMQ_ALLOW_INPUT RABBITMQ_ERLANG_COOKIE || true
}

rmqctl() { ( rmq_env; cd "$RMQ_HOME"; "$RMQ_BIN/rabbitmqctl" -n "$RABBIT_NODE" "$@" ); }

# PostgreSQL refuses to run as root and its files must belong to `postgres`, who must be able to
# traverse every parent directory of its data directory. A repository under /work is normally
# world-traversable, but a clone under /tmp (mktemp -d => mode 700) or a home directory is not,
# and unix socket paths are limited to ~107 bytes. Rather than chmod-ing the user's directories,
# we keep PG in DIR/postgres when `postgres` can reach it and the socket path is short enough, and
# otherwise in /tmp/pushinventory-pg-<hash of DIR> (owned by postgres, mode 700) with a symlink
# DIR/postgres pointing at it. The choice is made once (when DIR/postgres does not exist yet).
resolve_pg_paths() {
  PGBIN="${PUSHINV_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}"
  [ -x "$PGBIN/postgres" ] || die "PostgreSQL server binaries not found (run deploy/local/install-prereqs.sh)"
  local link="$DIR/postgres"
  if [ -L "$link" ]; then
    PGROOT="$(readlink "$link")"
  elif [ -d "$link" ]; then
    PGROOT="$link"
  else
    PGROOT="$link"
    if ! runuser -u postgres -- test -x "$DIR" 2>/dev/null || [ ${#link} -gt 80 ]; then
      PGROOT="/tmp/pushinventory-pg-$(printf '%s' "$DIR" | sha256sum | cut -c1-12)"
    fi
  fi
  if [ "$PGROOT" != "$link" ] && [ ! -e "$link" ]; then ln -s "$PGROOT" "$link"; fi
  PGDATA_DIR="$PGROOT/data"
  PGSOCK="$PGROOT/run"
  PGLOG="$PGROOT/postgres.log"
}

# ---------------------------------------------------------------- process helpers
read_pid() { [ -s "$1" ] && tr -dc '0-9' < "$1" || true; }
# alive = exists and is not a zombie (an orphan's zombie lingers if pid 1 does not reap, e.g. in sandboxes)
alive() {
  [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null || return 1
  local state; state="$(sed -E 's/^[0-9]+ \(.*\) ([A-Za-z]).*/\1/' "/proc/$1/stat" 2>/dev/null || echo Z)"
  [ "$state" != Z ] && [ "$state" != X ]
}
# true if pid is alive and its command line or environment contains the given text (guards
# against pid reuse; the Erlang VM gets its data folders through the environment).
pid_matches() {
  alive "$1" && cat "/proc/$1/cmdline" "/proc/$1/environ" 2>/dev/null | tr '\0' '\n' | grep -qF -- "$2"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

kill_and_wait() {  # pid, grace seconds
  local pid="$1" grace="${2:-20}" i
  alive "$pid" || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < grace * 10; i++)); do alive "$pid" || return 0; sleep 0.1; done
  log "pid $pid did not exit after ${grace}s, sending KILL"
  kill -KILL "$pid" 2>/dev/null || true
  for ((i = 0; i < 50; i++)); do alive "$pid" || return 0; sleep 0.1; done
}

rabbit_running() { pid_matches "$(read_pid "$RMQ_PIDFILE")" "RABBITMQ_MNESIA_BASE=$RMQ/mnesia"; }
pg_running() { pid_matches "$(read_pid "$PG_PIDFILE")" "$PGDATA_DIR"; }

# ---------------------------------------------------------------- RabbitMQ
rabbit_prepare() {
  mkdir -p "$RMQ_HOME" "$RMQ/mnesia" "$RMQ/log" "$RMQ/conf.d"
  if [ ! -s "$RMQ_HOME/.erlang.cookie" ]; then
    (umask 077; head -c 48 /dev/urandom | sha256sum | cut -c1-32 | tr 'a-f' 'A-F' > "$RMQ_HOME/.erlang.cookie")
  fi
  chmod 400 "$RMQ_HOME/.erlang.cookie"
  : > "$RMQ/rabbitmq-env.conf"
  echo '[].' > "$RMQ/enabled_plugins"    # no plugins (no management UI, no extra ports)
  cat > "$RMQ/rabbitmq.conf" <<CONF
# generated by deploy/local/infra.sh; listener address/port come from RABBITMQ_NODE_IP_ADDRESS/PORT
loopback_users.guest = true
disk_free_limit.absolute = 50MB
log.file.level = info
log.console = false
CONF
}

rabbit_start() {
  if rabbit_running; then
    log "RabbitMQ already running (node $RABBIT_NODE, pid $(read_pid "$RMQ_PIDFILE"), amqp 127.0.0.1:$RABBIT_PORT)"
  else
    [ -x "$RMQ_BIN/rabbitmq-server" ] || die "RabbitMQ not installed (run deploy/local/install-prereqs.sh)"
    if port_open "$RABBIT_PORT"; then die "port $RABBIT_PORT is taken by another process; not starting RabbitMQ"; fi
    rabbit_prepare
    rm -f "$RMQ_PIDFILE"
    log "starting RabbitMQ node $RABBIT_NODE (amqp 127.0.0.1:$RABBIT_PORT, dist $RABBIT_DIST_PORT, data $RMQ)"
    ( rmq_env; cd "$RMQ_HOME"
      exec setsid "$RMQ_BIN/rabbitmq-server" > "$RMQ/log/startup.log" 2>&1 < /dev/null 9>&- ) &
    echo $! > "$RMQ_LAUNCHER_PIDFILE"
  fi
  rabbit_wait
}

rabbit_wait() {
  local deadline=$((SECONDS + DEADLINE_SECONDS)) launcher
  launcher="$(read_pid "$RMQ_LAUNCHER_PIDFILE")"
  until port_open "$RABBIT_PORT" && rabbit_running; do
    if [ -n "$launcher" ] && ! alive "$launcher" && ! rabbit_running; then
      tail -n 40 "$RMQ/log/startup.log" >&2 || true
      die "RabbitMQ exited during startup (see $RMQ/log)"
    fi
    [ $SECONDS -lt $deadline ] || { tail -n 40 "$RMQ/log/startup.log" >&2 || true; die "RabbitMQ not ready after ${DEADLINE_SECONDS}s"; }
    sleep 0.5
  done
  local left=$((deadline - SECONDS)); [ $left -gt 5 ] || left=5
  rmqctl -q await_startup --timeout "$left" >/dev/null || die "RabbitMQ did not finish booting (see $RMQ/log)"
  log "RabbitMQ ready: amqp://127.0.0.1:$RABBIT_PORT/ (node $RABBIT_NODE, pid $(read_pid "$RMQ_PIDFILE"))"
}

rabbit_stop() {
  local pid launcher
  pid="$(read_pid "$RMQ_PIDFILE")"; launcher="$(read_pid "$RMQ_LAUNCHER_PIDFILE")"
  if pid_matches "$pid" "RABBITMQ_MNESIA_BASE=$RMQ/mnesia"; then
    log "stopping RabbitMQ node $RABBIT_NODE (pid $pid)"
    timeout 90 bash -c "$(declare -f rmqctl rmq_env); $(declare -p RMQ RMQ_HOME RMQ_BIN RABBIT_NODE RABBIT_PORT RABBIT_DIST_PORT RMQ_PIDFILE); rmqctl -q stop '$RMQ_PIDFILE'" >/dev/null 2>&1 \
      || log "rabbitmqctl stop failed; killing pid $pid"
    kill_and_wait "$pid" 20
  else
    log "RabbitMQ not running"
  fi
  if pid_matches "$launcher" "rabbitmq-server"; then kill_and_wait "$launcher" 10; fi
  rm -f "$RMQ_PIDFILE" "$RMQ_LAUNCHER_PIDFILE"
}

# ---------------------------------------------------------------- PostgreSQL
pg() { runuser -u postgres -- "$@"; }
psql_super() { ( cd /; "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PGSOCK" -p "$PG_PORT" -U "$PG_SUPERUSER" -d postgres "$@" ); }

pg_prepare() {
  if [ -e "$PGROOT" ] && [ "$(stat -c %U "$PGROOT")" != postgres ]; then
    if [ "$PGROOT" = "$DIR/postgres" ]; then chown postgres:postgres "$PGROOT"
    else die "$PGROOT exists but is not owned by postgres; remove it"; fi
  fi
  mkdir -p "$PGROOT"
  chown postgres:postgres "$PGROOT"; chmod 700 "$PGROOT"
  pg mkdir -p "$PGSOCK"
  if [ ! -s "$PGDATA_DIR/PG_VERSION" ]; then
    log "initdb $PGDATA_DIR"
    local pw="$PGROOT/.pwfile"
    printf '%s\n' "$PG_SUPERUSER_PASSWORD" > "$pw"; chown postgres:postgres "$pw"; chmod 600 "$pw"
    (cd / && pg "$PGBIN/initdb" -D "$PGDATA_DIR" -U "$PG_SUPERUSER" --pwfile="$pw" \
        --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --no-locale) > "$PGROOT/initdb.log" 2>&1 \
      || { rm -f "$pw"; cat "$PGROOT/initdb.log" >&2; die "initdb failed"; }
    rm -f "$pw"
    echo "include_if_exists = 'pushinventory.conf'" | pg tee -a "$PGDATA_DIR/postgresql.conf" >/dev/null
  fi
  # Regenerated on every start: loopback only, our port, socket inside our folder, fast and unsafe.
  pg tee "$PGDATA_DIR/pushinventory.conf" >/dev/null <<CONF
# generated by deploy/local/infra.sh (dev/test instance: durability traded for speed)
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PGSOCK'
max_connections = 300
fsync = off
synchronous_commit = off
full_page_writes = off
# The push states and the outbox are small tables updated thousands of times a second under load: look for
# dead rows every 5 s instead of every minute, or a burst leaves them bloated for the next one.
autovacuum_naptime = 5s
# The Push service's settle and its recomputes write the same push states and may, rarely, deadlock under load
# (PostgreSQL aborts one, which is redone). The default 1 s before the check made each such deadlock a 1 s stall
# of pushes; waits this long are rare otherwise.
deadlock_timeout = 100ms
# per-statement timings (CREATE EXTENSION pg_stat_statements; then query the view) for finding hot queries
shared_preload_libraries = 'pg_stat_statements'
CONF
}

pg_start() {
  if pg_running; then
    log "PostgreSQL already running (pid $(read_pid "$PG_PIDFILE"), 127.0.0.1:$PG_PORT)"
  else
    if port_open "$PG_PORT"; then die "port $PG_PORT is taken by another process; not starting PostgreSQL"; fi
    pg_prepare
    log "starting PostgreSQL (127.0.0.1:$PG_PORT, data $PGDATA_DIR)"
    (cd / && pg "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -l "$PGLOG" -w -t "$DEADLINE_SECONDS" -s start 9>&-) \
      || { tail -n 40 "$PGLOG" >&2 || true; die "PostgreSQL failed to start (see $PGLOG)"; }
    head -n 1 "$PGDATA_DIR/postmaster.pid" > "$PG_PIDFILE"
  fi
  local deadline=$((SECONDS + DEADLINE_SECONDS))
  until "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"; do
    [ $SECONDS -lt $deadline ] || die "PostgreSQL not ready after ${DEADLINE_SECONDS}s (see $PGLOG)"
    sleep 0.5
  done
  pg_provision
  log "PostgreSQL ready: 127.0.0.1:$PG_PORT (pid $(read_pid "$PG_PIDFILE")), databases: ${DATABASES[*]}"
}

pg_provision() {
  {
    cat <<SQL
ALTER ROLE $PG_SUPERUSER PASSWORD '$PG_SUPERUSER_PASSWORD';
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_ROLE') THEN
    CREATE ROLE $PG_ROLE LOGIN CREATEDB PASSWORD '$PG_ROLE_PASSWORD';
  ELSE
    ALTER ROLE $PG_ROLE LOGIN CREATEDB PASSWORD '$PG_ROLE_PASSWORD';
  END IF;
END \$\$;
SQL
    for db in "${DATABASES[@]}"; do
      echo "SELECT 'CREATE DATABASE $db OWNER $PG_ROLE' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$db')\\gexec"
      echo "ALTER DATABASE $db OWNER TO $PG_ROLE;"
    done
  } | psql_super >/dev/null || die "could not create role/databases"
}

pg_stop() {
  local pid; pid="$(read_pid "$PG_PIDFILE")"
  if pid_matches "$pid" "$PGDATA_DIR"; then
    log "stopping PostgreSQL (pid $pid)"
    (cd / && pg "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -m fast -w -t 60 -s stop) || log "pg_ctl stop failed; killing pid $pid"
    kill_and_wait "$pid" 20
  else
    log "PostgreSQL not running"
  fi
  rm -f "$PG_PIDFILE"
}

# ---------------------------------------------------------------- commands
print_env() {
  local q="'"
  echo "export ConnectionStrings__RabbitMq=${q}amqp://guest:guest@127.0.0.1:$RABBIT_PORT/${q}"
  local db name
  for db in "${DATABASES[@]}"; do
    name="$(tr '[:lower:]' '[:upper:]' <<< "${db:0:1}")${db:1}"
    echo "export ConnectionStrings__${name}Db=${q}Host=127.0.0.1;Port=$PG_PORT;Database=$db;Username=$PG_ROLE;Password=$PG_ROLE_PASSWORD${q}"
  done
  echo "export PUSHINV_PG_ADMIN=${q}Host=127.0.0.1;Port=$PG_PORT;Database=postgres;Username=$PG_SUPERUSER;Password=$PG_SUPERUSER_PASSWORD${q}"
}

status() {
  local rc=0
  if rabbit_running; then
    echo "rabbitmq: running (node $RABBIT_NODE, pid $(read_pid "$RMQ_PIDFILE"), amqp 127.0.0.1:$RABBIT_PORT, data $RMQ)"
  else echo "rabbitmq: stopped"; rc=1; fi
  if pg_running; then
    echo "postgres: running (pid $(read_pid "$PG_PIDFILE"), 127.0.0.1:$PG_PORT, data $PGDATA_DIR)"
  else echo "postgres: stopped"; rc=1; fi
  return $rc
}

[ -n "$CMD" ] || usage
case "$CMD" in
  env)
    print_env ;;
  start|stop|status)
    [ "$(id -u)" = 0 ] || die "must run as root (PostgreSQL is run as the postgres user via runuser)"
    resolve_paths
    resolve_pg_paths
    exec 9> "$DIR/.lock"
    flock -w "$DEADLINE_SECONDS" 9 || die "another infra.sh holds $DIR/.lock"
    case "$CMD" in
      start) pg_start; rabbit_start; log "started; connection strings: $0 env" ;;
      stop) rabbit_stop; pg_stop ;;
      status) status ;;
    esac ;;
  *) usage ;;
esac
