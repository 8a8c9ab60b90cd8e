#!/usr/bin/env bash
# The gateway's own cost, on a static backend: A = nginx serving a constant JSON body (direct),
# B = nginx as a plain reverse proxy to it, C = the gateway routing to it with a real token validated
# (signature, issuer, audience, expiry) and the caller's rate-limit bucket drawn from in Redis.
# Runs A B C A B C (BENCH_ROUNDS) in one go and prints the table with ratios to nginx's proxy.
#
#   bench/static.sh                     the table
#   BENCH_PROFILE=1 bench/static.sh     also records a JFR profile of the gateway under load (.huduma/bench/)
#   BENCH_VARIANT="--huduma.gateway.token-cache.enabled=false" bench/static.sh
#                                       a second gateway with these extra arguments, measured as D in the same rounds
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

need_tools
use_infra

RESULTS="$WORK/static.results"; : > "$RESULTS"
BACKEND_PORT="$(free_port)"; PROXY_PORT="$(free_port)"
GATEWAY_PORT="$(free_port)"; GATEWAY_MANAGEMENT_PORT="$(free_port)"

BODY='{"code":"brela","name":{"sw":"Wakala wa Usajili wa Biashara na Leseni","en":"Business Registrations and Licensing Agency"},"contact":{"email":"info@brela.go.tz","phone":"+255222212800"},"status":"ACTIVE","services":12}'
nginx_start "$WORK/nginx-static" "
  upstream backend { server 127.0.0.1:$BACKEND_PORT; keepalive 64; }
  server {
    listen 127.0.0.1:$BACKEND_PORT;
    location / {
      default_type application/json;
      return 200 '$BODY';
    }
  }
  server {
    listen 127.0.0.1:$PROXY_PORT;
    location / {
      proxy_pass http://backend;
      proxy_http_version 1.1;
      proxy_set_header Connection \"\";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$remote_addr;
    }
  }"

say "Starting a gateway on :$GATEWAY_PORT with one route /bench/** -> nginx :$BACKEND_PORT (token check and rate limits on)..."
started=$SECONDS
start_gateway "$WORK/gateway-static.log" "$GATEWAY_PORT" "$GATEWAY_MANAGEMENT_PORT" \
    "--spring.cloud.gateway.server.webflux.routes[0].id=bench-static" \
    "--spring.cloud.gateway.server.webflux.routes[0].uri=http://127.0.0.1:$BACKEND_PORT" \
    "--spring.cloud.gateway.server.webflux.routes[0].predicates[0]=Path=/bench/**" \
    ${BENCH_GATEWAY_ARGS:-}
GATEWAY_PID=$PID
if [[ -n "${BENCH_VARIANT:-}" ]]; then
  VARIANT_PORT="$(free_port)"
  # shellcheck disable=SC2086
  start_gateway "$WORK/gateway-static-variant.log" "$VARIANT_PORT" "$(free_port)" \
      "--spring.cloud.gateway.server.webflux.routes[0].id=bench-static" \
      "--spring.cloud.gateway.server.webflux.routes[0].uri=http://127.0.0.1:$BACKEND_PORT" \
      "--spring.cloud.gateway.server.webflux.routes[0].predicates[0]=Path=/bench/**" \
      ${BENCH_GATEWAY_ARGS:-} $BENCH_VARIANT
  VARIANT_PID=$PID
fi
wait_http "http://127.0.0.1:$GATEWAY_MANAGEMENT_PORT/actuator/health" 900 "$GATEWAY_PID" \
  || die "the gateway did not start (see $WORK/gateway-static.log)"
say "  gateway ready in $((SECONDS - started))s (pid $GATEWAY_PID, $(rss_mb "$GATEWAY_PID") MB resident)"
if [[ -n "${BENCH_VARIANT:-}" ]]; then
  wait_http "http://127.0.0.1:$VARIANT_PORT/bench/agency" 900 "$VARIANT_PID" || true
  say "  variant gateway (${BENCH_VARIANT}) on :$VARIANT_PORT (pid $VARIANT_PID)"
fi
wait_http "http://127.0.0.1:$BACKEND_PORT/" 10 || die "nginx did not start (see $WORK/nginx-static/logs)"

TOKEN="$(token citizen.amina)"
[[ -n "$TOKEN" && "$TOKEN" != null ]] || die "no token from $KEYCLOAK_URL"
AUTH="Authorization: Bearer $TOKEN"
check="$(curl -s -o /dev/null -w '%{http_code}' -H "$AUTH" "http://127.0.0.1:$GATEWAY_PORT/bench/agency")"
[[ "$check" == 200 ]] || die "the gateway answered $check to a valid token (see $WORK/gateway-static.log)"
check="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $(tampered "$TOKEN")" "http://127.0.0.1:$GATEWAY_PORT/bench/agency")"
[[ "$check" == 401 ]] || die "the gateway answered $check to a tampered token: token validation is not on"

CPU_GROUPS="nginx:$NGINX_PID gateway:$GATEWAY_PID"
A="nginx-direct"; B="nginx-proxy"; C="gateway(token+limit)"; D="gateway(variant)"
export BENCH_HEADERS="$AUTH"
warm "$C" "http://127.0.0.1:$GATEWAY_PORT/bench/agency"
[[ -z "${BENCH_VARIANT:-}" ]] || warm "$D" "http://127.0.0.1:$VARIANT_PORT/bench/agency"
if [[ -n "${BENCH_PROFILE:-}" ]]; then
  jcmd "$GATEWAY_PID" JFR.start name=bench settings=profile filename="$WORK/gateway-static.jfr" > /dev/null
fi
for round in $(seq 1 "$BENCH_ROUNDS"); do
  say "Round $round ($(load_now))"
  wrk_run "$A" "http://127.0.0.1:$BACKEND_PORT/bench/agency"
  wrk_run "$B" "http://127.0.0.1:$PROXY_PORT/bench/agency"
  wrk_run "$C" "http://127.0.0.1:$GATEWAY_PORT/bench/agency"
  [[ -z "${BENCH_VARIANT:-}" ]] || wrk_run "$D" "http://127.0.0.1:$VARIANT_PORT/bench/agency"
done
if [[ -n "${BENCH_PROFILE:-}" ]]; then
  jcmd "$GATEWAY_PID" JFR.stop name=bench > /dev/null
  say "JFR profile: $WORK/gateway-static.jfr (bench/hot-methods.sh $WORK/gateway-static.jfr)"
fi
say "  gateway resident after load: $(rss_mb "$GATEWAY_PID") MB"
[[ -z "${BENCH_VARIANT:-}" ]] || say "  D = gateway with ${BENCH_VARIANT}"
say "  CPU us/req: nginx = backend and proxy (one nginx); B's proxy cost = B - A; C's gateway cost = its gateway column"
table "Static backend: the gateway's own cost" "$B" "$A" "$B" "$C" "$D"
