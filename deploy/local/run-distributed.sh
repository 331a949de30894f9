#!/usr/bin/env bash
# Distributed mode from Debian packages (what CI and `build.ps1 run-distributed` use):
# RabbitMQ + PostgreSQL from deploy/local/infra.sh, then one process per service host.
#
#   PUSHINV_ADMIN_KEY=... deploy/local/run-distributed.sh start
#   deploy/local/run-distributed.sh stop
#   deploy/local/run-distributed.sh status
#
# Hosts (only those whose project folder exists are started), all on 127.0.0.1:
#   Catalog 5101, Mapping 5102, Rules 5103, Stock 5104, Push 5105, Sandbox 5090, Gateway 5100
# Logs and pid files: .data/distributed/{logs,pids}/<Name>.{log,pid}; data protection keys in
# .data/distributed/keys. Builds the existing host projects once (Release), then runs the built dlls,
# so several processes never build at the same time. PUSHINV_NO_BUILD=1 skips the build.
# PUSHINV_READY_TO_RUN=1 publishes the hosts ahead-of-time compiled (ReadyToRun, linux-x64) and runs those,
# as a production deployment would: fresh processes then start from compiled code instead of the JIT's first
# tier (the publish takes a few minutes on 2 cores).
# `stop` kills exactly the recorded pids, and stops the infra only if `start` started it.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
RUN_DIR="$REPO_ROOT/.data/distributed"
PID_DIR="$RUN_DIR/pids"
LOG_DIR="$RUN_DIR/logs"
KEYS_DIR="$RUN_DIR/keys"
INFRA="$SCRIPT_DIR/infra.sh"
INFRA_MARK="$RUN_DIR/infra-started-here"
HEALTH_DEADLINE="${PUSHINV_HEALTH_DEADLINE:-120}"
CONFIG=Release
TFM=net10.0
READY_TO_RUN="${PUSHINV_READY_TO_RUN:-0}"
RID=linux-x64

# name | project folder (relative to repo) | assembly | port   -- order = start order
HOSTS=(
  "Catalog|services/Catalog/Catalog.Host|PushInventory.Catalog.Host|5101"
  "Mapping|services/Mapping/Mapping.Host|PushInventory.Mapping.Host|5102"
  "Rules|services/Rules/Rules.Host|PushInventory.Rules.Host|5103"
  "Stock|services/Stock/Stock.Host|PushInventory.Stock.Host|5104"
  "Push|services/Push/Push.Host|PushInventory.Push.Host|5105"
  "Sandbox|services/Sandbox|PushInventory.Sandbox|5090"
  "Gateway|services/Gateway/Gateway.Host|PushInventory.Gateway.Host|5100"
)
# gateway cluster -> port of the owning service
CLUSTERS=("catalog|5101" "mapping|5102" "rules|5103" "stock|5104" "push|5105")

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

log() { echo "run-distributed: $*" >&2; }
die() { echo "run-distributed: ERROR: $*" >&2; exit 1; }

read_pid() { [ -s "$1" ] && tr -dc '0-9' < "$1" || true; }
alive() {
  [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null || return 1
  local state; state="$(sed -E 's/^[0-9]+ \(.*\) ([A-Za-z]).*/\1/' "/proc/$1/stat" 2>/dev/null || echo Z)"
  [ "$state" != Z ] && [ "$state" != X ]
}
pid_matches() { alive "$1" && tr '\0' '\n' < "/proc/$1/cmdline" 2>/dev/null | grep -qF -- "$2"; }

http_ok() {  # url -> 0 if HTTP 2xx
  if command -v curl >/dev/null 2>&1; then
    curl -fsS -o /dev/null --max-time 5 "$1" 2>/dev/null
  else
    local rest="${1#http://}" hostport path status
    hostport="${rest%%/*}"; path="/${rest#*/}"
    exec 3<>"/dev/tcp/${hostport%:*}/${hostport##*:}" 2>/dev/null || return 1
    printf 'GET %s HTTP/1.0\r\nHost: %s\r\n\r\n' "$path" "$hostport" >&3
    read -r -t 5 _ status _ <&3 || status=0
    exec 3<&- 3>&-
    [[ "$status" == 2* ]]
  fi
}

existing_hosts() {
  local h dir
  for h in "${HOSTS[@]}"; do
    IFS='|' read -r _ dir _ _ <<< "$h"
    [ -d "$REPO_ROOT/$dir" ] && echo "$h"
  done
  return 0
}

build() {
  [ "${PUSHINV_NO_BUILD:-0}" = 1 ] && { log "PUSHINV_NO_BUILD=1: not building"; return; }
  # Only the host projects (not the whole solution: a test project that does not compile must not
  # block running the services), one after the other; each build after the first is incremental.
  local name dir
  while IFS='|' read -r name dir _ _; do
    if [ "$READY_TO_RUN" = 1 ]; then
      log "dotnet publish $dir -c $CONFIG -r $RID (ReadyToRun)"
      (cd "$REPO_ROOT" && dotnet publish "$dir" -c "$CONFIG" -r "$RID" --self-contained false -p:PublishReadyToRun=true \
        -o "$(host_dir "$dir")" -nologo -v quiet) || die "publish of $dir failed"
    else
      log "dotnet build $dir -c $CONFIG"
      (cd "$REPO_ROOT" && dotnet build "$dir" -c "$CONFIG" -nologo -v quiet) || die "build of $dir failed"
    fi
  done < <(existing_hosts)
}

# Where a host's dlls are run from: the build output, or its ReadyToRun publish.
host_dir() {
  if [ "$READY_TO_RUN" = 1 ]; then echo "$REPO_ROOT/$1/bin/$CONFIG/$TFM/$RID/ready-to-run"
  else echo "$REPO_ROOT/$1/bin/$CONFIG/$TFM"; fi
}

stop_hosts() {
  local f pid name
  for f in "$PID_DIR"/*.pid; do
    [ -e "$f" ] || continue
    name="$(basename "$f" .pid)"; pid="$(read_pid "$f")"
    if pid_matches "$pid" ".dll"; then
      log "stopping $name (pid $pid)"
      kill -TERM "$pid" 2>/dev/null || true
    fi
  done
  for f in "$PID_DIR"/*.pid; do
    [ -e "$f" ] || continue
    pid="$(read_pid "$f")"
    local i
    for ((i = 0; i < 150; i++)); do pid_matches "$pid" ".dll" || break; sleep 0.1; done
    if pid_matches "$pid" ".dll"; then log "pid $pid ignored TERM for 15s, killing"; kill -KILL "$pid" 2>/dev/null || true; fi
    rm -f "$f"
  done
}

start() {
  [ -n "${PUSHINV_ADMIN_KEY:-}" ] || die "set PUSHINV_ADMIN_KEY (the gateway's admin API key) before starting"
  command -v dotnet >/dev/null 2>&1 || die "dotnet not found"
  mkdir -p "$PID_DIR" "$LOG_DIR" "$KEYS_DIR"

  local hosts; hosts="$(existing_hosts)"
  [ -n "$hosts" ] || die "no service host project folders found under services/"

  build   # before the infra, so a failed build leaves nothing running

  if ! "$INFRA" status >/dev/null 2>&1; then
    "$INFRA" start
    touch "$INFRA_MARK"
  else
    log "infra already running"
  fi
  eval "$("$INFRA" env)"

  local name dir asm port pid outdir started=()
  while IFS='|' read -r name dir asm port; do
    pid="$(read_pid "$PID_DIR/$name.pid")"
    if pid_matches "$pid" "$asm.dll"; then log "$name already running (pid $pid, :$port)"; continue; fi
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      stop_started "${started[@]}"; die "port $port (for $name) is taken by another process"
    fi
    outdir="$(host_dir "$dir")"
    [ -f "$outdir/$asm.dll" ] || { stop_started "${started[@]}"; die "$outdir/$asm.dll missing (build first)"; }
    local extra=()
    if [ "$name" = Gateway ]; then
      local c cname cport
      for c in "${CLUSTERS[@]}"; do
        IFS='|' read -r cname cport <<< "$c"
        extra+=("ReverseProxy__Clusters__${cname}__Destinations__default__Address=http://127.0.0.1:$cport/")
      done
    fi
    # cwd = output folder, so appsettings*.json there are found (content root = current directory)
    ( cd "$outdir"
      exec env \
        Messaging__Transport=RabbitMq \
        Persistence__Provider=Postgres \
        Gateway__AdminApiKey="$PUSHINV_ADMIN_KEY" \
        DataProtection__KeysDirectory="$KEYS_DIR" \
        "${extra[@]}" \
        setsid dotnet "$outdir/$asm.dll" --urls "http://127.0.0.1:$port" \
        > "$LOG_DIR/$name.log" 2>&1 < /dev/null ) &
    echo $! > "$PID_DIR/$name.pid"
    started+=("$name")
    log "started $name (pid $!, http://127.0.0.1:$port, log .data/distributed/logs/$name.log)"
  done <<< "$hosts"

  local deadline=$((SECONDS + HEALTH_DEADLINE)) failed=0
  while IFS='|' read -r name dir asm port; do
    pid="$(read_pid "$PID_DIR/$name.pid")"
    until http_ok "http://127.0.0.1:$port/health"; do
      if ! pid_matches "$pid" "$asm.dll"; then log "$name exited during startup:"; tail -n 30 "$LOG_DIR/$name.log" >&2 || true; failed=1; break; fi
      if [ $SECONDS -ge $deadline ]; then log "$name not healthy after ${HEALTH_DEADLINE}s:"; tail -n 30 "$LOG_DIR/$name.log" >&2 || true; failed=1; break; fi
      sleep 0.5
    done
    [ $failed = 1 ] && break
    log "$name healthy at http://127.0.0.1:$port/health"
  done <<< "$hosts"
  if [ $failed = 1 ]; then stop_hosts; die "distributed start failed (logs in $LOG_DIR)"; fi
  log "all hosts healthy; gateway: http://127.0.0.1:5100/ (if present)"
}

stop_started() { [ $# -gt 0 ] && stop_hosts; return 0; }

status() {
  local name dir asm port pid rc=0
  while IFS='|' read -r name dir asm port; do
    pid="$(read_pid "$PID_DIR/$name.pid")"
    if pid_matches "$pid" "$asm.dll"; then
      if http_ok "http://127.0.0.1:$port/health"; then echo "$name: running, healthy (pid $pid, :$port)"
      else echo "$name: running, NOT healthy (pid $pid, :$port)"; rc=1; fi
    else echo "$name: stopped"; rc=1; fi
  done < <(existing_hosts)
  "$INFRA" status || rc=1
  return $rc
}

case "${1:-}" in
  start) start ;;
  stop)
    stop_hosts
    if [ -e "$INFRA_MARK" ]; then "$INFRA" stop; rm -f "$INFRA_MARK"; else log "infra was not started by run-distributed.sh; leaving it running"; fi ;;
  status) status ;;
  *) echo "usage: PUSHINV_ADMIN_KEY=... $0 start | $0 stop | $0 status" >&2; exit 2 ;;
esac
