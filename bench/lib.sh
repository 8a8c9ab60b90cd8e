# Shared by the bench/ scripts (sourced, not run). Everything a bench starts listens on loopback, on
# free ports, and is stopped by its recorded PID when the script ends; the shared infrastructure and
# any running local stack are used, never stopped.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
VERSION="0.1.0-SNAPSHOT"
export BENCH_DIR

# load: wrk threads, connections, seconds per run; rounds of A B C
BENCH_THREADS="${BENCH_THREADS:-2}"
BENCH_CONNECTIONS="${BENCH_CONNECTIONS:-32}"
BENCH_SECONDS="${BENCH_SECONDS:-10}"
BENCH_WARMUP_SECONDS="${BENCH_WARMUP_SECONDS:-30}"
BENCH_ROUNDS="${BENCH_ROUNDS:-2}"
# JVM flags of the Java processes a bench starts. Default: the production profile (tiered JIT, G1), as
# the manifests run them; HUDUMA_SERVICE_JAVA_OPTS-style laptop flags can be compared by overriding this.
BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:--Xms256m -Xmx512m -XX:+UseG1GC}"

# On a machine shared with builds, everything measured (wrk, nginx, the JVMs) runs at the same raised
# priority, so that A, B and C get the CPU they need in the same proportion (root only; 0 to turn off).
BENCH_NICE="${BENCH_NICE:-$([[ $(id -u) -eq 0 ]] && echo -5 || echo 0)}"
NICE=(nice -n "$BENCH_NICE")

WORK="${BENCH_WORK:-$ROOT/.huduma/bench}"
mkdir -p "$WORK"
STARTED_PIDS=()

say() { printf '%s\n' "$*"; }
die() { printf 'bench: %s\n' "$*" >&2; exit 1; }

# --- tools ------------------------------------------------------------------------------------------

need_tools() {
  local packages=() tool
  PATH="$PATH:/usr/sbin:/sbin"
  for tool in wrk nginx curl jq python3; do command -v "$tool" > /dev/null || packages+=("$tool"); done
  (( ${#packages[@]} == 0 )) && return 0
  say "Installing ${packages[*]} (Debian packages)..."
  local sudo=(); [[ $(id -u) -eq 0 ]] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq > /dev/null && "${sudo[@]}" apt-get install -y -qq "${packages[@]}" > /dev/null \
    || die "could not install ${packages[*]}; install them and run again"
  hash -r
}

# --- processes --------------------------------------------------------------------------------------

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

remember() { STARTED_PIDS+=("$1"); }

stop_started() {
  local i pid
  for (( i=${#STARTED_PIDS[@]}-1; i>=0; i-- )); do
    pid="${STARTED_PIDS[$i]}"
    kill -0 "$pid" 2> /dev/null || continue
    kill -TERM "$pid" 2> /dev/null || true
    for _ in $(seq 1 40); do kill -0 "$pid" 2> /dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2> /dev/null && kill -KILL "$pid" 2> /dev/null || true
  done
  STARTED_PIDS=()
}
trap 'stop_started; release_lease' EXIT

# wait_http URL SECONDS [PID]: until URL answers 2xx (fails if PID dies or time runs out)
wait_http() {
  local url="$1" timeout="$2" pid="${3:-}" started=$SECONDS
  until curl -fs -o /dev/null --max-time 3 "$url"; do
    [[ -z "$pid" ]] || kill -0 "$pid" 2> /dev/null || return 1
    (( SECONDS - started < timeout )) || return 1
    sleep 0.2
  done
}

rss_mb() { awk '/^VmRSS/ {printf "%d", $2 / 1024}' "/proc/$1/status" 2> /dev/null || echo "?"; }

load_now() { uptime | sed 's/.*load average: /load /'; }

# nginx_start DIR SERVERS: an nginx (workers = cores, no access log, all paths under DIR) serving the
# given http-level configuration (upstreams and servers); sets NGINX_PID
nginx_start() {
  local dir="$1" servers="$2"
  rm -rf "$dir"; mkdir -p "$dir/logs" "$dir/tmp"
  cat > "$dir/nginx.conf" <<EOF
worker_processes auto;
daemon off;
pid $dir/nginx.pid;
error_log $dir/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $dir/tmp/body;
  proxy_temp_path $dir/tmp/proxy;
  fastcgi_temp_path $dir/tmp/fastcgi;
  uwsgi_temp_path $dir/tmp/uwsgi;
  scgi_temp_path $dir/tmp/scgi;
  keepalive_requests 1000000;
$servers
}
EOF
  "${NICE[@]}" nginx -p "$dir" -c "$dir/nginx.conf" > "$dir/logs/stdout.log" 2>&1 &
  NGINX_PID=$!
  remember "$NGINX_PID"
}

# --- the shared infrastructure ----------------------------------------------------------------------

INFRA_ENV="$ROOT/.huduma/run/infra.env"

# A lease, as ./huduma test takes one: a test run that started the infrastructure stops it when it ends
# unless another live process holds a lease, so the bench holds one while it runs.
LEASE="$ROOT/.huduma/run/leases/$$"
take_lease() {
  mkdir -p "$ROOT/.huduma/run/leases"
  ( flock 9; echo $$ > "$LEASE" ) 9> "$ROOT/.huduma/run/.lock"
}
release_lease() { rm -f "$LEASE"; }

use_infra() {
  take_lease
  if [[ ! -f "$INFRA_ENV" ]]; then
    say "The infrastructure is not running: starting it (./huduma infra up test); it is left running."
    "$ROOT/huduma" infra up test
  fi
  set -a
  # shellcheck disable=SC1090
  . "$INFRA_ENV"
  set +a
  KEYCLOAK_URL="$HUDUMA_KEYCLOAK_URL"
  REDIS_URL="redis://$HUDUMA_REDIS_HOST:$HUDUMA_REDIS_PORT"
}

stack_fact() { sed -n "s/^${1//./\\.}=//p" "$ROOT/stack.properties" | head -n 1; }

# token USER: a real access token of a demo user (the dev realm's direct-grant client huduma-cli)
token() {
  curl -fs -d grant_type=password -d client_id=huduma-cli -d "username=$1" \
    --data-urlencode "password=$(stack_fact demo.password)" \
    "$KEYCLOAK_URL/realms/huduma/protocol/openid-connect/token" | jq -r .access_token
}

# tampered TOKEN: the same token with one character of its signature changed
tampered() {
  local signature="${1##*.}" c
  c="${signature:20:1}"; [[ "$c" == A ]] && c=B || c=A
  printf '%s.%s%s%s' "${1%.*}" "${signature:0:20}" "$c" "${signature:21}"
}

# --- service jars -----------------------------------------------------------------------------------

# jar MODULE: the module's executable jar, built (offline when possible) when missing
jar() {
  local file="$ROOT/$1/target/$1-$VERSION-exec.jar"
  if [[ ! -f "$file" ]]; then
    say "Building $1..." >&2
    (cd "$ROOT" && { ./mvnw -B -q -o install -DskipTests -pl "$1" -am || ./mvnw -B -q install -DskipTests -pl "$1" -am; }) >&2 \
      || die "the build of $1 failed"
  fi
  echo "$file"
}

# start_java NAME LOG ENV_ASSIGNMENTS... -- JAR_ARGS...: starts a service jar in the background; sets PID
start_java() {
  local name="$1" log="$2"; shift 2
  local envs=()
  while [[ $# -gt 0 && "$1" != "--" ]]; do envs+=("$1"); shift; done
  shift
  # shellcheck disable=SC2086
  env "${envs[@]}" nohup "${NICE[@]}" java $BENCH_JAVA_OPTS -jar "$(jar "$name")" "$@" > "$log" 2>&1 < /dev/null &
  PID=$!
  remember "$PID"
}

# start_gateway LOG PORT MANAGEMENT_PORT EXTRA_ARGS...: a gateway (profile local: the dev client secret) on
# the shared Keycloak, Redis and Kafka,
# without Eureka registration (routes come from the arguments or spring.cloud.discovery.client.simple),
# rate limits on (in Redis) with budgets no benchmark reaches, token validation on.
start_gateway() {
  local log="$1" port="$2" management="$3"; shift 3
  start_java gateway "$log" PORT="$port" MANAGEMENT_PORT="$management" KEYCLOAK_URL="$KEYCLOAK_URL" \
      REDIS_URL="$REDIS_URL" KAFKA_BOOTSTRAP="$HUDUMA_KAFKA_BOOTSTRAP" -- \
      --spring.profiles.active=local --eureka.client.enabled=false \
      --spring.grpc.client.channels.service-catalog.address="${BENCH_CATALOG_GRPC:-static://127.0.0.1:1}" \
      --huduma.gateway.rate-limits.anonymous.requests=1000000000 \
      --huduma.gateway.rate-limits.authenticated.requests=1000000000 \
      "$@"
}

# --- load and tables --------------------------------------------------------------------------------

# CPU time (clock ticks, user + system, all threads) of a process and its children (nginx's workers)
cpu_ticks() {
  local pid total=0 t
  for pid in "$@" $(for p in "$@"; do ps -o pid= --ppid "$p" 2> /dev/null; done); do
    t="$(awk '{print $14 + $15}' "/proc/$pid/stat" 2> /dev/null || echo 0)"
    total=$((total + t))
  done
  echo "$total"
}

# CPU_GROUPS: "name:pid[,pid] ..." whose CPU per request each run records (what each request costs each
# process, which stays meaningful when the machine is saturated and throughput is not)
CPU_GROUPS="${CPU_GROUPS:-}"
TICK_US=$((1000000 / $(getconf CLK_TCK)))
group_pids() { local p="${1#*:}"; echo "${p//,/ }"; }

# wrk_run LABEL URL [SCRIPT] [SECONDS]: one bounded wrk run; appends
# "LABEL req/s p50 p99 non-2xx socket-errors [name=cpu-us-per-request ...]" to $RESULTS
wrk_run() {
  local label="$1" url="$2" script="${3:-$BENCH_DIR/headers.lua}" seconds="${4:-$BENCH_SECONDS}" line group
  local -A before=()
  for group in $CPU_GROUPS; do before[$group]="$(cpu_ticks $(group_pids "$group"))"; done
  line="$("${NICE[@]}" wrk -t"$BENCH_THREADS" -c"$BENCH_CONNECTIONS" -d"${seconds}s" --latency -s "$script" "$url" | grep '^BENCH ' || true)"
  [[ -n "$line" ]] || die "wrk produced no figures for $label ($url)"
  read -r _ total rps p50 p99 status socket <<< "$line"
  local cpu=""
  for group in $CPU_GROUPS; do
    local ticks=$(( $(cpu_ticks $(group_pids "$group")) - before[$group] ))
    cpu="$cpu ${group%%:*}=$(( total > 0 ? ticks * TICK_US / total : 0 ))"
  done
  printf '%s %s %s %s %s %s%s\n' "$label" "$rps" "$p50" "$p99" "$status" "$socket" "$cpu" >> "$RESULTS"
  printf '  %-34s %9s req/s  p50 %7s ms  p99 %7s ms  non-2xx %s  socket errors %s  CPU us/request:%s\n' \
    "$label" "$rps" "$p50" "$p99" "$status" "$socket" "${cpu:- -}"
}

# warm LABEL URL [SCRIPT]: JIT warm-up, not recorded
warm() {
  local label="$1" url="$2" script="${3:-$BENCH_DIR/headers.lua}"
  "${NICE[@]}" wrk -t"$BENCH_THREADS" -c"$BENCH_CONNECTIONS" -d"${BENCH_WARMUP_SECONDS}s" -s "$script" "$url" > /dev/null 2>&1 || true
  say "  (warmed $label for ${BENCH_WARMUP_SECONDS}s)"
}

# table TITLE REFERENCE_LABEL LABEL...: means over the rounds, ratio of throughput and p99 to the reference
table() {
  local title="$1" reference="$2"; shift 2
  say ""
  say "### $title ($(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(load_now); wrk -t$BENCH_THREADS -c$BENCH_CONNECTIONS -d${BENCH_SECONDS}s, $BENCH_ROUNDS rounds A B C...)"
  say ""
  local groups="" group
  for group in $CPU_GROUPS; do groups="$groups ${group%%:*}"; done
  say "| path | req/s (mean; rounds) | p50 ms | p99 ms | non-2xx, errors | throughput vs $reference | p99 vs $reference |$(for g in $groups; do printf ' CPU us/req %s |' "$g"; done)"
  say "|---|---|---|---|---|---|---|$(for g in $groups; do printf -- '---|'; done)"
  awk -v ref="$reference" -v order="$*" -v groups="$groups" '
    { n[$1]++; rps[$1] += $2; p50[$1] += $3; p99[$1] += $4; err[$1] += $5 + $6; rounds[$1] = rounds[$1] (rounds[$1] == "" ? "" : ", ") sprintf("%.0f", $2)
      for (f = 7; f <= NF; f++) { split($f, kv, "="); cpu[$1, kv[1]] += kv[2] } }
    END {
      split(order, labels, " "); ng = split(groups, gs, " ")
      for (i = 1; labels[i] != ""; i++) {
        l = labels[i]; if (!n[l]) continue
        r = rps[l] / n[l]; rr = rps[ref] / n[ref]; q = p99[l] / n[l]; qr = p99[ref] / n[ref]
        printf "| %s | %.0f (%s) | %.1f | %.1f | %d | %.2fx | %.2fx |", l, r, rounds[l], p50[l] / n[l], q, err[l], r / rr, q / qr
        for (g = 1; g <= ng; g++) printf " %.0f |", cpu[l, gs[g]] / n[l]
        printf "\n"
      }
    }' "$RESULTS"
  say ""
}

# --- Java tools of the benches (devstack, package io.huduma.devstack.bench) ----------------------------

# devstack_tool CLASS ARGS...: runs a main class of the devstack with its classpath; the devstack is
# rebuilt first when its sources are newer than its jar (the running infrastructure may be an older copy)
devstack_tool() {
  local jar="$ROOT/devstack/target/devstack-$VERSION.jar" args="$ROOT/.huduma/devstack/classpath.args"
  [[ -f "$args" ]] || die "no devstack classpath ($args): start the infrastructure once (./huduma infra up test)"
  (
    flock 9
    if [[ ! -f "$jar" || -n "$(find "$ROOT/devstack/src/main" "$ROOT/devstack/pom.xml" -newer "$jar" -type f | head -n 1)" ]]; then
      say "Building the devstack tools..." >&2
      (cd "$ROOT" && ./mvnw -B -q -o -pl devstack package -DskipTests >&2) || die "the devstack build failed"
    fi
  ) 9> /tmp/huduma-devstack-build.lock
  local classpath
  # the running infrastructure's copy of the devstack jar is left out: the fresh one takes its place
  classpath="$(sed -e "s/^-cp \"//" -e "s/\"\$//" "$args" | tr : "\n" | grep -v "/.huduma/devstack/devstack.jar\$" | paste -sd :)"
  java -Xms64m -Xmx512m -XX:+UseSerialGC -cp "$jar:$classpath" "$@"
}
