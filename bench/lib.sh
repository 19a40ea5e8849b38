# Shared by bench/run.sh, bench/soak.sh and bench/cluster.sh: publish, start and stop servers by PID, time the first 200,
# read memory from /proc. Only 127.0.0.1; every loop and wait is bounded.

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RESULTS=$REPO/bench/results
PUBLISHED=$RESULTS/publish
STARTED_PIDS=()

say() { printf '%s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

stop_started() {
  local pid
  for pid in "${STARTED_PIDS[@]}"; do stop_pid "$pid"; done
  STARTED_PIDS=()
}
trap stop_started EXIT

# TERM, up to 5 s for a clean shutdown, then KILL: only processes this script started.
stop_pid() {
  local pid=$1 tries=0
  kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null && (( tries++ < 50 )); do sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

ensure_wrk() {
  command -v wrk >/dev/null && return 0
  [[ $(id -u) == 0 ]] || die "wrk is missing: apt-get install -y wrk (as root)"
  say "Installing Debian's wrk…"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
}

# publish NAME PROJECT: a Release build in bench/results/publish/NAME (SKIP_PUBLISH=1 reuses the last one), compiled
# ahead of time (ReadyToRun, for linux-x64, on the shared framework as before): the start JITs only what ReadyToRun
# cannot hold. READY_TO_RUN=false publishes as the dev build compiles, for a comparison.
publish() {
  local name=$1 project=$2
  if [[ ${SKIP_PUBLISH:-0} == 1 && -d $PUBLISHED/$name ]]; then return 0; fi
  say "Publishing $project (Release, ReadyToRun ${READY_TO_RUN:-true})…"
  rm -rf "${PUBLISHED:?}/$name"
  dotnet publish "$REPO/$project" -c Release -o "$PUBLISHED/$name" --nologo -v quiet \
    -r linux-x64 --self-contained false -p:PublishReadyToRun="${READY_TO_RUN:-true}" >"$RESULTS/publish-$name.log" 2>&1 \
    || die "publishing $project failed: see $RESULTS/publish-$name.log"
}

# status URL [curl options…]: the HTTP status code, 000 when nothing answered.
status() {
  local url=$1; shift
  curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$@" "$url" || true
}

# start_server NAME PORT ARGS…: runs `dotnet ARGS --urls http://127.0.0.1:PORT` from bench/results/publish/NAME
# in Production and sets SERVER_PID and SERVER_STARTED (ns). The port must be free: a stranger's
# server there would be measured instead.
start_server() {
  local name=$1 port=$2; shift 2
  [[ $(status "http://127.0.0.1:$port/") == 000 ]] || die "127.0.0.1:$port is already in use"
  SERVER_STARTED=$(date +%s%N)
  (cd "$PUBLISHED/$name" && ASPNETCORE_ENVIRONMENT=Production exec dotnet "$@" --urls "http://127.0.0.1:$port") \
    >>"$LOGS/$name.log" 2>&1 &
  SERVER_PID=$!
  STARTED_PIDS+=("$SERVER_PID")
}

# first_200_ms URL: milliseconds from SERVER_STARTED to the first 200 from URL.
first_200_ms() {
  local url=$1 tries=0 code
  while (( tries++ < 3000 )); do
    kill -0 "$SERVER_PID" 2>/dev/null || die "the server exited during startup: see $LOGS"
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url" || true)
    if [[ $code == 200 ]]; then
      echo $(( ($(date +%s%N) - SERVER_STARTED) / 1000000 ))
      return 0
    fi
    sleep 0.01
  done
  die "no 200 from $url after $tries tries"
}

# memory_mib PID FIELD: VmRSS (now) or VmHWM (peak) of a running process, in MiB.
memory_mib() {
  awk -v field="$2:" '$1 == field { printf "%.0f", $2 / 1024 }' "/proc/$1/status"
}

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

machine_summary() {
  printf -- '- machine: %s cores, %s MiB memory, %s; .NET SDK %s\n' "$(nproc)" \
    "$(free -m | awk '/^Mem:/ { print $2 }')" "$(uname -sr)" "$(dotnet --version)"
  printf -- '- commit: %s (%s)\n' "$(git -C "$REPO" rev-parse --short HEAD)" \
    "$(git -C "$REPO" status --porcelain | grep -q . && echo 'with local changes' || echo clean)"
}

# wrk_run URL CONNECTIONS DURATION LOG [HEADER]: "req/s p50_ms p99_ms status_errors socket_errors".
wrk_run() {
  local url=$1 connections=$2 duration=$3 log=$4 header=${5:-}
  local threads=$(( connections < 2 ? connections : 2 ))
  local seconds=${duration%s}
  [[ $seconds =~ ^[0-9]+$ ]] || seconds=600
  timeout $(( seconds + 30 )) wrk -t"$threads" -c"$connections" -d"$duration" --timeout 5s --latency \
    -s "$REPO/bench/wrk/measure.lua" ${header:+-H "$header"} "$url" >"$log" 2>&1 || true
  awk '/^BENCH/ { for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
         printf "%.0f %.2f %.2f %d %d\n", v["requests"] / (v["duration_us"] / 1e6), v["p50_us"] / 1000,
                v["p99_us"] / 1000, v["status_errors"], v["socket_errors"]; found = 1 }
       END { if (!found) print "0 0 0 0 0" }' "$log"
}

# load_average: the 1-minute load average (uptime's first figure).
load_average() { awk '{ print $1 }' /proc/loadavg; }

# wait_for_quiet: on a shared machine, waits up to QUIET_WAIT seconds (default 180) for the 1-minute load average
# to fall under QUIET_LOAD (default: the number of cores), polling every 10 s; then goes on whatever it is.
wait_for_quiet() {
  local limit=${QUIET_LOAD:-$(nproc)} waited=0
  while awk -v l="$(load_average)" -v max="$limit" 'BEGIN { exit !(l >= max) }' && (( waited < ${QUIET_WAIT:-180} )); do
    say "  load average $(load_average) ≥ $limit: waiting (${waited} s of ${QUIET_WAIT:-180})"
    sleep 10; waited=$(( waited + 10 ))
  done
}
