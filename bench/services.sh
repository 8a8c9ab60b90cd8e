# Sourced by the bench scripts that need real services (after lib.sh). A bench runs its own instances,
# isolated from everyone else on the shared infrastructure: a database of its own per service
# (bench_<service>_<pid>, dropped at the end), free ports, no Eureka registration (the gateway finds
# them through spring.cloud.discovery.client.simple, gRPC clients through static:// addresses), and
# Kafka consumers in groups of their own that start at the newest offset.

BENCH_DATABASES=()

psql_infra() {
  local url="${HUDUMA_PG_URL#jdbc:postgresql://}"
  local hostport="${url%%/*}"
  PGPASSWORD="$HUDUMA_PG_PASSWORD" psql -X -q -t -A -h "${hostport%%:*}" -p "${hostport##*:}" -U "$HUDUMA_PG_USER" "$@"
}

# bench_database NAME: creates a fresh database and prints its JDBC URL
bench_database() {
  local name="bench_${1//-/_}_$$"
  psql_infra -d postgres -c "CREATE DATABASE $name" > /dev/null || die "could not create database $name"
  BENCH_DATABASES+=("$name")
  echo "${HUDUMA_PG_URL%/*}/$name"
}

drop_bench_databases() {
  local name
  # bench_database runs in a command substitution (a subshell), so its BENCH_DATABASES+= is lost: this run's
  # databases are also found by their suffix
  for name in "${BENCH_DATABASES[@]}" $(psql_infra -d postgres -c "SELECT datname FROM pg_database WHERE datname LIKE 'bench\_%\_$$'" 2> /dev/null || true); do
    psql_infra -d postgres -c "DROP DATABASE IF EXISTS $name WITH (FORCE)" > /dev/null 2>&1 || true
  done
  BENCH_DATABASES=()
}
trap 'stop_started; drop_bench_databases; release_lease' EXIT

declare -A SERVICE_PORT=() SERVICE_GRPC=() SERVICE_PID=() SERVICE_READY_S=() SERVICE_RSS=()

# start_service MODULE [EXTRA ARGS...]: starts it (profile local: demo data) and records its ports
start_service() {
  local m="$1"; shift
  local port grpc db
  port="$(free_port)"; grpc="$(free_port)"; db="$(bench_database "$m")"
  SERVICE_PORT[$m]="$port"; SERVICE_GRPC[$m]="$grpc"
  local catalog="static://127.0.0.1:${SERVICE_GRPC[service-catalog]:-1}"
  local identity="static://127.0.0.1:${SERVICE_GRPC[identity]:-1}"
  local notifications="static://127.0.0.1:${SERVICE_GRPC[notifications-service]:-1}"
  start_java "$m" "$WORK/$m.log" PORT="$port" GRPC_PORT="$grpc" DB_URL="$db" DB_USER="$HUDUMA_PG_USER" \
      DB_PASSWORD="$HUDUMA_PG_PASSWORD" KAFKA_BOOTSTRAP="$HUDUMA_KAFKA_BOOTSTRAP" KEYCLOAK_URL="$KEYCLOAK_URL" \
      CATALOG_GRPC="$catalog" CATALOG_GRPC_ADDRESS="$catalog" IDENTITY_GRPC="$identity" NOTIFICATIONS_GRPC="$notifications" \
      SMPP_HOST="$HUDUMA_SMPP_HOST" SMPP_PORT="$HUDUMA_SMPP_PORT" SMTP_HOST="$HUDUMA_SMTP_HOST" SMTP_PORT="$HUDUMA_SMTP_PORT" \
      HTTP_SMS_URL="$HUDUMA_INBOX_URL/sms-http/send" -- \
      --spring.profiles.active=local --eureka.client.enabled=false \
      --spring.kafka.consumer.group-id="bench-$m-$$" --spring.kafka.consumer.auto-offset-reset=latest \
      "$@"
  SERVICE_PID[$m]=$PID
  SERVICE_STARTED[$m]=$SECONDS
}
declare -A SERVICE_STARTED=()

# await_service MODULE: until its health is UP; records seconds to ready and resident memory
await_service() {
  local m="$1"
  wait_http "http://127.0.0.1:${SERVICE_PORT[$m]}/actuator/health" 900 "${SERVICE_PID[$m]}" \
    || die "$m did not start (see $WORK/$m.log)"
  SERVICE_READY_S[$m]=$((SECONDS - SERVICE_STARTED[$m]))
  # the JVM's own figure: "Started ... in X seconds"
  local started; started="$(grep -o 'Started [A-Za-z]* in [0-9.]* seconds' "$WORK/$m.log" | head -n 1 | grep -o '[0-9.]* seconds' || true)"
  say "  $m UP on :${SERVICE_PORT[$m]} (gRPC ${SERVICE_GRPC[$m]}) after ${SERVICE_READY_S[$m]}s (Spring: ${started:-?}), $(rss_mb "${SERVICE_PID[$m]}") MB resident"
}

# gateway_routes_to MODULE...: gateway arguments listing each service as a simple discovery instance
gateway_routes_to() {
  local m i=0
  for m in "$@"; do
    printf -- '--spring.cloud.discovery.client.simple.instances.%s[0].uri=http://127.0.0.1:%s\n' "$m" "${SERVICE_PORT[$m]}"
  done
}

# every bench with services checks and drops its databases with psql
command -v psql > /dev/null || { say "Installing postgresql-client..."; apt-get install -y -qq postgresql-client > /dev/null; }
