#!/usr/bin/env bash
# bench/views.sh: the cost of the page's views at 1,000 and at 100,000 tasks (issue 16), on this
# checkout's jars, on 127.0.0.1 only.
#
# Seeds two embedded stores by `task import` with tasks like a team's after a while: 7 in 10 done,
# 30 tags spread over them, due days over a year around today (a third of the tasks without one).
# Starts the web app (bin/task-web) on each in turn, warms it for 40 s, and measures, with wrk (1
# connection, a warm-up run then a measured one), the p50 latency of the first page of: the default
# view (open tasks by due day), Today, a tag's view, a range of due days, Done, and the 100-task
# page; then req/s of the 100-task page at 16 connections. Prints each figure at both sizes and
# their ratio, against the issue's ceiling of 1.5x, with the rows each page shows: at 1,000 tasks a
# view may hold fewer than a page (a tag's has 10 open tasks), and a page of 50 rows costs more to
# render than one of 10 whatever the store. So each view is also measured at 100,000 tasks with the rows it shows at 1,000
# (?limit=, at least 1): the same page, from a store a hundred times larger; and through the API
# five tasks at a time, which both sizes fill where the view holds five: the store's cost alone.
#
# Needs the jars (./mvnw -q package -DskipTests), a JDK 17+, curl and wrk. About 5 minutes.
#
#   bench/views.sh [--duration SECONDS]     each measured run (default 8)

set -euo pipefail

duration=8
if [ "${1:-}" = --duration ]; then duration=$2; fi
root=$(cd "$(dirname "$0")/.." && pwd -P)
# shellcheck source=bench/lib.sh
. "$root/bench/lib.sh"
cli_jar=$root/task-cli/target/task-cli.jar
if [ ! -f "$cli_jar" ] || [ ! -f "$root/task-web/target/task-web.jar" ]; then
  echo "views.sh: build the jars first: ./mvnw -q package -DskipTests" >&2
  exit 1
fi
for tool in java curl wrk awk; do
  command -v "$tool" >/dev/null || { echo "views.sh: $tool is missing" >&2; exit 1; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/task-views-bench.XXXXXX")
web_pid=
cleanup() {
  if [ -n "$web_pid" ]; then kill "$web_pid" 2>/dev/null || true; wait "$web_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

today=$(date -u +%F)
# The views, as the page links them (URL-encoded).
declare -A view_path=([open]="/" [today]="/?q=due%3Atoday" [tag]="/?q=tag%3Atag7"
  [range]="/?q=due%3E%3Dtoday+due%3C%2B30d" [done]="/?q=is%3Adone" [page100]="/?limit=100")
views="open today tag range done page100"
declare -A p50 rps rows api same

# N tasks as JSON lines: the shape above, from a seeded random sequence (deterministic), so that no
# two of done, due day and tag follow one another.
generate() {
  awk -v n="$1" -v today="$today" 'BEGIN {
    srand(16)
    split(today, d, "-"); base = mktime(d[1] " " d[2] " " d[3] " 12 00 00")
    for (i = 0; i < n; i++) {
      due = (rand() < 1 / 3) ? "null" : "\"" strftime("%Y-%m-%d", base + (int(rand() * 365) - 180) * 86400, 1) "\""
      done = (rand() < 0.7) ? "true" : "false"
      printf "{\"id\":%d,\"title\":\"Task %d\",\"shortdesc\":\"seeded by bench/views.sh\",\"priority\":%d,", i, i, int(rand() * 1001)
      printf "\"done\":%s,\"due\":%s,\"tags\":[\"tag%d\"]}\n", done, due, int(rand() * 30)
    }
  }'
}

# A warm-up run, then the p50 in milliseconds of a measured one, at 1 connection.
latency() {
  local out
  wrk -t1 -c1 -d3s "$1" >/dev/null
  out=$(wrk --latency -t1 -c1 -d"${duration}s" "$1")
  to_ms "$(printf '%s\n' "$out" | awk '$1 == "50%" { print $2 }')"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
met() { awk -v r="$1" 'BEGIN { print (r <= 1.5 ? "yes" : "no") }'; }

for size in 1000 100000; do
  data=$work/data-$size
  echo "--- seeding $size tasks" >&2
  generate "$size" >"$work/seed.jsonl"
  java -jar "$cli_jar" --data-dir "$data" import "$work/seed.jsonl" >/dev/null
  port=$(( (RANDOM % 20000) + 30000 ))
  TASK_DATA_DIR=$data TASK_HTTP_PORT=$port TASK_TIMEZONE=UTC "$root/bin/task-web" >"$work/web-$size.log" 2>&1 &
  web_pid=$!
  for _ in $(seq 600); do curl -fs -o /dev/null "http://127.0.0.1:$port/health/ready" && break; sleep 0.1; done
  # The JIT needs about 40 s of load before the app settles; figures taken sooner measure a JVM
  # still compiling.
  wrk -t2 -c16 -d40s "http://127.0.0.1:$port/?limit=100" >/dev/null
  for view in $views; do
    url="http://127.0.0.1:$port${view_path[$view]}"
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$url")" = 200 ] || { echo "views.sh: $url is not 200" >&2; exit 1; }
    rows[$view.$size]=$(curl -s "$url" | grep -c 'aria-label="Edit task ' || true)
    p50[$view.$size]=$(latency "$url")
    query=${view_path[$view]#/}
    query=${query#\?}
    [[ $query == q=* ]] || query=
    api[$view.$size]=$(latency "http://127.0.0.1:$port/api/tasks?limit=5${query:+&$query}")
    if [ "$size" = 100000 ] && [ "$view" != page100 ]; then
      limit=$(( ${rows[$view.1000]} > 0 ? ${rows[$view.1000]} : 1 ))
      separator='?'
      [ -z "$query" ] || separator='&'
      same[$view]=$(latency "$url${separator}limit=$limit")
    fi
    echo "    $size $view: ${rows[$view.$size]} rows, page p50 ${p50[$view.$size]} ms, API (5) p50 ${api[$view.$size]} ms" >&2
  done
  url="http://127.0.0.1:$port/?limit=100"
  wrk -t2 -c16 -d3s "$url" >/dev/null
  rps[$size]=$(wrk -t2 -c16 -d"${duration}s" "$url" | awk '/^Requests\/sec:/ { printf "%.0f", $2 }')
  kill "$web_pid"; wait "$web_pid" 2>/dev/null || true; web_pid=
done

echo
echo "| first page, p50 at 1 connection | rows at 1,000 / 100,000 | 1,000 tasks | 100,000 tasks | ratio" \
  "| 100,000, the rows of 1,000 | ratio | ≤ 1.5x | API 5 a page: 1,000 | 100,000 | ratio | ≤ 1.5x |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
for view in $views; do
  page_ratio=$(ratio "${p50[$view.100000]}" "${p50[$view.1000]}")
  same_p50=${same[$view]:-${p50[$view.100000]}}
  same_ratio=$(ratio "$same_p50" "${p50[$view.1000]}")
  api_ratio=$(ratio "${api[$view.100000]}" "${api[$view.1000]}")
  echo "| ${view_path[$view]} | ${rows[$view.1000]} / ${rows[$view.100000]} | ${p50[$view.1000]} ms" \
    "| ${p50[$view.100000]} ms | ${page_ratio}x | $same_p50 ms | ${same_ratio}x | $(met "$same_ratio")" \
    "| ${api[$view.1000]} ms | ${api[$view.100000]} ms | ${api_ratio}x | $(met "$api_ratio") |"
done
echo
echo "GET /?limit=100 at 16 connections: ${rps[1000]} req/s at 1,000 tasks, ${rps[100000]} req/s at 100,000"
