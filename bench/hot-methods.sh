#!/usr/bin/env bash
# Where the CPU went in a JFR recording: the top frames of jdk.ExecutionSample (self time), and the
# top Huduma / Spring / Reactor / Netty frames anywhere on the sampled stacks (inclusive).
#   bench/hot-methods.sh FILE.jfr [N]
set -euo pipefail
file="$1"; n="${2:-25}"
samples="$(mktemp)"; trap 'rm -f "$samples"' EXIT
jfr print --events jdk.ExecutionSample --stack-depth 64 "$file" > "$samples"
total="$(grep -c 'jdk.ExecutionSample' "$samples" || true)"
echo "execution samples: $total"
echo; echo "== self (top frame) =="
awk '/stackTrace = \[/ {getline; sub(/^[ \t]+/, ""); sub(/line:.*/, ""); print}' "$samples" \
  | sort | uniq -c | sort -rn | head -n "$n"
echo; echo "== inclusive (any frame; io.huduma, spring, reactor, netty, bucket4j, lettuce, nimbus, logback) =="
awk '/jdk.ExecutionSample/ {delete seen} /^[ \t]+[a-z].*line:/ {f=$0; sub(/^[ \t]+/, "", f); sub(/[ \t]*line:.*/, "", f);
     if (f ~ /^(io\.huduma|org\.springframework|reactor|io\.netty|io\.github\.bucket4j|io\.lettuce|com\.nimbusds|ch\.qos|io\.micrometer|io\.github\.resilience4j)/ && !(f in seen)) {seen[f]=1; print f}}' "$samples" \
  | sort | uniq -c | sort -rn | head -n "$n"
