#!/usr/bin/env bash
# The session page with its store in Redis, against the same build with the in-memory store. Brings up
# deploy/cluster.sh's cluster (Redis, two instances under /hellomvc, nginx), starts one more instance of
# the same publish without Redis, logs in on each, then measures /http/hello with the session cookie:
#   in-memory   one instance, session in memory (the reference)
#   redis       one instance of the cluster directly, session in Redis
#   nginx       through nginx, on both Redis-backed instances
# in that order, ROUNDS times, at each connection count; each ratio is over the in-memory run just before
# it. The table also lands in bench/results/cluster-<timestamp>.md (raw wrk output beside it).
#
#   bench/cluster.sh                      # 10 s per wrk run, 2 rounds, -c1 and -c64
#   DURATION=3s ROUNDS=1 bench/cluster.sh # a quicker look
set -euo pipefail
source "$(dirname "$0")/lib.sh"

DURATION=${DURATION:-10s}
ROUNDS=${ROUNDS:-2}
CONNECTIONS=${CONNECTIONS:-1 64}
WARMUP_RUN=${WARMUP_RUN:-3s}
WARMUP_RUNS=${WARMUP_RUNS:-3}
MEMORY_PORT=${MEMORY_PORT:-5184}
PATH_BASE=/hellomvc
SITE=$REPO/deploy/run/publish

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
LOGS=$RESULTS/cluster-$STAMP
mkdir -p "$LOGS"
ensure_wrk

# The cluster, exactly as a class would start it; down again when this script ends, however it ends.
"$REPO/deploy/cluster.sh" up | tee "$LOGS/cluster-up.txt" >&2 || die "deploy/cluster.sh up failed"
trap '"$REPO/deploy/cluster.sh" down >&2; stop_started' EXIT
NGINX=$(sed -n 's|^HelloMvc is up: \(.*\)/$|\1|p' "$LOGS/cluster-up.txt")
REDIS_ONE=$(sed -n 's|^instance-1 on \(.*\)/ (pid.*|\1|p' "$LOGS/cluster-up.txt")
MEMORY=http://127.0.0.1:$MEMORY_PORT$PATH_BASE

say "Starting the in-memory instance on $MEMORY…"
[[ $(status "$MEMORY/") == 000 ]] || die "127.0.0.1:$MEMORY_PORT is already in use"
(cd "$SITE" && ASPNETCORE_ENVIRONMENT=Production PathBase=$PATH_BASE exec dotnet HelloMvc.Web.dll --urls "http://127.0.0.1:$MEMORY_PORT") \
  >>"$LOGS/in-memory.log" 2>&1 &
SERVER_PID=$!
STARTED_PIDS+=("$SERVER_PID")
SERVER_STARTED=$(date +%s%N)
say "  first 200 after $(first_200_ms "$MEMORY/healthz/ready") ms"

# login BASE NAME: logs in through BASE and prints "Cookie: …" for wrk; checks the page says so.
login() {
  local base=$1 jar=$LOGS/$2.cookies
  curl -s -o /dev/null --max-time 5 -c "$jar" "$base/http/login"
  local cookie
  cookie=$(awk -F'\t' 'NF == 7 && $6 != "" { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$jar")
  curl -s --max-time 5 -H "Cookie: $cookie" "$base/http/hello" | grep -q '\[Authenticated\]' \
    || die "logging in through $base did not work"
  echo "Cookie: $cookie"
}
memory_cookie=$(login "$MEMORY" in-memory)
redis_cookie=$(login "$NGINX" redis)

# label|url|header, the reference first.
rows=(
  "in-memory|$MEMORY/http/hello|$memory_cookie"
  "redis|$REDIS_ONE/http/hello|$redis_cookie"
  "nginx|$NGINX/http/hello|$redis_cookie"
)

say "Warming up…"
for (( run = 1; run <= WARMUP_RUNS; run++ )); do
  for row in "${rows[@]}"; do
    IFS='|' read -r label url header <<<"$row"
    read -r rate _ < <(wrk_run "$url" 64 "$WARMUP_RUN" "$LOGS/warmup-$label-$run.txt" "$header")
    say "  warm-up $label #$run: $rate req/s"
  done
done

describe() {
  case $1 in
    in-memory) echo "/http/hello + session cookie, one instance, in-memory store" ;;
    redis) echo "/http/hello + session cookie, one instance, Redis store" ;;
    nginx) echo "/http/hello + session cookie, nginx → two instances, Redis store" ;;
  esac
}

table=$LOGS/table.md
{
  echo "| row | conns | req/s | in-memory req/s | ratio | p50 ms | p99 ms | non-2xx | socket errors | budget |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"
} >"$table"
for connections in $CONNECTIONS; do
  declare -A rates=() ratios=() p50s=() p99s=() errors=() sockets=() lowest=()
  reference_rates=()
  for (( round = 1; round <= ROUNDS; round++ )); do
    for row in "${rows[@]}"; do
      IFS='|' read -r label url header <<<"$row"
      say "  $label -c$connections round $round/$ROUNDS"
      read -r rate p50 p99 non2xx socket < <(wrk_run "$url" "$connections" "$DURATION" "$LOGS/$label-c$connections-r$round.txt" "$header")
      [[ $label == in-memory ]] && { reference=$rate; reference_rates+=("$rate"); }
      ratio=$(awk -v a="$rate" -v b="$reference" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
      rates[$label]+="${rates[$label]:+ / }$rate"
      ratios[$label]+="${ratios[$label]:+ / }$ratio"
      lowest[$label]=$(awk -v a="${lowest[$label]:-999}" -v b="$ratio" 'BEGIN { print (b < a ? b : a) }')
      p50s[$label]=$(awk -v a="${p50s[$label]:-0}" -v b="$p50" 'BEGIN { print (b > a ? b : a) }')
      p99s[$label]=$(awk -v a="${p99s[$label]:-0}" -v b="$p99" 'BEGIN { print (b > a ? b : a) }')
      errors[$label]=$(( ${errors[$label]:-0} + non2xx ))
      sockets[$label]=$(( ${sockets[$label]:-0} + socket ))
    done
  done
  for row in "${rows[@]}"; do
    IFS='|' read -r label _ _ <<<"$row"
    budget=""
    if [[ $label != in-memory && $connections == 64 ]]; then
      budget=$(awk -v r="${lowest[$label]}" 'BEGIN { print (r >= 0.6) ? "met" : sprintf("**ratio %.2f < 0.60**", r) }')
    fi
    reference_column=$(IFS=/; echo "${reference_rates[*]}" | sed 's|/| / |g')
    echo "| $(describe "$label") | $connections | ${rates[$label]} | $reference_column | ${ratios[$label]} | ${p50s[$label]} | ${p99s[$label]} | ${errors[$label]} | ${sockets[$label]} | $budget |" >>"$table"
  done
  unset rates ratios p50s p99s errors sockets lowest
done

report=$RESULTS/cluster-$STAMP.md
{
  echo "# bench/cluster.sh, $STAMP"
  echo
  machine_summary
  echo "- wrk: -t2 (-t1 at -c1), $DURATION per run, $ROUNDS rounds of in-memory, redis, nginx per connection count; values per round, separated by /"
  echo "- the same Release publish (deploy/run/publish) for every row, Production, PathBase=$PATH_BASE; each logged in, so the page reads a session that exists"
  echo "- ratio = the row's req/s ÷ the in-memory run just before it; p50/p99 = the row's worst round; budget (at -c64): every Redis-backed ratio ≥ 0.60"
  echo
  cat "$table"
} >"$report"
cat "$report"
say "Written to $report (raw wrk output in $LOGS/)"
