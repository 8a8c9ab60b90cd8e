#!/usr/bin/env bash
# Event -> SMS latency (issue 13: p99 < 500 ms at 200 events/s, nothing lost). Starts identity and
# notifications-service on loopback (own databases, free ports, no Eureka, own Kafka consumer group, outbox
# relays off, an SMPP system id of their own), then io.huduma.devstack.bench.SmsLatencyRun: citizens with
# phones created in the shared Keycloak, RequestStatusChanged envelopes published to the requests topic at a
# steady rate (a warm-up, then the measured seconds), the SMS read back from the SMSC simulator's inbox, and
# the figures: sent, received, lost, duplicated, latency p50/p90/p99/max from the envelope's time to the
# SMSC's receipt time, achieved rate, load average, CPU per event of notifications-service and identity.
#
#   bench/sms.sh                                  200 events/s for 60 s
#   BENCH_SMS_RATES="100 200 400" bench/sms.sh    one measured run per rate, one table
#   BENCH_PROFILE=1 bench/sms.sh                  a JFR recording of notifications-service (bench/hot-methods.sh)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$BENCH_DIR/services.sh"

BENCH_SMS_RATE="${BENCH_SMS_RATE:-200}"
BENCH_SMS_RATES="${BENCH_SMS_RATES:-$BENCH_SMS_RATE}"
BENCH_SMS_SECONDS="${BENCH_SMS_SECONDS:-60}"
BENCH_SMS_WARMUP_SECONDS="${BENCH_SMS_WARMUP_SECONDS:-20}"
BENCH_SMS_CITIZENS="${BENCH_SMS_CITIZENS:-50}"
BENCH_SMS_DRAIN_SECONDS="${BENCH_SMS_DRAIN_SECONDS:-300}"
# what the SMSC contract allows (notifications-service's default is 50/s, SMPP_RATE): the goal needs 200/s
BENCH_SMS_SMPP_RATE="${BENCH_SMS_SMPP_RATE:-1000}"
BENCH_SMS_ARGS="${BENCH_SMS_ARGS:-}"

need_tools
use_infra

# --- the driver: the devstack's classes as built from the sources (the running stack may use an older jar) --
DEVSTACK_TARGET="$ROOT/devstack/target/devstack-$VERSION.jar"
DEVSTACK_ARGS="$ROOT/.huduma/devstack/classpath.args"
[[ -f "$DEVSTACK_ARGS" ]] || die "no $DEVSTACK_ARGS (./huduma infra up writes it)"
(
  flock 9
  if [[ ! -f "$DEVSTACK_TARGET" || -n "$(find "$ROOT/devstack/src/main" "$ROOT/devstack/pom.xml" -newer "$DEVSTACK_TARGET" -print -quit)" ]]; then
    say "Building devstack (its sources are newer than its jar)..."
    (cd "$ROOT" && ./mvnw -B -o -q -pl devstack package -DskipTests) || die "the devstack build failed"
  fi
  # a copy: a rebuild of target/ during the run cannot pull classes from under the driver
  cp "$DEVSTACK_TARGET" "$WORK/devstack-sms.jar"
) 9> /tmp/huduma-devstack-build.lock
sed "s|^-cp \"|-cp \"$WORK/devstack-sms.jar:|" "$DEVSTACK_ARGS" > "$WORK/sms-classpath.args"

# --- the services --------------------------------------------------------------------------------------
SMPP_SYSTEM="bench$$"
say "Starting identity and notifications-service (own databases, outbox relays off, SMPP system id $SMPP_SYSTEM, SMPP limit $BENCH_SMS_SMPP_RATE/s)..."
start_service identity --huduma.outbox.relay-enabled=false
start_service notifications-service --huduma.outbox.relay-enabled=false \
    --huduma.notifications.sms.smpp.system-id="$SMPP_SYSTEM" \
    --huduma.notifications.sms.smpp.messages-per-second="$BENCH_SMS_SMPP_RATE" $BENCH_SMS_ARGS
await_service identity
await_service notifications-service
NOTIFICATIONS_PID="${SERVICE_PID[notifications-service]}"
IDENTITY_PID="${SERVICE_PID[identity]}"

if [[ -n "${BENCH_PROFILE:-}" ]]; then
  jcmd "$NOTIFICATIONS_PID" JFR.start name=sms settings=profile > /dev/null
  say "  JFR recording notifications-service ($NOTIFICATIONS_PID)"
fi

RESULTS="$WORK/sms.results"; : > "$RESULTS"
status=0
for rate in $BENCH_SMS_RATES; do
  say ""
  say "== $rate events/s for ${BENCH_SMS_SECONDS}s ($(load_now)) =="
  "${NICE[@]}" java -Xms64m -Xmx512m -XX:+UseSerialGC -Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener "@$WORK/sms-classpath.args" io.huduma.devstack.bench.SmsLatencyRun \
      --kafka="$HUDUMA_KAFKA_BOOTSTRAP" --keycloak="$KEYCLOAK_URL" --inbox="$HUDUMA_INBOX_URL" \
      --admin-user="${HUDUMA_KEYCLOAK_ADMIN_USER:-admin}" --admin-password="${HUDUMA_KEYCLOAK_ADMIN_PASSWORD:-admin}" \
      --group="bench-notifications-service-$$" --rate="$rate" --seconds="$BENCH_SMS_SECONDS" \
      --warmup="$BENCH_SMS_WARMUP_SECONDS" --citizens="$BENCH_SMS_CITIZENS" --drain="$BENCH_SMS_DRAIN_SECONDS" \
      --cpu="notifications:$NOTIFICATIONS_PID,identity:$IDENTITY_PID,devstack:${HUDUMA_DEVSTACK_PID:-0}" --clock-ticks="$(getconf CLK_TCK)" \
    | tee "$WORK/sms-$rate.out" || status=1
  line="$(grep '^BENCH_SMS ' "$WORK/sms-$rate.out" || true)"
  [[ -n "$line" ]] || continue
  tag="$(sed 's/.* tag=\([^ ]*\).*/\1/' <<< "$line")"
  # where the time went inside notifications-service: queued (event handled: contact looked up, message
  # rendered and inserted) -> sent (the dispatcher claimed it and the SMSC answered the submit_sm)
  dispatch="$(psql_infra -d "bench_notifications_service_$$" -F ' ' -c "
    SELECT round(percentile_disc(0.5) WITHIN GROUP (ORDER BY ms)), round(percentile_disc(0.99) WITHIN GROUP (ORDER BY ms)), round(max(ms))
      FROM (SELECT extract(epoch FROM sent_at - created_at) * 1000 AS ms FROM delivery
             WHERE body LIKE '%HD-$tag-M%' AND sent_at IS NOT NULL) d" 2> /dev/null || echo "? ? ?")"
  read -r d50 d99 dmax <<< "$dispatch"
  say "  inside notifications-service, queued -> sent to the SMSC: p50 ${d50:-?} ms, p99 ${d99:-?} ms, max ${dmax:-?} ms (the rest of the latency is Kafka, the listener and the contact lookup)"
  printf 'rate_target=%s %s queued_to_sent_p50=%s queued_to_sent_p99=%s\n' "$rate" "${line#BENCH_SMS }" "${d50:-?}" "${d99:-?}" >> "$RESULTS"
done

if [[ -n "${BENCH_PROFILE:-}" ]]; then
  jcmd "$NOTIFICATIONS_PID" JFR.dump name=sms filename="$WORK/notifications-sms.jfr" > /dev/null
  say "  JFR: $WORK/notifications-sms.jfr (bench/hot-methods.sh $WORK/notifications-sms.jfr)"
fi
say "  resident after load: notifications-service $(rss_mb "$NOTIFICATIONS_PID") MB, identity $(rss_mb "$IDENTITY_PID") MB"

say ""
say "### Event -> SMS accepted by the SMSC simulator ($(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(load_now); ${BENCH_SMS_SECONDS}s per rate after ${BENCH_SMS_WARMUP_SECONDS}s warm-up, $BENCH_SMS_CITIZENS citizens, SMPP limit $BENCH_SMS_SMPP_RATE/s${BENCH_SMS_ARGS:+, notifications-service $BENCH_SMS_ARGS})"
say ""
say "| target events/s | achieved | sent | SMS received | lost | duplicated | p50 ms | p90 ms | p99 ms | max ms | queued -> SMSC p50 / p99 ms | CPU ms/event notifications | CPU ms/event identity | CPU ms/event devstack (Kafka, SMSC; shared) | goal p99 < 500 ms, none lost |"
say "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
awk '{
  for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
  met = (v["p99"] < 500 && v["lost"] == 0 && v["duplicated"] == 0) ? "met" : "**not met**"
  printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s / %s | %s | %s | %s | %s |\n", v["rate_target"], v["rate"], v["sent"],
    v["received"], v["lost"], v["duplicated"], v["p50"], v["p90"], v["p99"], v["max"], v["queued_to_sent_p50"], v["queued_to_sent_p99"],
    v["cpu_ms_per_event_notifications"], v["cpu_ms_per_event_identity"], v["cpu_ms_per_event_devstack"], met
}' "$RESULTS"
say ""
exit "$status"
