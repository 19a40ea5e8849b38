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
# of the instances are the ones deploy/nginx.conf names. Installs Debian's redis-server and nginx when
# missing (as root). Every wait is bounded.
set -euo pipefail

DEPLOY=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$DEPLOY")
RUN=$DEPLOY/run
CONF=$DEPLOY/nginx.conf
PUBLISHED=$RUN/publish
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

# alive NAME: the pid in run/NAME.pid, if that process still runs the program this script started there.
alive() {
  local file=$RUN/$1.pid pid
  [[ -f $file ]] || return 1
  pid=$(<"$file")
  [[ -r /proc/$pid/cmdline ]] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "$(<"$RUN/$1.program")" && echo "$pid"
}

# start NAME PROGRAM_MARK COMMAND…: runs the command in the background, detached from this shell, logging
# to run/NAME.log, and records its pid (and a word of its command line, so `down` never kills a stranger).
start() {
  local name=$1 mark=$2; shift 2
  nohup "$@" >>"$RUN/$name.log" 2>&1 &
  echo $! >"$RUN/$name.pid"
  echo "$mark" >"$RUN/$name.program"
}

# wait_for NAME URL: until URL answers 200, at most 60 s; fails early if the process died.
wait_for() {
  local name=$1 url=$2 tries=0
  until [[ $(http_status "$url") == 200 ]]; do
    alive "$name" >/dev/null || die "$name stopped while starting: see $RUN/$name.log"
    (( tries++ < 600 )) || die "$url did not answer 200 within 60 s: see $RUN/$name.log"
    sleep 0.1
  done
}

wait_for_redis() {
  local tries=0 answer
  until answer=$( (exec 3<>"/dev/tcp/127.0.0.1/$REDIS_PORT" && printf 'AUTH %s\r\nPING\r\n' "$(<"$SECRETS/redis.password")" >&3 \
                   && timeout 1 head -c 12 <&3) 2>/dev/null) \
        && [[ $answer == $'+OK\r\n+PONG\r' ]]; do  # $(…) drops the final newline
    alive redis >/dev/null || die "redis-server stopped while starting: see $RUN/redis.log"
    (( tries++ < 300 )) || die "redis-server did not answer PING within 30 s: see $RUN/redis.log"
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

# stop NAME: TERM, up to 10 s for a clean exit, then KILL; only the pid this script recorded.
stop() {
  local name=$1 pid tries=0
  if pid=$(alive "$name"); then
    kill "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null && (( tries++ < 100 )); do sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    say "stopped $name (pid $pid)"
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
  mkdir -p "$RUN/redis" "$RUN/nginx/temp"
  make_secrets

  if [[ ${SKIP_PUBLISH:-0} != 1 || ! -f $PUBLISHED/HelloMvc.Web.dll ]]; then
    say "Publishing HelloMvc.Web (Release) to $PUBLISHED…"
    dotnet publish "$REPO/HelloMvc.Web" -c Release -o "$PUBLISHED" --nologo -v quiet >"$RUN/publish.log" 2>&1 \
      || die "publishing failed: see $RUN/publish.log"
  fi

  # Redis keeps an append-only file, so a restart (of Redis or of the cluster) loses no session. Its settings,
  # password included, come from the owner-only redis.conf, never from a command line `ps` shows everyone.
  start redis redis-server "$(find_program redis-server)" "$SECRETS/redis.conf"
  wait_for_redis
  say "redis-server on 127.0.0.1:$REDIS_PORT (pid $(<"$RUN/redis.pid"))"

  for index in "${!INSTANCE_PORTS[@]}"; do
    name=instance-$((index + 1))
    # The passwords go in the environment (which only the owner can read), not on a command line.
    (cd "$PUBLISHED" \
      && export ASPNETCORE_ENVIRONMENT=Production PathBase=$PATH_BASE \
           ConnectionStrings__Redis="127.0.0.1:$REDIS_PORT,password=$(<"$SECRETS/redis.password")" \
           DataProtection__Certificate="$SECRETS/keys.pfx" DataProtection__CertificatePassword="$(<"$SECRETS/keys.password")" \
      && start "$name" HelloMvc.Web.dll dotnet HelloMvc.Web.dll --urls "http://127.0.0.1:${INSTANCE_PORTS[index]}")
  done
  for index in "${!INSTANCE_PORTS[@]}"; do
    name=instance-$((index + 1))
    wait_for "$name" "http://127.0.0.1:${INSTANCE_PORTS[index]}$PATH_BASE/healthz/ready"
    say "$name on http://127.0.0.1:${INSTANCE_PORTS[index]}$PATH_BASE/ (pid $(<"$RUN/$name.pid"))"
  done

  start nginx nginx "$(find_program nginx)" -p "$RUN/nginx/" -c "$CONF" -e "$RUN/nginx/error.log" -g 'daemon off;'
  wait_for nginx "${URL}healthz/ready"
  say "nginx on 127.0.0.1:$NGINX_PORT (pid $(<"$RUN/nginx.pid"))"
  say ""
  say "HelloMvc is up: $URL"
}

down() {
  local name
  for name in nginx instance-2 instance-1 redis; do stop "$name"; done
  say "the cluster is down"
}

status() {
  local name pid index
  for name in redis instance-1 instance-2 nginx; do
    if pid=$(alive "$name"); then say "$name: running (pid $pid)"; else say "$name: not running"; fi
  done
  for index in "${!INSTANCE_PORTS[@]}"; do
    say "instance-$((index + 1)) readiness: $(http_status "http://127.0.0.1:${INSTANCE_PORTS[index]}$PATH_BASE/healthz/ready")"
  done
  say "through nginx: $URL answers $(http_status "$URL")"
}

case ${1:-} in
  up) up ;;
  down) down ;;
  status) status ;;
  *) say "usage: deploy/cluster.sh up|down|status" >&2; exit 2 ;;
esac
