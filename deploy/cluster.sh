#!/usr/bin/env bash
# HelloMvc as a class would host it, on this machine's loopback: redis-server, two instances of the
# published site under /hellomvc sharing it, and nginx in front (deploy/nginx.conf).
#
#   deploy/cluster.sh up       # publish (Release) once, start everything, print the URL
#   deploy/cluster.sh status   # what runs, and whether each part answers
#   deploy/cluster.sh down     # stop exactly what `up` started
#
# Everything it writes (the publish, pid files, logs, Redis's append-only file, nginx's files, and the
# secrets) is in deploy/run/, which git ignores; Redis's data stays there between down and up, so logins
# survive both. The secrets are made once, readable by their owner only (mode 600), in deploy/run/secrets/:
# Redis's password (redis.conf has it; Redis listens on 127.0.0.1 only, with maxmemory and a policy that
# refuses writes rather than evict a session or a key), and keys.pfx, the certificate (made with openssl)
# that encrypts the data-protection key ring stored in Redis, with its password.
# SKIP_PUBLISH=1 reuses the last publish; REDIS_PORT (default 6380) moves Redis; the ports of nginx and
# of the instances are the ones deploy/nginx.conf names. RUN_DIR puts deploy/run/ elsewhere, and
# PUBLISH_DIR the publish (RUN_DIR/publish unless set; with SKIP_PUBLISH=1 a folder that already holds
# HelloMvc.Web.dll, a build's output for one, runs as it is). Installs Debian's redis-server, nginx, curl
# and openssl when missing (as root). Every wait is bounded.
set -euo pipefail

DEPLOY=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$DEPLOY")
RUN=$(realpath -m "${RUN_DIR:-$DEPLOY/run}")
CONF=$DEPLOY/nginx.conf
PUBLISHED=$(realpath -m "${PUBLISH_DIR:-$RUN/publish}")
PATH_BASE=/hellomvc
REDIS_PORT=${REDIS_PORT:-6380}
REDIS_MAXMEMORY=${REDIS_MAXMEMORY:-256mb}
SECRETS=$RUN/secrets
NGINX_PORT=$(awk '$1 == "listen" { sub(/;$/, "", $2); n = split($2, a, ":"); print a[n]; exit }' "$CONF")
mapfile -t INSTANCE_PORTS < <(awk '$1 == "server" && $2 ~ /^127\.0\.0\.1:/ { sub(/;$/, "", $2); split($2, a, ":"); print a[2] }' "$CONF")
URL=http://127.0.0.1:$NGINX_PORT$PATH_BASE/

say() { printf '%s\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# find PROGRAM: its path, also in the sbin folders a non-root PATH may lack.
find_program() {
  command -v "$1" 2>/dev/null && return 0
  local folder
  for folder in /usr/sbin /usr/local/sbin /sbin; do [[ -x $folder/$1 ]] && { echo "$folder/$1"; return 0; }; done
  return 1
}

# ensure PROGRAM PACKAGE: installs Debian's package when the program is missing.
ensure() {
  find_program "$1" >/dev/null && return 0
  [[ $(id -u) == 0 ]] || die "$1 is missing: install it with \`sudo apt-get install $2\`"
  say "Installing Debian's $2…"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

http_status() { curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$1" || true; }

# answer URL: the status code URL answers, or why it answers none; allows a page 10 s, as one that is served for
# the first time on a busy machine may need.
answer() {
  local code rc=0
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$1") || rc=$?
  case $rc in
    0) echo "$code" ;;
    7) echo "nothing listens there" ;;
    28) echo "no answer within 10 s" ;;
    *) echo "no answer (curl exit code $rc)" ;;
  esac
}

# A part is known by its pid together with the time that process started (field 22 of /proc/PID/stat, in
# clock ticks since boot): `start` records both the moment it has forked, and `alive` compares them. The pair
# is fixed from the fork on, through nohup's exec and the program's, and no later process has it, so it names
# exactly the process `up` started, whatever that process is doing: still the forking shell that has not yet
# exec'd the program (under load that lasts a while, and a check that reads the command line then takes a
# starting part for a dead one), a program that rewrites its own title (redis-server and nginx do), or gone
# and its pid reused. The programs' own pid files would not do: they appear only once the program has got
# that far, a crash leaves them behind, and the instances write none.

# started_at PID: when the process started, if it runs; nothing and false if it is gone or has exited (a
# zombie, which holds no port and only waits for its parent to reap it).
started_at() {
  local stat fields
  { read -r stat <"/proc/$1/stat"; } 2>/dev/null || return 1
  read -ra fields <<<"${stat##*) }"  # the fields after the name, which may hold spaces and parentheses
  [[ ${fields[0]} != Z ]] && echo "${fields[19]}"
}

# alive NAME: the pid recorded in run/NAME.pid, if that very process still runs.
alive() {
  local file=$RUN/$1.pid pid started= mark command
  { read -r pid started <"$file"; } 2>/dev/null || return 1
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  if [[ -z $started && -f $RUN/$1.program ]]; then  # recorded by an earlier cluster.sh: the pid and a word of its command line
    read -r mark <"$RUN/$1.program" && started_at "$pid" >/dev/null \
      && command=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) && [[ $command == *"$mark"* ]] && echo "$pid"
    return
  fi
  [[ -n $started && $(started_at "$pid") == "$started" ]] && echo "$pid"
}

# start NAME COMMAND…: runs the command in the background, detached from this shell (nohup), logging to
# run/NAME.log, and records its pid and start time in run/NAME.pid.
start() {
  local name=$1 pid started; shift
  nohup "$@" >>"$RUN/$name.log" 2>&1 &
  pid=$!
  started=$(started_at "$pid") || die "$name exited at once: see $RUN/$name.log"
  echo "$pid $started" >"$RUN/$name.pid"
}

# wait_for NAME URL: until URL answers 200, at most 60 s; fails early if the process died.
wait_for() {
  local name=$1 url=$2 deadline=$((SECONDS + 60))
  until [[ $(http_status "$url") == 200 ]]; do
    alive "$name" >/dev/null || die "$name stopped while starting: see $RUN/$name.log"
    (( SECONDS < deadline )) || die "$url did not answer 200 within 60 s: see $RUN/$name.log"
    sleep 0.1
  done
}

wait_for_redis() {
  local deadline=$((SECONDS + 30)) answer
  until answer=$( (exec 3<>"/dev/tcp/127.0.0.1/$REDIS_PORT" && printf 'AUTH %s\r\nPING\r\n' "$(<"$SECRETS/redis.password")" >&3 \
                   && timeout 1 head -c 12 <&3) 2>/dev/null) \
        && [[ $answer == $'+OK\r\n+PONG\r' ]]; do  # $(…) drops the final newline
    alive redis >/dev/null || die "redis-server stopped while starting: see $RUN/redis.log"
    (( SECONDS < deadline )) || die "redis-server did not answer PING within 30 s: see $RUN/redis.log"
    sleep 0.1
  done
}

# make_secrets: once, the Redis password and the key ring's certificate, each readable by its owner only.
make_secrets() {
  (umask 077 && mkdir -p "$SECRETS")
  if [[ ! -s $SECRETS/redis.password ]]; then
    (umask 077 && openssl rand -hex 24 >"$SECRETS/redis.password")
  fi
  if [[ ! -s $SECRETS/keys.pfx ]]; then
    ensure openssl openssl
    (umask 077 && openssl rand -hex 24 >"$SECRETS/keys.password")
    (umask 077 && openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=HelloMvc data protection" \
        -keyout "$SECRETS/keys.key" -out "$SECRETS/keys.crt" 2>/dev/null \
      && openssl pkcs12 -export -in "$SECRETS/keys.crt" -inkey "$SECRETS/keys.key" -out "$SECRETS/keys.pfx" \
        -passout "file:$SECRETS/keys.password") || die "openssl could not make $SECRETS/keys.pfx"
    rm -f "$SECRETS/keys.key"
  fi
  chmod 600 "$SECRETS"/*
  # redis.conf holds the password, so it is the owner's only too; made on every up from the settings above.
  (umask 077 && cat >"$SECRETS/redis.conf" <<CONF
port $REDIS_PORT
bind 127.0.0.1
protected-mode yes
requirepass $(<"$SECRETS/redis.password")
maxmemory $REDIS_MAXMEMORY
maxmemory-policy noeviction
dir $RUN/redis
appendonly yes
save ""
daemonize no
CONF
)
}

# stop NAME: TERM, up to 10 s for a clean exit, then KILL, to it and to the children it had (nginx's workers,
# which a killed master leaves behind); only the process this script recorded. False if it still runs after that.
stop() {
  local name=$1 pid child started children=() deadline=$((SECONDS + 10))
  if pid=$(alive "$name"); then
    for child in $(cat "/proc/$pid/task/"*/children 2>/dev/null); do
      started=$(started_at "$child") && children+=("$child $started")
    done
    kill "$pid" 2>/dev/null || true
    while alive "$name" >/dev/null && (( SECONDS < deadline )); do sleep 0.1; done
    if alive "$name" >/dev/null; then
      kill -9 "$pid" 2>/dev/null || true
      for child in "${children[@]}"; do
        [[ $(started_at "${child% *}") == "${child#* }" ]] && kill -9 "${child% *}" 2>/dev/null
      done
      deadline=$((SECONDS + 5))
      while alive "$name" >/dev/null && (( SECONDS < deadline )); do sleep 0.1; done
      alive "$name" >/dev/null && { printf 'error: %s (pid %s) still runs after TERM and KILL\n' "$name" "$pid" >&2; return 1; }
      say "killed $name (pid $pid): it did not stop within 10 s of TERM"
    else
      say "stopped $name (pid $pid)"
    fi
  fi
  rm -f "$RUN/$name.pid" "$RUN/$name.program"
}

up() {
  local name index
  for name in redis nginx instance-1 instance-2; do
    alive "$name" >/dev/null && die "the cluster is already up ($name runs): deploy/cluster.sh down first"
  done
  for port in "$REDIS_PORT" "$NGINX_PORT" "${INSTANCE_PORTS[@]}"; do
    port_in_use "$port" && die "127.0.0.1:$port is already in use"
  done
  ensure redis-server redis-server
  ensure nginx nginx
  ensure curl curl
  mkdir -p "$RUN/redis" "$RUN/nginx/temp"
  make_secrets

  if [[ ${SKIP_PUBLISH:-0} != 1 || ! -f $PUBLISHED/HelloMvc.Web.dll ]]; then
    # ReadyToRun (compiled ahead of time for linux-x64, on the shared framework): an instance starts without JITting
    # the site's own code first.
    say "Publishing HelloMvc.Web (Release, ReadyToRun) to $PUBLISHED…"
    dotnet publish "$REPO/HelloMvc.Web" -c Release -o "$PUBLISHED" --nologo -v quiet \
      -r linux-x64 --self-contained false -p:PublishReadyToRun=true >"$RUN/publish.log" 2>&1 \
      || die "publishing failed: see $RUN/publish.log"
  fi

  # Redis keeps an append-only file, so a restart (of Redis or of the cluster) loses no session. Its settings,
  # password included, come from the owner-only redis.conf, never from a command line `ps` shows everyone.
  start redis "$(find_program redis-server)" "$SECRETS/redis.conf"
  wait_for_redis
  say "redis-server on 127.0.0.1:$REDIS_PORT (pid $(alive redis))"

  for index in "${!INSTANCE_PORTS[@]}"; do
    name=instance-$((index + 1))
    # The passwords go in the environment (which only the owner can read), not on a command line.
    (cd "$PUBLISHED" \
      && export ASPNETCORE_ENVIRONMENT=Production PathBase=$PATH_BASE \
           ConnectionStrings__Redis="127.0.0.1:$REDIS_PORT,password=$(<"$SECRETS/redis.password")" \
           DataProtection__Certificate="$SECRETS/keys.pfx" DataProtection__CertificatePassword="$(<"$SECRETS/keys.password")" \
      && start "$name" dotnet HelloMvc.Web.dll --urls "http://127.0.0.1:${INSTANCE_PORTS[index]}")
  done
  for index in "${!INSTANCE_PORTS[@]}"; do
    name=instance-$((index + 1))
    wait_for "$name" "http://127.0.0.1:${INSTANCE_PORTS[index]}$PATH_BASE/healthz/ready"
    say "$name on http://127.0.0.1:${INSTANCE_PORTS[index]}$PATH_BASE/ (pid $(alive "$name"))"
  done

  start nginx "$(find_program nginx)" -p "$RUN/nginx/" -c "$CONF" -e "$RUN/nginx/error.log" -g 'daemon off;'
  wait_for nginx "${URL}healthz/ready"
  say "nginx on 127.0.0.1:$NGINX_PORT (pid $(alive nginx))"
  say ""
  say "HelloMvc is up: $URL"
}

down() {
  local name failed=0
  for name in nginx instance-2 instance-1 redis; do stop "$name" || failed=1; done
  (( failed == 0 )) || die "the cluster is not all down: see above"
  say "the cluster is down"
}

status() {
  local name pid index
  for name in redis instance-1 instance-2 nginx; do
    if pid=$(alive "$name"); then say "$name: running (pid $pid)"
    elif [[ -f $RUN/$name.pid ]]; then say "$name: not running (it stopped without \`down\`: see $RUN/$name.log)"
    else say "$name: not running"; fi
  done
  for index in "${!INSTANCE_PORTS[@]}"; do
    say "instance-$((index + 1)) readiness: $(answer "http://127.0.0.1:${INSTANCE_PORTS[index]}$PATH_BASE/healthz/ready")"
  done
  say "through nginx: $URL: $(answer "$URL")"
}

case ${1:-} in
  up) up ;;
  down) down ;;
  status) status ;;
  *) say "usage: deploy/cluster.sh up|down|status" >&2; exit 2 ;;
esac
