-- Used by bench/run.sh for every measured page: wrk's own request loop (headers come from -H, so no
-- Lua runs per request), and one line at the end that the script reads instead of wrk's prose.
function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format("BENCH requests=%d duration_us=%d p50_us=%d p99_us=%d status_errors=%d socket_errors=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    errors.status, errors.connect + errors.read + errors.write + errors.timeout))
end
