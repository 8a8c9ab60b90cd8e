#!/usr/bin/env bash
# The benchmarks (./huduma bench [NAME...] runs this): static (the gateway's own cost on a static
# backend), reads (service-catalog direct, nginx, gateway), intake, sms and startup (each module's start-up
# time and idle memory in the production profile, before and after the CDS archive); all of them
# when no name is given. Each prints its markdown table with the date, the cores and the load average;
# docs/performance.md keeps them. Nothing here is a test: figures are printed, never asserted.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
names=("$@")
(( ${#names[@]} > 0 )) || names=(static reads intake sms startup)
for name in "${names[@]}"; do
  [[ -x "$here/$name.sh" && "$name" != run-all && "$name" != hot-methods ]] || { echo "bench: no benchmark '$name' (static, reads, intake, sms, startup)" >&2; exit 2; }
  "$here/$name.sh"
done
