#!/usr/bin/env bash
# Start-up time and idle memory of every deployable module, in the production profile: the JVM flags the
# manifests give (JAVA_TOOL_OPTIONS of deploy/k8s/base/platform-config.yaml) under the memory limit of the
# module's manifest (-XX:MaxRAM, which is what the JVM reads from the container's cgroup), tiered JIT, G1.
# Each module is started alone (nothing else of this bench runs beside it), A B per module, rounds of that:
#   A  the image before 2026-12-02: Spring Boot's launcher over the extracted jar
#      (java org.springframework.boot.loader.launch.JarLauncher), the flags of then (BENCH_STARTUP_BEFORE_FLAGS)
#   B  the image now (deploy/image/Dockerfile): the jar extracted for the class path, a CDS archive written by
#      a training run at build time (java -XX:ArchiveClassesAtExit -Dspring.context.exit=onRefresh, with no
#      infrastructure at all, as the image build has none), java -XX:SharedArchiveFile -jar app.jar, today's flags
# For each: seconds from the JVM's start until its readiness probe says UP, Spring's own "Started ... in",
# resident memory (RSS) when ready and after BENCH_IDLE_SECONDS with no traffic. Services run with profile
# test (the shared infrastructure's dev credentials; no demo data), a fresh database each, registered in the
# shared Eureka as the manifests' pods are in theirs.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$BENCH_DIR/services.sh"

MODULES=(${BENCH_STARTUP_MODULES:-discovery gateway identity service-catalog requests-service notifications-service web-portal ussd-service})
ROUNDS="${BENCH_STARTUP_ROUNDS:-1}"
IDLE="${BENCH_IDLE_SECONDS:-45}"
BEFORE_FLAGS="${BENCH_STARTUP_BEFORE_FLAGS:--XX:MaxRAMPercentage=60 -XX:InitialRAMPercentage=40 -XX:+ExitOnOutOfMemoryError -XX:+UseG1GC}"
NOW_FLAGS="${BENCH_STARTUP_NOW_FLAGS:-$(sed -n 's/^ *JAVA_TOOL_OPTIONS: *//p' "$ROOT/deploy/k8s/base/platform-config.yaml")}"
[[ -n "$NOW_FLAGS" ]] || die "no JAVA_TOOL_OPTIONS in deploy/k8s/base/platform-config.yaml"

need_tools
use_infra

# limit MODULE: the memory limit of its Deployment (the second memory: of its resources), as -XX:MaxRAM
limit() {
  awk '/limits:/ {l = 1} l && /memory:/ {print $2; exit}' "$ROOT/deploy/k8s/base/apps/$1.yaml" \
    | sed 's/Mi$/m/; s/Gi$/g/'
}

# extract MODULE: the two layouts of the image, in $WORK/startup/MODULE/{launcher,cds}; the CDS archive
# by the same training run as deploy/image/Dockerfile (keep the two alike)
extract() {
  local m="$1" dir="$WORK/startup/$1" exec
  exec="$(jar "$m")"
  if [[ "$dir/cds/app.jsa" -nt "$exec" ]]; then
    say "  $m: the CDS archive of this jar is there ($dir/cds/app.jsa)"
    return
  fi
  rm -rf "$dir"; mkdir -p "$dir"
  java -Djarmode=tools -jar "$exec" extract --launcher --destination "$dir/launcher" > /dev/null
  java -Djarmode=tools -jar "$exec" extract --destination "$dir/cds" --application-filename app.jar > /dev/null
  local started=$SECONDS
  ( cd "$dir/cds" && env HUDUMA_SERVICEAUTH_CLIENTSECRET=cds-training DB_USER=cds-training DB_PASSWORD=cds-training \
      EUREKA_PASSWORD=cds-training java -XX:MaxRAM="$(limit "$m")" $NOW_FLAGS -XX:ArchiveClassesAtExit=app.jsa \
      -Dspring.context.exit=onRefresh -Dspring.flyway.enabled=false -Dspring.kafka.admin.auto-create=false \
      -jar app.jar > training.log 2>&1 ) || die "the training run of $m failed: $dir/cds/training.log"
  say "  $m: CDS training run $((SECONDS - started)) s, archive $(du -m "$dir/cds/app.jsa" | cut -f1) MB"
}

declare -A READY=() SPRING=() RSS_READY=() RSS_IDLE=()
seconds() { awk -v ms="$1" 'BEGIN {printf "%.1f", ms / 1000}'; }

# run MODULE VARIANT: start it, wait for ready, idle, record, stop
run() {
  local m="$1" v="$2" dir="$WORK/startup/$1" log="$WORK/startup/$1-$2.log"
  local port grpc management db cmd=() env=() cwd="$WORK/startup/$1"
  port="$(free_port)"; grpc="$(free_port)"; management="$(free_port)"
  env=(PORT="$port" GRPC_PORT="$grpc" MANAGEMENT_PORT="$management" KAFKA_BOOTSTRAP="$HUDUMA_KAFKA_BOOTSTRAP"
       KEYCLOAK_URL="$KEYCLOAK_URL" REDIS_URL="$REDIS_URL" SMTP_HOST="$HUDUMA_SMTP_HOST" SMTP_PORT="$HUDUMA_SMTP_PORT"
       SMPP_HOST="$HUDUMA_SMPP_HOST" SMPP_PORT="$HUDUMA_SMPP_PORT" HTTP_SMS_URL="$HUDUMA_INBOX_URL/sms-http/send"
       EUREKA_URL="http://$HUDUMA_EUREKA_USER:$HUDUMA_EUREKA_PASSWORD@${HUDUMA_EUREKA_URL#http://}" SPRING_PROFILES_ACTIVE=test)
  if grep -q 'datasource:' "$ROOT/$m/src/main/resources/application.yaml"; then
    db="$(bench_database "$m-${v,,}")"
    env+=(DB_URL="$db" DB_USER="$HUDUMA_PG_USER" DB_PASSWORD="$HUDUMA_PG_PASSWORD")
  fi
  if [[ "$v" == A ]]; then
    cmd=(java -XX:MaxRAM="$(limit "$m")" $BEFORE_FLAGS -cp "$dir/launcher" org.springframework.boot.loader.launch.JarLauncher)
  else
    # from the directory of the training run, with the same relative class path (the archive checks it)
    cmd=(java -XX:MaxRAM="$(limit "$m")" $NOW_FLAGS -XX:SharedArchiveFile=app.jsa -jar app.jar)
    cwd="$dir/cds"
  fi
  local probe="http://127.0.0.1:$port/actuator/health/readiness"
  grep -qw "$m" <<< "$(stack_fact management.services)" && probe="http://127.0.0.1:$management/actuator/health/readiness"
  local started; started=$(date +%s%N)
  ( cd "$cwd" && exec env "${env[@]}" nohup "${NICE[@]}" "${cmd[@]}" > "$log" 2>&1 < /dev/null ) &
  local pid=$!; remember "$pid"
  wait_http "$probe" 600 "$pid" || die "$m ($v) exited or was not ready in 600 s: $log"
  READY[$m.$v]="$(( ($(date +%s%N) - started) / 1000000 ))"
  RSS_READY[$m.$v]="$(rss_mb "$pid")"
  SPRING[$m.$v]="$(grep -o 'Started [A-Za-z]* in [0-9.]* seconds' "$log" | head -n 1 | grep -o '[0-9.]*' || echo '?')"
  sleep "$IDLE"
  RSS_IDLE[$m.$v]="$(rss_mb "$pid")"
  if [[ "$v" == B ]] && grep -qi 'unable to use shared archive\|shared class paths mismatch' "$log"; then
    say "  $m (B): the JVM did not use the CDS archive: $(grep -i 'shared archive\|mismatch' "$log" | head -n 1)"
  fi
  say "  $m $v: ready $(seconds "${READY[$m.$v]}") s (Spring ${SPRING[$m.$v]} s), RSS ${RSS_READY[$m.$v]} MB ready, ${RSS_IDLE[$m.$v]} MB after ${IDLE} s idle"
  stop_started
  drop_bench_databases
}

say "Start-up and idle memory, one module at a time ($(nproc) cores, $(load_now))"
say "A (before): $BEFORE_FLAGS, JarLauncher"
say "B (now):    $NOW_FLAGS, -XX:SharedArchiveFile (CDS training run), -jar app.jar"
for m in "${MODULES[@]}"; do extract "$m"; done
for (( round = 1; round <= ROUNDS; round++ )); do
  for m in "${MODULES[@]}"; do
    for v in A B; do run "$m" "$v"; done
  done
done

say ""
say "### \`bench/startup.sh\` ($(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(load_now), memory limit of each manifest as -XX:MaxRAM, last round)"
say ""
say "| module | limit | A ready (Spring) | B ready (Spring) | A RSS ready / idle | B RSS ready / idle |"
say "|---|---|---|---|---|---|"
for m in "${MODULES[@]}"; do
  printf '| %s | %s | %s s (%s s) | %s s (%s s) | %s / %s MB | %s / %s MB |\n' "$m" "$(limit "$m")" \
    "$(seconds "${READY[$m.A]}")" "${SPRING[$m.A]}" "$(seconds "${READY[$m.B]}")" "${SPRING[$m.B]}" \
    "${RSS_READY[$m.A]}" "${RSS_IDLE[$m.A]}" "${RSS_READY[$m.B]}" "${RSS_IDLE[$m.B]}"
done
say ""
say "Goal: ready < 10 s and < 300 MB resident when idle."
