-- Loaded by every wrk run of bench/: one machine-readable line at the end.
-- BENCH <requests> <req/s> <p50 ms> <p99 ms> <non-2xx/3xx> <socket errors>
done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format("BENCH %d %.1f %.2f %.2f %d %d\n", summary.requests,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    errors.status, errors.connect + errors.read + errors.write + errors.timeout))
end
