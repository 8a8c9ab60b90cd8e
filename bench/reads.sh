#!/usr/bin/env bash
# Real reads: service-catalog direct (A), nginx proxying to it (B), the gateway routing to it (C:
# the shipped routes, circuit breaker, retry, rate limits in Redis, token check when a token is sent).
# The catalogue runs with its demo data on a database of its own. Rounds A B C A B C for each path;
# also start-up time and resident memory of the catalogue and the gateway.
#
#   bench/reads.sh
#   BENCH_NOCACHE=1 bench/reads.sh    a second catalogue without the search cache, measured as D on the search
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$BENCH_DIR/services.sh"

need_tools
use_infra

RESULTS="$WORK/reads.results"; : > "$RESULTS"
say "Starting service-catalog (demo data, own database, outbox relay off: nothing goes to the shared topics)..."
start_service service-catalog --huduma.outbox.relay-enabled=false
if [[ -n "${BENCH_NOCACHE:-}" ]]; then
  NOCACHE_PORT="$(free_port)"
  start_java service-catalog "$WORK/service-catalog-nocache.log" PORT="$NOCACHE_PORT" GRPC_PORT="$(free_port)" \
      DB_URL="$(bench_database catalog-nocache)" DB_USER="$HUDUMA_PG_USER" DB_PASSWORD="$HUDUMA_PG_PASSWORD" \
      KAFKA_BOOTSTRAP="$HUDUMA_KAFKA_BOOTSTRAP" KEYCLOAK_URL="$KEYCLOAK_URL" -- \
      --spring.profiles.active=local --eureka.client.enabled=false --huduma.outbox.relay-enabled=false \
      --huduma.catalog.search-cache.enabled=false
  NOCACHE_PID=$PID
fi
await_service service-catalog
CATALOG="http://127.0.0.1:${SERVICE_PORT[service-catalog]}"

GATEWAY_PORT="$(free_port)"; GATEWAY_MANAGEMENT_PORT="$(free_port)"
say "Starting a gateway on :$GATEWAY_PORT with the shipped routes, service-catalog at ${CATALOG#http://}..."
started=$SECONDS
# shellcheck disable=SC2046
BENCH_CATALOG_GRPC="static://127.0.0.1:${SERVICE_GRPC[service-catalog]}" start_gateway "$WORK/gateway-reads.log" \
    "$GATEWAY_PORT" "$GATEWAY_MANAGEMENT_PORT" $(gateway_routes_to service-catalog) ${BENCH_GATEWAY_ARGS:-}
GATEWAY_PID=$PID
wait_http "http://127.0.0.1:$GATEWAY_MANAGEMENT_PORT/actuator/health" 900 "$GATEWAY_PID" \
  || die "the gateway did not start (see $WORK/gateway-reads.log)"
say "  gateway UP after $((SECONDS - started))s, $(rss_mb "$GATEWAY_PID") MB resident"
GATEWAY="http://127.0.0.1:$GATEWAY_PORT"
wait_http "$GATEWAY/api/v1/agencies/brela" 120 "$GATEWAY_PID" || die "the gateway does not route to the catalogue"
if [[ -n "${BENCH_NOCACHE:-}" ]]; then
  wait_http "http://127.0.0.1:$NOCACHE_PORT/actuator/health" 900 "$NOCACHE_PID" || die "the second catalogue did not start"
fi

PROXY_PORT="$(free_port)"
nginx_start "$WORK/nginx-reads" "
  upstream catalog { server 127.0.0.1:${SERVICE_PORT[service-catalog]}; keepalive 64; }
  server {
    listen 127.0.0.1:$PROXY_PORT;
    location / {
      proxy_pass http://catalog;
      proxy_http_version 1.1;
      proxy_set_header Connection \"\";
      proxy_set_header Host \$host;
    }
  }"
wait_http "http://127.0.0.1:$PROXY_PORT/api/v1/agencies/brela" 10 || die "nginx does not proxy to the catalogue"

CPU_GROUPS="catalogue:${SERVICE_PID[service-catalog]} gateway:$GATEWAY_PID nginx:$NGINX_PID"
export BENCH_HEADERS="Accept: application/json"
AGENCY="/api/v1/agencies/brela"
SEARCH="/api/v1/services?q=leseni%20ya%20udereva"
for path in "$AGENCY" "$SEARCH"; do
  warm "catalogue $path" "$CATALOG$path"
  warm "gateway $path" "$GATEWAY$path"
done
for round in $(seq 1 "$BENCH_ROUNDS"); do
  say "Round $round ($(load_now))"
  wrk_run "agency:direct" "$CATALOG$AGENCY"
  wrk_run "agency:nginx" "http://127.0.0.1:$PROXY_PORT$AGENCY"
  wrk_run "agency:gateway" "$GATEWAY$AGENCY"
  wrk_run "search:direct" "$CATALOG$SEARCH"
  wrk_run "search:nginx" "http://127.0.0.1:$PROXY_PORT$SEARCH"
  wrk_run "search:gateway" "$GATEWAY$SEARCH"
  [[ -z "${BENCH_NOCACHE:-}" ]] || wrk_run "search:direct-nocache" "http://127.0.0.1:$NOCACHE_PORT$SEARCH"
done
say "  resident after load: service-catalog $(rss_mb "${SERVICE_PID[service-catalog]}") MB, gateway $(rss_mb "$GATEWAY_PID") MB"
say "  On one saturated machine throughput through the gateway is bounded by direct x catalogue / (catalogue + gateway) CPU per request."
table "Agency read (GET $AGENCY)" "agency:direct" "agency:direct" "agency:nginx" "agency:gateway"
table "Catalogue search (GET $SEARCH)" "search:direct" "search:direct" "search:nginx" "search:gateway" "search:direct-nocache"
