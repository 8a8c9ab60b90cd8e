#!/usr/bin/env bash
# Benchmark (not a test): a burst of RequestSubmitted events through notifications-service to the SMSC
# simulator. Prints events/s and the event->SMSC latency p50/p99.
#   ./huduma infra up test            # the shared infrastructure, if not running
#   notifications-service/bench/burst.sh [events=1000] [smscMessagesPerSecond=500]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
./mvnw -B -o -q -pl notifications-service test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
module="$root/notifications-service"
exec java -Dhuduma.root="$root" -cp "$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench.classpath")" \
  io.huduma.notifications.BurstBenchmark "${1:-1000}" "${2:-500}"
