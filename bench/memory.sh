#!/usr/bin/env bash
# What HelloMvc's resident memory holds, and what the runtime's GC settings do to it: the published site (Release,
# ReadyToRun, Production, 127.0.0.1) started once per setting, loaded with wrk -c64 over a lesson page, the output-cached
# post page and the index, then read from /proc: peak and current RSS, and RSS by what is mapped (the managed heap and
# other anonymous memory, the assemblies' files, the runtime's native libraries, thread stacks), with the GC's own
# figures from dotnet-counters. The same for bench/Baseline with the default settings, for scale.
#
#   bench/memory.sh                          # every setting below, 15 s of load each
#   SETTINGS="default workstation" LOAD=10 SKIP_PUBLISH=1 bench/memory.sh
set -euo pipefail
source "$(dirname "$0")/lib.sh"
export PATH=$PATH:$HOME/.dotnet/tools

LOAD=${LOAD:-15}
MEMORY_PORT=${MEMORY_PORT:-5185}
SITE=http://127.0.0.1:$MEMORY_PORT
SETTINGS=${SETTINGS:-default workstation workstation-nonconcurrent conserve no-tiered-pgo hard-limit}

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
LOGS=$RESULTS/memory-$STAMP
mkdir -p "$LOGS"
ensure_wrk
publish web HelloMvc.Web/HelloMvc.Web.csproj
publish baseline bench/Baseline/Baseline.csproj

# environment SETTING: the runtime's settings (DOTNET_* variables, as runtimeconfig.json would set them) of each row.
environment() {
  case $1 in
    default) echo "" ;;
    workstation) echo "DOTNET_gcServer=0" ;;
    workstation-nonconcurrent) echo "DOTNET_gcServer=0 DOTNET_gcConcurrent=0" ;;
    conserve) echo "DOTNET_GCConserveMemory=5" ;;
    no-tiered-pgo) echo "DOTNET_TieredPGO=0" ;;
    hard-limit) echo "DOTNET_GCHeapHardLimit=0x4000000" ;;
    *) die "unknown setting $1" ;;
  esac
}

# by_mapping PID: RSS in MiB by what is mapped, from /proc/PID/smaps.
by_mapping() {
  awk '/^[0-9a-f]+-[0-9a-f]+ / { name = ($6 == "" ? "[anon]" : $6) }
       /^Rss:/ {
         if (name ~ /\.dll$/) kind = "assemblies"
         else if (name ~ /\.so/) kind = "native libraries"
         else if (name ~ /\[stack/) kind = "main stack"
         else if (name ~ /memfd:doublemapper/) kind = "JIT code (double-mapped)"
         else if (name == "[anon]" || name == "[heap]") kind = "anonymous (GC heaps, JIT, thread stacks, native heap)"
         else kind = "other files"
         kb[kind] += $2 }
       END { for (k in kb) printf "%s: %.0f; ", k, kb[k] / 1024 }' "/proc/$1/smaps"
}

# gc_figures PID: the GC's own numbers, from 5 s of dotnet-counters.
gc_figures() {
  timeout 30 dotnet-counters collect -p "$1" --format csv -o "$LOGS/counters-$2.csv" --counters System.Runtime \
    --duration 00:00:00:05 >/dev/null 2>&1 || true
  awk -F, 'NR > 1 && ($3 ~ /heap.size|committed|gc.heap|working_set|thread.count|jit.compiled_methods|assembly.count/) { v[$3] = $5 }
           END { for (k in v) printf "%s=%.1f; ", k, (k ~ /By/ ? v[k] / 1048576 : v[k]) }' "$LOGS/counters-$2.csv" 2>/dev/null
}

pages="/http/hello /http/post /"
list=$LOGS/pages.txt
printf 'GET %s\n' $pages >"$list"

{
  echo "# bench/memory.sh, $STAMP"
  echo
  machine_summary
  echo "- each row: a fresh start, then ${LOAD} s of wrk -t2 -c64 over $pages (mix.lua), then /proc and 5 s of dotnet-counters"
  echo
  echo "| setting | environment | req/s under load | peak RSS MiB | RSS MiB after | load (1 min) | RSS by mapping, MiB | GC (MiB where By) |"
  echo "|---|---|---:|---:|---:|---:|---|---|"
} >"$LOGS/table.md"

measure() {
  local name=$1 dll=$2 env=$3 rate
  wait_for_quiet
  # shellcheck disable=SC2086
  (cd "$PUBLISHED/$name" && env $env ASPNETCORE_ENVIRONMENT=Production dotnet $dll --urls "$SITE") >>"$LOGS/$name.log" 2>&1 &
  SERVER_PID=$!; STARTED_PIDS+=("$SERVER_PID"); SERVER_STARTED=$(date +%s%N)
  first_200_ms "$SITE/http/hello" >/dev/null
  [[ -s $LOGS/hello.html ]] || curl -sf "$SITE/http/hello" -o "$LOGS/hello.html"
  rate=$(timeout $(( LOAD + 30 )) wrk -t2 -c64 -d"${LOAD}s" -s "$REPO/bench/wrk/mix.lua" "$SITE" -- "$list" 2>&1 \
    | awk '/^MIX/ { split($2, r, "="); split($3, d, "="); printf "%.0f", r[2] / (d[2] / 1e6) }')
  echo "| $4 | ${env:-(none)} | ${rate:-0} | $(memory_mib "$SERVER_PID" VmHWM) | $(memory_mib "$SERVER_PID" VmRSS) | $(load_average) | $(by_mapping "$SERVER_PID") | $(gc_figures "$SERVER_PID" "$4") |" >>"$LOGS/table.md"
  stop_pid "$SERVER_PID"
}

for setting in $SETTINGS; do
  say "HelloMvc, $setting…"
  measure web HelloMvc.Web.dll "$(environment "$setting")" "$setting"
done
say "The baseline…"
# The baseline sends HelloMvc's /http/hello bytes (the other pages are 404s to it).
measure baseline "Baseline.dll --hello-file $LOGS/hello.html" "" "baseline (default)"
cat "$LOGS/table.md"
say "Written to $LOGS/table.md"
