# shellcheck shell=bash
# Sourced by the benchmark scripts: what they share.

# Converts wrk's latency ("812.00us", "1.23ms", "2.01s", "1.50m") to milliseconds.
to_ms() {
  awk -v value="$1" 'BEGIN {
    n = value + 0
    if (value ~ /us$/) n /= 1000; else if (value ~ /ms$/) n *= 1; else if (value ~ /m$/) n *= 60000; else if (value ~ /s$/) n *= 1000
    printf "%.2f", n
  }'
}
