#!/usr/bin/env bash
# Where one request's time goes: HelloMvc (Release, ReadyToRun, Production, 127.0.0.1) under wrk -c64, with
# dotnet-trace (the runtime's sampled thread time) and dotnet-counters (GC, allocations, JIT) attached for the same
# seconds. bench/profile.py turns each trace into µs per request for each middleware, filter, view, partial and view
# component. Everything lands in bench/results/profile-<timestamp>/ (the table in table.md).
#
#   bench/profile.sh                         # /http/hello and /http/post, 15 s each
#   PAGES="/hello /http/hello" TRACE=10 bench/profile.sh
#   SKIP_PUBLISH=1 bench/profile.sh          # reuse the last publish
#
# Needs the tools: dotnet tool install -g dotnet-trace dotnet-counters dotnet-gcdump
set -euo pipefail
source "$(dirname "$0")/lib.sh"
export PATH=$PATH:$HOME/.dotnet/tools

PAGES=${PAGES:-/http/hello /http/post}
TRACE=${TRACE:-15}
WARMUP=${WARMUP:-15}
PROFILE_PORT=${PROFILE_PORT:-5184}
SITE=http://127.0.0.1:$PROFILE_PORT

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
LOGS=$RESULTS/profile-$STAMP
mkdir -p "$LOGS"
ensure_wrk
for tool in dotnet-trace dotnet-counters dotnet-gcdump; do
  command -v "$tool" >/dev/null || die "$tool is missing: dotnet tool install -g $tool"
done
publish web HelloMvc.Web/HelloMvc.Web.csproj
wait_for_quiet

say "Starting HelloMvc on $SITE…"
start_server web "$PROFILE_PORT" HelloMvc.Web.dll
startup=$(first_200_ms "$SITE/http/hello")
PID=$SERVER_PID

# wrk_for SECONDS PATH OUT: -c64 on one page, in the background; sets WRK_PID.
wrk_for() {
  timeout $(( $1 + 30 )) wrk -t2 -c64 -d"$1s" --latency -s "$REPO/bench/wrk/measure.lua" "$SITE$2" >"$3" 2>&1 &
  WRK_PID=$!; STARTED_PIDS+=("$WRK_PID")
}

{
  echo "# bench/profile.sh, $STAMP"
  echo
  machine_summary
  echo "- startup (launch → first 200 of /http/hello): $startup ms; wrk -t2 -c64; ${WARMUP} s of warm-up per page, then ${TRACE} s traced"
  echo
} >"$LOGS/table.md"

for page in $PAGES; do
  name=$(echo "$page" | tr -c 'a-zA-Z0-9' '_')
  say "Warming $page for ${WARMUP} s…"
  wrk_for "$WARMUP" "$page" "$LOGS/$name-warmup.txt"; wait "$WRK_PID" || true
  load=$(uptime | sed 's/.*load average: //')
  say "Tracing $page for ${TRACE} s (load average $load)…"
  wrk_for "$TRACE" "$page" "$LOGS/$name-wrk.txt"
  # The trace and the counters start together with wrk and end before it does, so every sample is under load.
  timeout $(( TRACE + 60 )) dotnet-trace collect -p "$PID" --profile dotnet-sampled-thread-time \
    --duration "00:00:00:$(printf '%02d' $(( TRACE - 2 )))" -o "$LOGS/$name.nettrace" >"$LOGS/$name-trace.log" 2>&1 &
  trace_pid=$!; STARTED_PIDS+=("$trace_pid")
  timeout $(( TRACE + 60 )) dotnet-counters collect -p "$PID" --format csv -o "$LOGS/$name-counters.csv" \
    --counters System.Runtime,Microsoft.AspNetCore.Hosting --duration "00:00:00:$(printf '%02d' $(( TRACE - 2 )))" \
    >"$LOGS/$name-counters.log" 2>&1 &
  counters_pid=$!; STARTED_PIDS+=("$counters_pid")
  wait "$trace_pid" || say "  warning: dotnet-trace failed: see $LOGS/$name-trace.log"
  wait "$counters_pid" || say "  warning: dotnet-counters failed: see $LOGS/$name-counters.log"
  wait "$WRK_PID" || true
  rate=$(awk '/^BENCH/ { for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
                         printf "%.0f", v["requests"] / (v["duration_us"] / 1e6) }' "$LOGS/$name-wrk.txt")
  dotnet-trace convert --format Speedscope -o "$LOGS/$name.json" "$LOGS/$name.nettrace" >/dev/null 2>&1 \
    || die "could not convert $LOGS/$name.nettrace"
  {
    echo "## $page: ${rate:-?} req/s under the trace (load average $load)"
    echo
    python3 "$REPO/bench/profile.py" "$LOGS/$name.speedscope.json" "${rate:-0}" $(( TRACE - 2 )) "$LOGS/$name-counters.csv"
    echo
  } >>"$LOGS/table.md"
done

# What the heap holds after the load: the types by retained size (dotnet-gcdump), beside RSS.
dotnet-gcdump collect -p "$PID" -o "$LOGS/after.gcdump" >"$LOGS/gcdump.log" 2>&1 || say "  warning: dotnet-gcdump failed"
{
  echo "## Memory after the load"
  echo
  echo "- RSS $(memory_mib "$PID" VmRSS) MiB, peak (VmHWM) $(memory_mib "$PID" VmHWM) MiB"
  echo
  echo '```'
  dotnet-gcdump report "$LOGS/after.gcdump" 2>/dev/null | head -25 || true
  echo '```'
} >>"$LOGS/table.md"
cat "$LOGS/table.md"
say "Written to $LOGS/table.md"
