#!/usr/bin/env bash
# The security review's experiments, repeated against deploy/cluster.sh's cluster on loopback, each bounded:
#   1. 3,000 unique junk queries on /hellomvc/http/post?junk=N: Redis's memory and key count before and after
#   2. 3,000 requests with a garbage session cookie: the bytes the instances' logs grew by
#   3. the key ring as stored, in Redis and (an embedded instance with the same certificate) in the folder
#   4. Redis paused (SIGSTOP) under 100 concurrent session pages: the worst answer time, and the statuses
#   5. /exchange at 300 concurrent: how many 200 and how many 503
#   6. the headers of / behind a TLS proxy (X-Forwarded-Proto: https, a real host name)
# curl runs each burst with --parallel-immediate: without it, curl waits for the first answer before it opens more
# connections (hoping to multiplex), and every later transfer's time includes that wait.
# Brings the cluster up (SKIP_PUBLISH=1 reuses the publish) unless it already runs, and leaves it as it found it.
#
#   bench/review.sh
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RUN=$REPO/deploy/run
SECRETS=$RUN/secrets
BASE=http://127.0.0.1:8080/hellomvc
INSTANCE=http://127.0.0.1:5101/hellomvc
REDIS_PORT=${REDIS_PORT:-6380}
EMBEDDED_PORT=${EMBEDDED_PORT:-5199}

say() { printf '%s\n' "$*"; }
redis() { redis-cli -p "$REDIS_PORT" -a "$(<"$SECRETS/redis.password")" --no-auth-warning "$@"; }
log_bytes() { cat "$RUN"/instance-*.log | wc -c; }

started=0
if ! [[ -f $RUN/redis.pid ]] || ! kill -0 "$(<"$RUN/redis.pid")" 2>/dev/null; then
  "$REPO/deploy/cluster.sh" up >/dev/null
  started=1
fi
redis_pid=$(<"$RUN/redis.pid")
resume() { kill -CONT "$redis_pid" 2>/dev/null || true; }
finish() {
  resume
  [[ -n ${embedded:-} ]] && kill "$embedded" 2>/dev/null
  [[ $started == 1 ]] && "$REPO/deploy/cluster.sh" down >/dev/null
  return 0
}
trap finish EXIT

say "## 1. 3,000 unique junk queries"
say "before: $(redis dbsize) keys, $(redis info memory | grep '^used_memory_human' | tr -d '\r')"
stamp=$(date +%s)
curl -s --no-progress-meter -Z --parallel-immediate --parallel-max 32 -o /dev/null -w '%{http_code}\n' "$BASE/http/post?junk=$stamp-[1-3000]" | sort | uniq -c
say "after:  $(redis dbsize) keys, $(redis info memory | grep '^used_memory_human' | tr -d '\r')"

say "## 2. 3,000 garbage session cookies"
before=$(log_bytes)
curl -s --no-progress-meter -Z --parallel-immediate --parallel-max 32 -o /dev/null -w '%{http_code}\n' -H 'Cookie: .HelloMvc.Session=CfDJ8garbage' "$BASE/http/hello?n=[1-3000]" | sort | uniq -c
sleep 1
say "log bytes written: $(( $(log_bytes) - before ))"

say "## 3. the key ring as stored"
say "in Redis (HelloMvc:data-protection-keys, the first key, elements only):"
redis lrange HelloMvc:data-protection-keys 0 0 | grep -o '<[A-Za-z]*' | sort | uniq -c | tr '\n' ' '; say ""
say "<masterKey in Redis: $(redis lrange HelloMvc:data-protection-keys 0 -1 | grep -c '<masterKey' || true)"
folder=$(mktemp -d)
(cd "$RUN/publish" && ASPNETCORE_ENVIRONMENT=Production Storage__KeysFolder="$folder" \
   DataProtection__Certificate="$SECRETS/keys.pfx" DataProtection__CertificatePassword="$(<"$SECRETS/keys.password")" \
   exec dotnet HelloMvc.Web.dll --urls "http://127.0.0.1:$EMBEDDED_PORT" >"$folder.log" 2>&1) &
embedded=$!
for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$EMBEDDED_PORT/http/login" && break; sleep 0.2; done
say "in the folder ($(ls "$folder")), elements:"
grep -o '<[A-Za-z]*' "$folder"/key-*.xml | sort | uniq -c | tr '\n' ' '; say ""
say "<masterKey in the folder: $(grep -c '<masterKey' "$folder"/key-*.xml || true)"
kill "$embedded"; wait "$embedded" 2>/dev/null || true; embedded=""
rm -rf "$folder" "$folder.log"

say "## 4. Redis paused, 100 concurrent session pages"
cookie=$(curl -s -o /dev/null -D - "$BASE/http/login" | tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: \(.HelloMvc.Session=[^;]*\).*/\1/p')
kill -STOP "$redis_pid"
curl -s --no-progress-meter -Z --parallel-immediate --parallel-max 100 -o /dev/null -w '%{http_code} %{time_total}\n' -H "Cookie: $cookie" "$INSTANCE/http/admin?n=[1-100]" >"$RUN/paused.txt" &
session=$!
curl -s --no-progress-meter -Z --parallel-immediate --parallel-max 10 -o /dev/null -w '%{http_code} %{time_total}\n' "$INSTANCE/?n=[1-10]" >"$RUN/paused-index.txt"
wait "$session"
resume
say "session pages: $(cut -d' ' -f1 "$RUN/paused.txt" | sort | uniq -c | tr '\n' ' ')worst $(cut -d' ' -f2 "$RUN/paused.txt" | sort -n | tail -1) s"
say "index meanwhile: $(cut -d' ' -f1 "$RUN/paused-index.txt" | sort | uniq -c | tr '\n' ' ')worst $(cut -d' ' -f2 "$RUN/paused-index.txt" | sort -n | tail -1) s"
for _ in $(seq 100); do [[ $(curl -s -o /dev/null -w '%{http_code}' "$INSTANCE/healthz/ready") == 200 ]] && break; sleep 0.1; done

say "## 5. /exchange at 300 concurrent"
curl -s --no-progress-meter -Z --parallel-immediate --parallel-max 300 -o /dev/null -w '%{http_code}\n' "$BASE/exchange?path=/http/more%3Fpage%3D[1-300]" | sort | uniq -c
say "the index meanwhile: $(curl -s -o /dev/null -w '%{http_code} in %{time_total} s' "$BASE/")"

say "## 6. the headers of / behind a TLS proxy"
curl -s -o /dev/null -D - -H 'X-Forwarded-Proto: https' -H 'X-Forwarded-Host: class.example.edu' -H 'X-Forwarded-For: 203.0.113.7' "$INSTANCE/" | tr -d '\r'
