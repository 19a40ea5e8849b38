#!/usr/bin/env bash
# HelloMvc against the bare baseline (bench/Baseline: Kestrel + a minimal API sending HelloMvc's own
# /http/hello bytes). Publishes both in Release, runs both in Production on 127.0.0.1, records startup
# (launch to first 200) and peak RSS, warms each up until its rate stops climbing, then measures every
# page with wrk at each connection count, baseline and HelloMvc alternately (A B A B), and prints the
# ratio pair by pair. The table also lands in bench/results/<timestamp>.md (raw wrk output beside it).
#
#   bench/run.sh                      # 10 s per wrk run, 2 rounds, -c1 and -c64
#   DURATION=3s ROUNDS=2 bench/run.sh # a quicker look
#   SKIP_PUBLISH=1 bench/run.sh       # reuse the last publish
set -euo pipefail
source "$(dirname "$0")/lib.sh"

DURATION=${DURATION:-10s}
ROUNDS=${ROUNDS:-2}
CONNECTIONS=${CONNECTIONS:-1 64}
STARTUP_RUNS=${STARTUP_RUNS:-3}
WARMUP_RUN=${WARMUP_RUN:-2s}
WARMUP_TRIES=${WARMUP_TRIES:-15}
WARMUP_MIN=${WARMUP_MIN:-3}
WEB_PORT=${WEB_PORT:-5181}
BASE_PORT=${BASE_PORT:-5182}
WEB=http://127.0.0.1:$WEB_PORT
BASE=http://127.0.0.1:$BASE_PORT

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
LOGS=$RESULTS/$STAMP
mkdir -p "$LOGS"
ensure_wrk
LOAD_BEFORE=$(uptime | sed 's/.*load average: //')
publish web HelloMvc.Web/HelloMvc.Web.csproj
publish baseline bench/Baseline/Baseline.csproj

# launch NAME PORT PROBE_URL -- DOTNET_ARGS…: STARTUP_RUNS launches, each timed to its first 200; every one
# but the last is stopped again. Sets STARTUPS (the times, ms).
launch() {
  local name=$1 port=$2 probe=$3; shift 4
  STARTUPS=""
  for (( run = 1; run <= STARTUP_RUNS; run++ )); do
    start_server "$name" "$port" "$@"
    STARTUPS+="$(first_200_ms "$probe") "
    (( run == STARTUP_RUNS )) || stop_pid "$SERVER_PID"
  done
}

# Once, before anything is timed: the load average counts this script's own servers and wrk too, so it is not
# waited on between rows, only recorded beside each round.
wait_for_quiet
say "Starting HelloMvc on $WEB…"
launch web "$WEB_PORT" "$WEB/http/hello" -- HelloMvc.Web.dll
WEB_PID=$SERVER_PID; web_startups=$STARTUPS

# The baseline sends HelloMvc's own /http/hello bytes.
curl -sf "$WEB/http/hello" -o "$LOGS/hello.html" || die "could not fetch $WEB/http/hello"

say "Starting the baseline on $BASE…"
launch baseline "$BASE_PORT" "$BASE/http/hello" -- Baseline.dll \
  --hello-file "$LOGS/hello.html" --static-root "$PUBLISHED/web/wwwroot"
BASE_PID=$SERVER_PID; base_startups=$STARTUPS

# The session cookie that /http/login gives.
login_status=$(status "$WEB/http/login" -c "$LOGS/cookies.txt")
session_cookie=$(awk -F'\t' 'NF == 7 && $6 != "" { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$LOGS/cookies.txt" 2>/dev/null || true)
# The learner cookie that /progress gives: with it, every request to a path a task watches is checked (Try it).
learner_status=$(status "$WEB/progress" -c "$LOGS/learner.txt")
learner_cookie=$(awk -F'\t' 'NF == 7 && $6 != "" { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$LOGS/learner.txt" 2>/dev/null || true)
# The stylesheet exactly as the layout links it (with its version query); the baseline serves the same file.
stylesheet=$(curl -sf "$WEB/" | grep -o '<link rel="stylesheet" href="[^"]*"' | head -1 | sed 's/.*href="//; s/"$//; s/&amp;/\&/g')
stylesheet=${stylesheet:-/css/site.css}

# label|path|header: what is measured, in the order of the table.
pages=(
  "/http/hello|/http/hello|"
  "/http/hello + session cookie|/http/hello|${session_cookie:+Cookie: $session_cookie}"
  "/http/hello + learner cookie|/http/hello|${learner_cookie:+Cookie: $learner_cookie}"
  "/http/post|/http/post|"
  "/http/more?page=2 (HTML)|/http/more?page=2|"
  "/http/more?page=2 (JSON)|/http/more?page=2|Accept: application/json"
  "/|/|"
  "static: ${stylesheet}|${stylesheet}|"
)

# warm_up NAME BASE_URL PATHS…: short -c64 runs over the paths until a run gains less than 3 % on the one
# before (after at least WARMUP_MIN runs: on a busy machine one slow run is not the end of the JIT's work).
warm_up() {
  local name=$1 base=$2 previous=0 rate try; shift 2
  local list=$LOGS/warmup-$name.txt
  printf 'GET %s\n' "$@" >"$list"
  for (( try = 1; try <= WARMUP_TRIES; try++ )); do
    rate=$(timeout 60 wrk -t2 -c64 -d"$WARMUP_RUN" -s "$REPO/bench/wrk/mix.lua" "$base" -- "$list" 2>&1 \
      | awk '/^MIX/ { split($2, r, "="); split($3, d, "="); printf "%.0f", r[2] / (d[2] / 1e6) }')
    say "  warm-up $name #$try: ${rate:-0} req/s"
    (( try >= WARMUP_MIN && ${rate:-0} * 100 < previous * 103 )) && break
    previous=${rate:-0}
  done
}

say "Probing the pages…"
measured=()
declare -A skipped
for entry in "${pages[@]}"; do
  IFS='|' read -r label path header <<<"$entry"
  if [[ $label == *"session cookie"* && -z $header ]]; then
    skipped[$label]="no session cookie: /http/login answered $login_status"; continue
  fi
  if [[ $label == *"learner cookie"* && -z $header ]]; then
    skipped[$label]="no learner cookie: /progress answered $learner_status"; continue
  fi
  code=$(status "$WEB$path" ${header:+-H "$header"})
  if [[ $code != 2* ]]; then skipped[$label]="answers $code"; continue; fi
  measured+=("$entry")
done

warm_up web "$WEB" $(for entry in "${measured[@]}"; do IFS='|' read -r _ path _ <<<"$entry"; echo "$path"; done | sort -u)
warm_up baseline "$BASE" /http/hello /css/site.css

# The rounds of one row, side by side.
join() { local IFS=/; echo "$*" | sed 's|/| / |g'; }

# within VALUE LIMIT TEXT: "met", or TEXT in bold when VALUE exceeds LIMIT.
within() { awk -v v="$1" -v max="$2" -v text="$3" 'BEGIN { print (v <= max) ? "met" : "**" text "**" }'; }

# budget LABEL CONNECTIONS LOWEST_RATIO P99: the budget of docs/PERFORMANCE.md, checked at -c64 only: a floor on the
# ratio (0.35 for hello, 0.85 for the output-cached /http/post and /http/more; none for the rest) and p99 ≤ 10 ms
# on /http/hello.
budget() {
  local label=$1 connections=$2 lowest=$3 p99=$4 floor=0 p99_limit=1000000
  (( connections == 64 )) || return 0
  case $label in
    /http/hello*) floor=0.35 p99_limit=10 ;;
    /http/post*|/http/more*) floor=0.85 ;;
  esac
  awk -v r="$lowest" -v floor="$floor" -v p="$p99" -v limit="$p99_limit" 'BEGIN {
    if (r < floor) out = sprintf("ratio %.2f < %.2f", r, floor)
    if (p > limit) out = out (out ? "; " : "") sprintf("p99 %.1f > %d ms", p, limit)
    print out ? "**" out "**" : "met" }'
}

table=$LOGS/table.md
{
  echo "| page | conns | HelloMvc req/s | baseline req/s | ratio | p50 ms | p99 ms | non-2xx | socket errors | load (1 min) | budget |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
} >"$table"

for entry in "${pages[@]}"; do
  IFS='|' read -r label path header <<<"$entry"
  if [[ -n ${skipped[$label]:-} ]]; then
    echo "| $label | | ${skipped[$label]} | | | | | | | | |" >>"$table"; continue
  fi
  # The static file is paired with the same file from the bare static-file middleware; every page with hello.
  base_path=/http/hello
  [[ $label == static:* ]] && base_path=/css/site.css
  for connections in $CONNECTIONS; do
    web_rates=() base_rates=() ratios=() loads=() lowest=999 p50=0 p99=0 non2xx=0 socket=0
    for (( round = 1; round <= ROUNDS; round++ )); do
      loads+=("$(load_average)")
      say "  $label -c$connections round $round/$ROUNDS"
      log=$LOGS/$(echo "$label" | tr -c 'a-zA-Z0-9' '_')-c$connections-r$round
      read -r base_rate _ _ _ base_socket < <(wrk_run "$BASE$base_path" "$connections" "$DURATION" "$log.baseline.txt")
      read -r web_rate web_p50 web_p99 web_status web_socket < <(wrk_run "$WEB$path" "$connections" "$DURATION" "$log.web.txt" "$header")
      web_rates+=("$web_rate"); base_rates+=("$base_rate")
      ratios+=("$(awk -v a="$web_rate" -v b="$base_rate" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')")
      lowest=$(awk -v a="$lowest" -v b="${ratios[-1]}" 'BEGIN { print (b < a ? b : a) }')
      p50=$(awk -v a="$p50" -v b="$web_p50" 'BEGIN { print (b > a ? b : a) }')
      p99=$(awk -v a="$p99" -v b="$web_p99" 'BEGIN { print (b > a ? b : a) }')
      non2xx=$(( non2xx + web_status )); socket=$(( socket + web_socket + base_socket ))
    done
    echo "| $label | $connections | $(join "${web_rates[@]}") | $(join "${base_rates[@]}") | $(join "${ratios[@]}") | $p50 | $p99 | $non2xx | $socket | $(join "${loads[@]}") | $(budget "$label" "$connections" "$lowest" "$p99") |" >>"$table"
  done
done

web_hwm=$(memory_mib "$WEB_PID" VmHWM)
base_hwm=$(memory_mib "$BASE_PID" VmHWM)
web_startup=$(median <<<"$web_startups")
base_startup=$(median <<<"$base_startups")
startup_ratio=$(awk -v a="$web_startup" -v b="$base_startup" 'BEGIN { printf "%.2f", a / b }')
hwm_ratio=$(awk -v a="$web_hwm" -v b="$base_hwm" 'BEGIN { printf "%.2f", a / b }')
{
  echo "| startup ms (launch → first 200, median of $STARTUP_RUNS) | | $web_startup | $base_startup | $startup_ratio | | | | | | $(within "$startup_ratio" 1.6 "> 1.6×") |"
  echo "| peak RSS MiB (VmHWM after the run) | | $web_hwm | $base_hwm | $hwm_ratio | | | | | | $(within "$hwm_ratio" 1.5 "> 1.5×") |"
} >>"$table"

report=$RESULTS/$STAMP.md
{
  echo "# bench/run.sh, $STAMP"
  echo
  machine_summary
  echo "- wrk: -t2 (-t1 at -c1), $DURATION per run, $ROUNDS rounds of baseline then HelloMvc per row; values per round, separated by /"
  echo "- baseline: bench/Baseline serving HelloMvc's /http/hello bytes at /http/hello (and $stylesheet's file for the static row)"
  echo "- startup runs, ms: HelloMvc ${web_startups% }; baseline ${base_startups% } (both timed to /http/hello)"
  echo "- ratio = HelloMvc req/s ÷ the baseline run just before it; p50/p99 = HelloMvc's worst round; non-2xx = HelloMvc responses ≥ 400 (wrk's count); socket errors = both servers"
  echo "- budget (docs/PERFORMANCE.md, at -c64): ratio ≥ 0.35 for hello, ≥ 0.85 for /http/post and /http/more, in every round; /http/hello p99 ≤ 10 ms; startup ≤ 1.6×; peak RSS ≤ 1.5× the baseline's"
  echo "- load average (uptime) before the run: $LOAD_BEFORE; after: $(uptime | sed 's/.*load average: //')"
  echo
  cat "$table"
} >"$report"
cat "$report"
say "Written to $report (raw wrk output in $LOGS/)"
