#!/usr/bin/env bash
# Endurance: HelloMvc (Release, Production, 127.0.0.1) under -c64 for DURATION seconds, as PHASES
# back-to-back wrk runs over a mix of every demo the site's index links to (with the status it promises)
# and a few requests no link makes. Each request list expects one status class (pages 2xx; login, logout,
# redirect-back and the other redirects 3xx; the error demos 4xx) and runs as its own wrk beside the
# others, since wrk cannot tell which request a response answers. Reports req/s and
# statuses per phase, socket errors, and RSS after the first phase and at the end. Exits 1 when a
# response had an unexpected class, a socket failed, or RSS grew more than MAX_GROWTH %.
#
#   bench/soak.sh                        # 20 s of warm-up (WARMUP), then 60 s as 6 phases of 10 s
#   DURATION=20 PHASES=2 bench/soak.sh   # a quicker look
set -euo pipefail
source "$(dirname "$0")/lib.sh"

DURATION=${DURATION:-60}
PHASES=${PHASES:-6}
WARMUP=${WARMUP:-20}
CONNECTIONS=${CONNECTIONS:-64}
MAX_GROWTH=${MAX_GROWTH:-10}
SOAK_PORT=${SOAK_PORT:-5183}
SITE=http://127.0.0.1:$SOAK_PORT
PHASE_SECONDS=$(( DURATION / PHASES > 0 ? DURATION / PHASES : 1 ))

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
LOGS=$RESULTS/soak-$STAMP
mkdir -p "$LOGS"
ensure_wrk
publish web HelloMvc.Web/HelloMvc.Web.csproj

say "Starting HelloMvc on $SITE…"
start_server web "$SOAK_PORT" HelloMvc.Web.dll
first_200_ms "$SITE/" >/dev/null
PID=$SERVER_PID

# The 2xx list browses logged in (so the session is read as a returning visitor's would be); the 3xx list
# keeps its own jar, logging in and out as it goes; the 4xx list has no cookie, so /http/admin refuses.
status "$SITE/http/login" -c "$LOGS/cookies.txt" >/dev/null
cookie=$(awk -F'\t' 'NF == 7 && $6 != "" { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$LOGS/cookies.txt" 2>/dev/null || true)

# index_demos: "CLASS GET PATH" for every demo of the catalogue, as the site's index lists it (the index is rendered
# from DemoCatalog, so a new demo joins the soak by itself): each item's direct link (class "open"; a demo that answers
# raw or redirects also has a link through the exchange viewer, which is not the demo), its fragment stripped (the
# browser keeps it and never sends it), and the class its status label promises (none: 200).
index_demos() {
  local item path class
  curl -sf --max-time 5 "$SITE/" | tr -d '\n' | grep -oP '<li class="demo[^"]*">.*?</li>' | while read -r item; do
    path=$(grep -oP '<a class="open" href="\K[^"]+' <<<"$item" | head -1 | sed 's/&amp;/\&/g; s/#.*//')
    [[ -n $path ]] || continue
    class=$(grep -oP 'class="status status-\K[0-9]' <<<"$item" || echo 2)
    echo "$class GET $path"
  done
}

# What no link can ask for: other methods, JSON by Accept, a static file, bad input, a page that is not there.
# class method path [accept]
beyond_links=$(cat <<'LIST'
2 GET /http/more?page=3 application/json
2 DELETE /http/post/delete/1
2 GET /css/site.css
4 GET /http/more?page=0
4 GET /no/such/page
4 GET /no/such/page application/json
4 PUT /http/methods
LIST
)

mix=$(index_demos)
[[ $(wc -l <<<"$mix") -ge 10 ]] || die "the index at $SITE/ listed too few demos: $mix"
# The redirects are the point of several demos: a soak without them would not test a 3xx under load.
grep -q '^3 ' <<<"$mix" || die "the index at $SITE/ listed no redirect: $mix"
mix+=$'\n'"$beyond_links"

# class_status CLASS METHOD PATH ACCEPT: what one request of that list gets now.
class_status() {
  local class=$1 method=$2 path=$3 accept=${4:-text/html,*/*;q=0.8} jar=()
  if [[ $class == 2 && -n $cookie ]]; then jar=(-H "Cookie: $cookie"); fi
  status "$SITE$path" -X "$method" -H "Accept: $accept" "${jar[@]}"
}

# A 5xx demo (/hello/error throws on purpose and logs each time) is left out and listed; any other surprise
# stays in, so the soak counts it.
say "Probing the mix…"
left_out=()
for class in 2 3 4; do : >"$LOGS/list-$class.txt"; done
while read -r class method path accept; do
  if [[ $class != [234] ]]; then left_out+=("$method $path"); continue; fi
  code=$(class_status "$class" "$method" "$path" "$accept")
  [[ $code == "$class"* ]] || say "  warning: $method $path answers $code before the soak (expected ${class}xx)"
  echo "$method $path $accept" >>"$LOGS/list-$class.txt"
done <<<"$mix"

# Connections per list: a few for redirects and errors, the rest for pages.
declare -A conns=([3]=8 [4]=4)
conns[2]=$(( CONNECTIONS - conns[3] - conns[4] ))

# run_mix SECONDS NAME: the three lists side by side for SECONDS, each wrk's output in $LOGS/NAME-CLASS.txt.
run_mix() {
  local seconds=$1 name=$2 class threads pid pids=()
  for class in 2 3 4; do
    [[ -s $LOGS/list-$class.txt ]] || continue
    threads=$(( class == 2 ? 2 : 1 ))
    timeout $(( seconds + 30 )) wrk -t"$threads" -c"${conns[$class]}" -d"${seconds}s" --timeout 5s \
      -s "$REPO/bench/wrk/mix.lua" "$SITE" -- "$LOGS/list-$class.txt" "$class" "$([[ $class != 2 ]] || echo "$cookie")" \
      >"$LOGS/$name-$class.txt" 2>&1 &
    pids+=($!); STARTED_PIDS+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid" || true; done
}

# Warm up first, as run.sh does: the JIT's tiers, pools and caches settle, so the phases (and the RSS
# growth between the first and the last) measure the steady state rather than the start.
if (( WARMUP > 0 )); then
  say "Warming up for ${WARMUP} s…"
  run_mix "$WARMUP" warmup
fi

phase_rows=() rss=() total_unexpected=0 total_socket=0
for (( phase = 1; phase <= PHASES; phase++ )); do
  say "Phase $phase/$PHASES (${PHASE_SECONDS} s)…"
  run_mix "$PHASE_SECONDS" "phase-$phase"
  rss+=("$(memory_mib "$PID" VmRSS)")
  # Sum the lists' MIX lines: requests, statuses per class, unexpected, socket errors.
  read -r rate c2 c3 c4 c5 unexpected socket p99 < <(cat "$LOGS"/phase-"$phase"-*.txt | awk -v s="$PHASE_SECONDS" '
    /^MIX/ { for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] += kv[2] }
             split($NF, p, "="); if (p[2] > p99) p99 = p[2] }
    END { printf "%.0f %d %d %d %d %d %d %.2f\n", v["requests"] / s, v["2xx"], v["3xx"], v["4xx"], v["5xx"],
          v["unexpected"], v["socket_errors"], p99 / 1000 }')
  total_unexpected=$(( total_unexpected + unexpected )); total_socket=$(( total_socket + socket ))
  phase_rows+=("| $phase | $rate | $c2 | $c3 | $c4 | $c5 | $unexpected | $socket | $p99 | ${rss[-1]} |")
done
hwm=$(memory_mib "$PID" VmHWM)
growth=$(awk -v a="${rss[0]}" -v b="${rss[-1]}" 'BEGIN { printf "%.1f", (b - a) * 100 / a }')

# wrk cannot name the request behind an unexpected status; one more pass over the lists can.
surprises=()
for class in 2 3 4; do
  while read -r method path accept; do
    code=$(class_status "$class" "$method" "$path" "$accept")
    [[ $code == "$class"* ]] || surprises+=("$method $path → $code (expected ${class}xx)")
  done <"$LOGS/list-$class.txt"
done

list_or_none() { if (( $# )); then printf '%s, ' "$@" | sed 's/, $//'; else echo none; fi; }
verdict() { if [[ $1 == 1 ]]; then echo "met"; else echo "**NOT met**"; fi; }
errors_ok=$(( total_unexpected == 0 && total_socket == 0 ))
growth_ok=$(awk -v g="$growth" -v max="$MAX_GROWTH" 'BEGIN { print (g <= max) ? 1 : 0 }')

report=$RESULTS/soak-$STAMP.md
{
  echo "# bench/soak.sh, $STAMP"
  echo
  machine_summary
  echo "- ${WARMUP} s of warm-up over the same mix (not counted), then $PHASES phases of ${PHASE_SECONDS} s at -c$CONNECTIONS (pages ${conns[2]}, redirects ${conns[3]}, errors ${conns[4]} connections)"
  echo "- in the mix: $(cat "$LOGS"/list-*.txt | wc -l) requests (every demo link of the index, and $(wc -l <<<"$beyond_links") no link makes); left out: $(list_or_none "${left_out[@]}")"
  echo
  echo "| phase | req/s | 2xx | 3xx | 4xx | 5xx | unexpected | socket errors | p99 ms (worst list) | RSS MiB at end |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${phase_rows[@]}"
  echo
  echo "- errors: $total_unexpected unexpected statuses, $total_socket socket errors: $(verdict "$errors_ok")"
  echo "- RSS: ${rss[0]} MiB after phase 1 (~${PHASE_SECONDS} s), ${rss[-1]} MiB at the end: ${growth} % growth (budget ≤ $MAX_GROWTH %): $(verdict "$growth_ok"); peak (VmHWM) $hwm MiB"
  echo "- after the soak, requests answering outside their class: $(list_or_none "${surprises[@]}")"
} >"$report"
cat "$report"
say "Written to $report (wrk output in $LOGS/)"
(( errors_ok == 1 && growth_ok == 1 ))
