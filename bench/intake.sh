#!/usr/bin/env bash
# Application intake: POST /api/v1/requests with real citizen tokens (fetched before each run), an
# Idempotency-Key used once per request, the form schema's validation, the request and its outbox event
# written in one transaction. A: requests-service direct (it checks the token itself); C: through the
# gateway (token check, rate limit in Redis, circuit breaker, then the service). Rounds A C A C.
# Afterwards it checks what the figures are worth: every acknowledged (201) submission is in the
# database exactly once with its key, the outbox is drained, and each one's RequestSubmitted was
# published to the requests topic exactly once.
#
#   bench/intake.sh
#   BENCH_CONNECTIONS=64 bench/intake.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$BENCH_DIR/services.sh"

need_tools
use_infra

RESULTS="$WORK/intake.results"; : > "$RESULTS"
ACKS="$WORK/intake-acks"; rm -f "$ACKS".*
SINCE_MS="$(date +%s%3N)"

say "Starting service-catalog (demo data, own database, outbox relay off) and requests-service (own database,"
say "outbox relay on: its RequestSubmitted events go to the shared requests topic)..."
start_service service-catalog --huduma.outbox.relay-enabled=false
await_service service-catalog
start_service requests-service --huduma.requests.demo-data.enabled=false
await_service requests-service
CATALOG="http://127.0.0.1:${SERVICE_PORT[service-catalog]}"
REQUESTS="http://127.0.0.1:${SERVICE_PORT[requests-service]}"
REQUESTS_DB="$(psql_infra -d postgres -c "SELECT datname FROM pg_database WHERE datname LIKE 'bench_requests_service_$$'")"

GATEWAY_PORT="$(free_port)"; GATEWAY_MANAGEMENT_PORT="$(free_port)"
say "Starting a gateway on :$GATEWAY_PORT with the shipped routes to both..."
started=$SECONDS
# shellcheck disable=SC2046
BENCH_CATALOG_GRPC="static://127.0.0.1:${SERVICE_GRPC[service-catalog]}" start_gateway "$WORK/gateway-intake.log" \
    "$GATEWAY_PORT" "$GATEWAY_MANAGEMENT_PORT" $(gateway_routes_to service-catalog requests-service) ${BENCH_GATEWAY_ARGS:-}
GATEWAY_PID=$PID
wait_http "http://127.0.0.1:$GATEWAY_MANAGEMENT_PORT/actuator/health" 900 "$GATEWAY_PID" \
  || die "the gateway did not start (see $WORK/gateway-intake.log)"
say "  gateway UP after $((SECONDS - started))s, $(rss_mb "$GATEWAY_PID") MB resident"
GATEWAY="http://127.0.0.1:$GATEWAY_PORT"

# the application: the demo catalogue's business name registration, answers that pass its form schema
SERVICE_ID="$(curl -fs "$CATALOG/api/v1/services?q=business%20name%20registration&agency=brela" -H 'Accept-Language: en' \
  | jq -r '[.items[] | select(.slug == "business-name-registration")][0].id // empty')"
[[ -n "$SERVICE_ID" ]] || die "the catalogue has no business name registration (see $WORK/service-catalog.log)"
BODY="$WORK/intake-body.json"
cat > "$BODY" <<JSON
{"serviceId":"$SERVICE_ID","channel":"web","answers":{"businessName":"Amina Vitenge na Mitindo",
 "activity":"Uuzaji wa vitenge na ushonaji","ownerNin":"19900412123450000123","region":"dar-es-salaam"}}
JSON
TOKENS="$WORK/intake-tokens"
fetch_tokens() {
  { token citizen.amina; token citizen.juma; } > "$TOKENS"
  [[ $(grep -c . "$TOKENS") -eq 2 ]] && ! grep -q '^null$' "$TOKENS" || die "could not get the citizens' tokens from $KEYCLOAK_URL"
}
fetch_tokens

# one submission by hand first: a 201 through the gateway, and the same key again replays it
key="bench-smoke-$$"
submit_once() {
  curl -s -o "$WORK/intake-smoke.json" -w '%{http_code}' -X POST "$GATEWAY/api/v1/requests" \
    -H "Authorization: Bearer $(head -n 1 "$TOKENS")" -H 'Content-Type: application/json' -H "Idempotency-Key: $key" \
    --data-binary @"$BODY"
}
# the first call warms everything up (the catalogue's form schema over gRPC, the JIT): a timeout is retried
# with the same key, which is what the key is for
for attempt in 1 2 3 4 5; do
  first="$(submit_once)"
  [[ "$first" == 504 || "$first" == 503 ]] || break
  say "  a first submission answered $first (attempt $attempt); again with the same Idempotency-Key..."
  sleep 2
done
[[ "$first" == 201 || "$first" == 200 ]] || die "a submission through the gateway answered $first: $(cat "$WORK/intake-smoke.json")"
again="$(submit_once)"
say "  a submission through the gateway: $first; the same Idempotency-Key again: $again"
jq -r .id "$WORK/intake-smoke.json" > "$ACKS.smoke"

# intake_run LABEL URL: one wrk run with fresh tokens and keys of its own
intake_run() {
  fetch_tokens
  BENCH_TOKENS="$TOKENS" BENCH_BODY="$BODY" BENCH_RUN="$1-$(date +%s%N)" BENCH_ACKS="$ACKS.$1-$(date +%s%N)" \
    wrk_run "$1" "$2/api/v1/requests" "$BENCH_DIR/intake.lua"
}
export BENCH_TOKENS="$TOKENS" BENCH_BODY="$BODY"
fetch_tokens
BENCH_ACKS="$ACKS.warm-direct" BENCH_RUN="warm-direct-$$" warm "requests-service direct" "$REQUESTS/api/v1/requests" "$BENCH_DIR/intake.lua"
BENCH_ACKS="$ACKS.warm-gateway" BENCH_RUN="warm-gateway-$$" warm "gateway" "$GATEWAY/api/v1/requests" "$BENCH_DIR/intake.lua"
if [[ -n "${BENCH_PROFILE:-}" ]]; then
  jcmd "${SERVICE_PID[requests-service]}" JFR.start name=bench settings=profile filename="$WORK/requests-intake.jfr" > /dev/null
  jcmd "$GATEWAY_PID" JFR.start name=bench settings=profile filename="$WORK/gateway-intake.jfr" > /dev/null
fi
POSTGRES_PID="$(pgrep -o -f 'postgres.*-D' || true)"
CPU_GROUPS="requests:${SERVICE_PID[requests-service]} gateway:$GATEWAY_PID${POSTGRES_PID:+ postgres:$POSTGRES_PID}"
for round in $(seq 1 "$BENCH_ROUNDS"); do
  say "Round $round ($(load_now))"
  intake_run "intake:direct" "$REQUESTS"
  intake_run "intake:gateway" "$GATEWAY"
done
if [[ -n "${BENCH_PROFILE:-}" ]]; then
  jcmd "${SERVICE_PID[requests-service]}" JFR.stop name=bench > /dev/null
  jcmd "$GATEWAY_PID" JFR.stop name=bench > /dev/null
  say "JFR profiles: $WORK/requests-intake.jfr, $WORK/gateway-intake.jfr (bench/hot-methods.sh FILE)"
fi
say "  resident after load: requests-service $(rss_mb "${SERVICE_PID[requests-service]}") MB, gateway $(rss_mb "$GATEWAY_PID") MB"
table "Application intake (POST /api/v1/requests, 2 citizens, a new Idempotency-Key each)" "intake:direct" \
  "intake:direct" "intake:gateway"

# --- what the figures are worth -------------------------------------------------------------------------
say "Checking every acknowledged submission (the warm-up's too)..."
cat "$ACKS".* > "$ACKS.all"
acknowledged="$(grep -c . "$ACKS.all" || true)"
distinct="$(sort -u "$ACKS.all" | grep -c . || true)"
drained=""
for _ in $(seq 1 120); do
  unpublished="$(psql_infra -d "$REQUESTS_DB" -c "SELECT count(*) FROM outbox_event WHERE published_at IS NULL")"
  [[ "$unpublished" == 0 ]] && { drained=yes; break; }
  sleep 1
done
psql_infra -d "$REQUESTS_DB" > "$WORK/intake-db.txt" 2>&1 <<SQL || true
CREATE TEMP TABLE acked (id uuid);
\\copy acked FROM '$ACKS.all'
SELECT 'DB acknowledged ids found ' || (SELECT count(DISTINCT a.id) FROM acked a JOIN request r ON r.id = a.id)
    || '; requests ' || (SELECT count(*) FROM request)
    || ', Idempotency-Keys ' || (SELECT count(*) FROM submission_key)
    || ', RequestSubmitted in the outbox ' || (SELECT count(*) FROM outbox_event WHERE event_type LIKE '%RequestSubmitted');
SQL
db_line="$(grep '^DB ' "$WORK/intake-db.txt" || cat "$WORK/intake-db.txt")"
devstack_tool io.huduma.devstack.bench.SubmittedEvents "$HUDUMA_KAFKA_BOOTSTRAP" "$ACKS.all" "$SINCE_MS" 180 \
  > "$WORK/intake-events.log" 2>&1 || true
events_line="$(grep -A5 '^EVENTS ' "$WORK/intake-events.log" || echo "EVENTS the check did not run (see $WORK/intake-events.log)")"
say ""
say "| check | figure |"
say "|---|---|"
say "| acknowledged (201), distinct request ids | $acknowledged, $distinct |"
say "| in the database | ${db_line#DB } |"
say "| outbox drained after the load | ${drained:-NO: $unpublished unpublished after 120 s} |"
say "| RequestSubmitted on the topic, each acknowledged id once | $(printf '%s' "$events_line" | head -n 1 | sed 's/^EVENTS //') |"
printf '%s\n' "$events_line" | sed -n '2,$p'
