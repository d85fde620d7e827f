#!/usr/bin/env bash
# bench/http.sh: the HTTP benchmark of the task manager (issue 8), in one run, one table at the end.
#
# Builds the jars, then on 127.0.0.1 only:
#   - starts the web app (bin/task-web) on a fresh embedded (durable) store in a temporary data
#     directory, seeded with N = 100, 10,000 and 100,000 tasks (by `task import` before each start), and measures the
#     time from launching the JVM to the first 200 on /health/ready and its RSS;
#   - at each N, the page's p50 latency sorted by id and by priority (wrk, 1 connection);
#   - at N = 10,000, with wrk: GET / and GET /api/tasks?limit=100 (16 connections), creates through
#     POST /api/tasks and through the page's form with its CSRF token (4 connections), and the RSS
#     after that load;
#   - the ceiling: a bare Undertow server in its own JVM (StaticPageServer, from benchmarks.jar)
#     answering a static page of the same size as the app's GET /, through the worker pool, under
#     the same wrk settings; every HTTP figure is also given as a ratio to it;
#   - `bin/task list` on 1,000 tasks, median wall time of 10 runs: with the CLI opening the data
#     directory itself, and through a running web app;
#   - unless --no-jmh, JMH's creates at 4 threads through the adapter and by the raw driver.
# Every step is bounded in time; every process it starts is stopped and the temporary directory
# removed on exit, Ctrl-C included.
#
# Needs a JDK 17+, curl and wrk (Debian: apt-get install wrk curl). Takes about 5 minutes (8 on a
# machine busy with other builds).
#
# wrk settings: 2 threads (one per core of the 2-core reference machine); 16 connections for the
# reads, the load the issue's p99 target names; 4 for creates, "4 concurrent clients". Each measured
# run follows a warm-up run of the same request, so the JIT has compiled the path being measured.

set -euo pipefail

usage() {
  cat <<'USAGE'
Usage: bench/http.sh [--quick] [--no-build] [--no-jmh] [--duration SECONDS]

  --quick             3-second runs and no 100,000-task store: a check that everything works
  --no-build          use the jars already built
  --no-jmh            skip the JMH creates (adapter vs raw driver ratio)
  --duration SECONDS  length of each measured throughput run (default 10)

Environment: WEB_JAVA_OPTS, JVM options for the web app and the ceiling server alike.
USAGE
}

duration=10
# Long enough for the JIT's second compiler to finish on 2 busy cores; 3 s left figures halved.
warmup=10
sizes="100 10000 100000"
build=1
jmh=1
while [ $# -gt 0 ]; do
  case $1 in
    --quick) duration=3; warmup=3; sizes="100 10000" ;;
    --no-build) build=0 ;;
    --no-jmh) jmh=0 ;;
    --duration)
      if [ $# -lt 2 ] || ! [[ $2 =~ ^[1-9][0-9]*$ ]]; then
        echo "http.sh: --duration needs a whole number of seconds" >&2
        exit 2
      fi
      duration=$2
      shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "http.sh: unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
  shift
done

root=$(cd "$(dirname "$0")/.." && pwd -P)
web_jar=$root/task-web/target/task-web.jar
cli_jar=$root/task-cli/target/task-cli.jar
bench_jar=$root/bench/target/benchmarks.jar
read_connections=16
write_connections=4
latency_seconds=3
# Word splitting of the options is intended: WEB_JAVA_OPTS is a list.
read -r -a web_java_opts <<<"${WEB_JAVA_OPTS:-}"

for tool in java curl wrk awk timeout; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    case $tool in
      wrk|curl) echo "http.sh: $tool is missing; install it (Debian/Ubuntu: apt-get install $tool)" >&2 ;;
      *) echo "http.sh: $tool is missing; it needs a JDK 17+, curl, wrk, awk and coreutils' timeout" >&2 ;;
    esac
    exit 1
  fi
done

work=$(mktemp -d "${TMPDIR:-/tmp}/task-http-bench.XXXXXX")
web_pid=
ceiling_pid=

# Stops a process this script started: SIGTERM, up to 20 s for its graceful shutdown, then SIGKILL.
stop_process() {
  local pid=$1 waited=0
  [ -n "$pid" ] || return 0
  kill -TERM "$pid" 2>/dev/null || return 0
  while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt 200 ]; do
    sleep 0.1
    waited=$((waited + 1))
  done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  stop_process "$web_pid"
  stop_process "$ceiling_pid"
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

say() { printf '%s\n' "--- $*" >&2; }

fail() {
  echo "http.sh: $*" >&2
  exit 1
}

now_ms() { date +%s%3N; }

# A port on 127.0.0.1 that nothing listens on.
free_port() {
  local port attempt
  for attempt in $(seq 1 100); do
    port=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
    if ! (: <>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  fail "no free port found on 127.0.0.1 after $attempt tries"
}

rss_mb() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

# Writes `count` tasks with ids from `first` as JSON lines: priorities spread over 0..1000.
generate_tasks() {
  awk -v first="$1" -v count="$2" 'BEGIN {
    for (i = first; i < first + count; i++)
      printf "{\"id\":%d,\"title\":\"Task %d\",\"shortdesc\":\"seeded by bench/http.sh\",\"priority\":%d}\n", i, i, (i * 7919) % 1001
  }'
}

# Adds `count` tasks with ids from `first` to the store in a data directory nobody has open.
seed() {
  local data=$1 first=$2 count=$3
  generate_tasks "$first" "$count" >"$work/seed.jsonl"
  timeout 600 java -jar "$cli_jar" --data-dir "$data" import "$work/seed.jsonl" >/dev/null \
    || fail "importing $count tasks into $data failed"
}

# Starts the web app on a data directory and waits for its first 200 on /health/ready, polling
# every ~10 ms. Sets web_pid, web_url and started_ms (launch to first 200).
start_web() {
  local data=$1 port start deadline
  port=$(free_port)
  web_url=http://127.0.0.1:$port
  start=$(now_ms)
  deadline=$((start + 180000))
  # As the README runs it: the launcher's heap, collector and class-data sharing archive.
  TASK_WEB_JAR=$web_jar TASK_JAVA_OPTS="${web_java_opts[*]}" \
    "$root/bin/task-web" --data-dir "$data" --http-port "$port" >>"$work/web.log" 2>&1 &
  web_pid=$!
  until curl -fs -o /dev/null --max-time 1 "$web_url/health/ready"; do
    if ! kill -0 "$web_pid" 2>/dev/null; then
      tail -20 "$work/web.log" >&2
      fail "the web app exited before it was ready (log above)"
    fi
    [ "$(now_ms)" -lt "$deadline" ] || fail "the web app was not ready within 180 s"
    sleep 0.01
  done
  started_ms=$(($(now_ms) - start))
}

stop_web() {
  stop_process "$web_pid"
  web_pid=
}

# Converts wrk's latency ("812.00us", "1.23ms", "2.01s", "1.50m") to milliseconds.
to_ms() {
  awk -v value="$1" 'BEGIN {
    n = value + 0
    if (value ~ /us$/) n /= 1000; else if (value ~ /ms$/) n *= 1; else if (value ~ /m$/) n *= 60000; else if (value ~ /s$/) n *= 1000
    printf "%.2f", n
  }'
}

# Runs wrk and keeps its figures in the map `figures` under `name.*`: requests, rps, p50 and p99 (in
# ms, or "none" when no request finished), errors (non-2xx or 3xx answers plus socket errors).
# Arguments after the name go to wrk.
declare -A figures
run_wrk() {
  local name=$1 output seconds
  shift
  seconds=$(printf '%s\n' "$@" | sed -n 's/^-d\([0-9]*\)s$/\1/p')
  output=$(timeout $((seconds + 30)) wrk --latency --timeout 10s "$@") || fail "wrk $* failed"
  printf '%s\n' "$output" >"$work/wrk-$name.txt"
  figures[$name.requests]=$(printf '%s\n' "$output" | awk '/requests in/ { print $1 }')
  figures[$name.rps]=$(printf '%s\n' "$output" | awk '/^Requests\/sec:/ { printf "%.0f", $2 }')
  if [ "${figures[$name.requests]:-0}" -eq 0 ]; then
    # Not one answer within the run: no latency to report.
    figures[$name.p50]=none
    figures[$name.p99]=none
  else
    figures[$name.p50]=$(to_ms "$(printf '%s\n' "$output" | awk '$1 == "50%" { print $2 }')")
    figures[$name.p99]=$(to_ms "$(printf '%s\n' "$output" | awk '$1 == "99%" { print $2 }')")
  fi
  figures[$name.errors]=$(printf '%s\n' "$output" | awk '
    /Non-2xx or 3xx responses:/ { errors += $NF }
    /Socket errors:/ { gsub(",", ""); errors += $4 + $6 + $8 + $10 }
    END { print errors + 0 }')
}

# A warm-up run, then the measured one, of the same request.
measure() {
  local name=$1 connections=$2 seconds=$3
  shift 3
  run_wrk warmup -t2 -c"$connections" -d"${warmup}s" "$@"
  run_wrk "$name" -t2 -c"$connections" -d"${seconds}s" "$@"
}

# The page's p50 latency, one request at a time, for `seconds`.
page_latency() {
  local name=$1 seconds=$2 url=$3
  run_wrk warmup -t1 -c1 -d"${warmup}s" "$url"
  run_wrk "$name" -t1 -c1 -d"${seconds}s" "$url"
}

median_of() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

# Median wall time in ms of 10 runs of `bin/task list` on a data directory.
cli_list_ms() {
  local data=$1 began
  for _ in $(seq 1 10); do
    began=$(now_ms)
    timeout 60 "$root/bin/task" --data-dir "$data" list >/dev/null 2>"$work/cli.err" \
      || { cat "$work/cli.err" >&2; fail "bin/task list failed"; }
    echo $(($(now_ms) - began))
  done | median_of
}

if [ "$build" = 1 ]; then
  say "Building the jars (./mvnw -q package -DskipTests)"
  (cd "$root" && ./mvnw -q package -DskipTests -pl task-web,task-cli,bench -am) || fail "the build failed"
fi
for jar in "$web_jar" "$cli_jar" "$bench_jar"; do
  [ -f "$jar" ] || fail "$jar is missing: build it, or run without --no-build"
done

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
# The page the issue compares with the old app, which listed every task: 100 tasks.
page_path="/?limit=100"
for size in $sizes; do
  # A fresh store of exactly N tasks: the creates measured at one size add tens of thousands.
  data=$work/data-$size
  seed "$data" 0 "$size"
  say "N = $size: starting the web app"
  start_web "$data"
  figures[ready_ms.$size]=$started_ms
  figures[rss_idle.$size]=$(rss_mb "$web_pid")
  # Large stores may take a second a page: give them time for a few samples at least.
  seconds=$((size > 10000 ? 10 : latency_seconds))
  page_latency "page_id.$size" "$seconds" "$web_url$page_path"
  page_latency "page_priority.$size" "$seconds" "$web_url$page_path&sort=priority"

  if [ "$size" -eq 10000 ]; then
    curl -fsS --max-time 10 -o "$work/page.html" "$web_url$page_path" || fail "GET $page_path failed"
    page_bytes=$(wc -c <"$work/page.html")
    page_rows=$(grep -c 'data-label="ID"' "$work/page.html" || true)
    say "N = $size: GET $page_path, GET /api/tasks?limit=100"
    measure get_page "$read_connections" "$duration" "$web_url$page_path"
    measure get_api "$read_connections" "$duration" "$web_url/api/tasks?limit=100"
    say "N = $size: creates through the API and the page's form"
    measure post_api "$write_connections" "$duration" -s "$root/bench/wrk/api-create.lua" "$web_url/api/tasks"
    # A form as a browser has it: the token from the page; the page sets no cookie, but send any.
    curl -fsS --max-time 10 -c "$work/cookies" -o "$work/form.html" "$web_url/" || fail "GET / failed"
    csrf=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$work/form.html" | head -1)
    [ -n "$csrf" ] || fail "no CSRF token found in the page's form"
    cookie=$(awk '!/^#/ && NF >= 7 { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$work/cookies")
    CSRF_TOKEN=$csrf COOKIE=$cookie \
      measure post_form "$write_connections" "$duration" -s "$root/bench/wrk/form-create.lua" "$web_url/tasks"
    # Once idle: bin/task-web hands the compilers' freed memory back every 5 s.
    sleep 6
    figures[rss_load]=$(rss_mb "$web_pid")
  fi
  stop_web
done

say "The ceiling: a static page of $page_bytes bytes from a bare Undertow server"
port=$(free_port)
# The collector bin/task-web gives the app, and a heap that never limits a static page.
java -XX:+UseSerialGC -Xms32m -Xmx192m "${web_java_opts[@]}" -cp "$bench_jar" dev.taskmanager.bench.StaticPageServer "$port" "$page_bytes" \
  >"$work/ceiling.log" 2>&1 &
ceiling_pid=$!
deadline=$(($(now_ms) + 30000))
until curl -fs -o /dev/null --max-time 1 "http://127.0.0.1:$port/"; do
  kill -0 "$ceiling_pid" 2>/dev/null || { cat "$work/ceiling.log" >&2; fail "the ceiling server exited"; }
  [ "$(now_ms)" -lt "$deadline" ] || fail "the ceiling server did not answer within 30 s"
  sleep 0.05
done
measure ceiling "$read_connections" "$duration" "http://127.0.0.1:$port/"
measure ceiling_writes "$write_connections" "$duration" "http://127.0.0.1:$port/"
stop_process "$ceiling_pid"
ceiling_pid=

say "bin/task list on 1,000 tasks, 10 runs each"
cli_data=$work/cli-data
seed "$cli_data" 0 1000
figures[cli_alone]=$(cli_list_ms "$cli_data")
start_web "$cli_data"
figures[cli_with_web]=$(cli_list_ms "$cli_data")
stop_web

if [ "$jmh" = 1 ]; then
  say "JMH: creates at 4 threads, adapter and raw driver (about 30 s)"
  timeout 300 java -jar "$bench_jar" 'MongoCreateBenchmark.(adapter|driver)Create4Threads' \
    -rf csv -rff "$work/jmh.csv" >"$work/jmh.log" 2>&1 || { tail -20 "$work/jmh.log" >&2; fail "JMH failed"; }
  figures[jmh_adapter]=$(awk -F, '/adapterCreate4Threads/ { printf "%.0f", $5 }' "$work/jmh.csv")
  figures[jmh_driver]=$(awk -F, '/driverCreate4Threads/ { printf "%.0f", $5 }' "$work/jmh.csv")
fi

# --- The table -----------------------------------------------------------------------------------

# a / b as a percentage, and as a factor; "-" unless both are numbers and b is not 0.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a ~ /^[0-9.]+$/ && b > 0) printf "%.1f %%", 100 * a / b; else print "-" }'; }
times() { awk -v a="$1" -v b="$2" 'BEGIN { if (a ~ /^[0-9.]+$/ && b > 0) printf "%.2fx", a / b; else print "-" }'; }
# Whether the figures meet a target, given as an awk condition: "yes", "NO", or "-" without figures.
meets() {
  case $1 in
    *none*) echo "-" ;;
    *) if awk "BEGIN { exit !($1) }"; then echo yes; else echo NO; fi ;;
  esac
}
row() { printf '%-50s %-26s %-18s %-22s %s\n' "$@"; }
# "a / b / c": a figure at each store size, kept under PREFIX.SIZE[.SUFFIX].
per_size() {
  local prefix=$1 suffix=${2:+.$2} joined='' size
  for size in $sizes; do joined="$joined${joined:+ / }${figures[$prefix.$size$suffix]}"; done
  echo "$joined"
}

c=${figures[ceiling.rps]}
cw=${figures[ceiling_writes.rps]}
gp=${figures[get_page.rps]}
ga=${figures[get_api.rps]}
pa=${figures[post_api.rps]}
pf=${figures[post_form.rps]}
sizes_label="N = ${sizes// / \/ }"
echo
echo "Task Manager HTTP benchmark, $(date -u +%Y-%m-%d), $(nproc) cores, java $(java -version 2>&1 | awk -F'"' 'NR == 1 { print $2 }')," \
  "load average $load_before before, $(cut -d' ' -f1-3 /proc/loadavg) after"
echo "wrk -t2, ${duration} s per run after a ${warmup} s warm-up; reads at $read_connections connections, creates at $write_connections"
echo
row "measure" "figure" "vs ceiling" "target" "met"
row "ceiling: static $page_bytes-byte page, $read_connections conn." "$c req/s" "100 %" "" ""
row "ceiling at $write_connections connections" "$cw req/s" "100 %" "" ""
row "GET $page_path ($page_rows tasks shown), N = 10000" "$gp req/s" "$(ratio "$gp" "$c")" ">= 10 % of ceiling" \
  "$(meets "$gp >= 0.10 * $c")"
row "  p99 at $read_connections connections" "${figures[get_page.p99]} ms" "" "< 20 ms" \
  "$(meets "${figures[get_page.p99]} < 20")"
row "GET /api/tasks?limit=100, N = 10000" "$ga req/s" "$(ratio "$ga" "$c")" ">= 15 % of ceiling" \
  "$(meets "$ga >= 0.15 * $c")"
row "POST /api/tasks (JSON), durable, N = 10000" "$pa creates/s" "$(ratio "$pa" "$cw")" ">= 2,000 creates/s" \
  "$(meets "$pa >= 2000")"
row "POST /tasks (the page's form, CSRF token)" "$pf creates/s" "$(ratio "$pf" "$cw")" "" ""
if [ "$jmh" = 1 ]; then
  ja=${figures[jmh_adapter]}
  jd=${figures[jmh_driver]}
  row "JMH creates, 4 threads: adapter / raw driver" "$ja / $jd ops/s" "$(ratio "$ja" "$jd")" \
    ">= 80 % of raw driver" "$(meets "$ja >= 0.8 * $jd")"
fi
for sort in id priority; do
  row "page p50 by $sort, $sizes_label" "$(per_size "page_$sort" p50) ms" \
    "10k/100: $(times "${figures[page_$sort.10000.p50]}" "${figures[page_$sort.100.p50]}")" "10k <= 1.5x 100" \
    "$(meets "${figures[page_$sort.10000.p50]} <= 1.5 * ${figures[page_$sort.100.p50]}")"
  row "  requests sampled" "$(per_size "page_$sort" requests)" "" "" ""
done
row "start to first 200, $sizes_label" "$(per_size ready_ms) ms" "" "<= 800 ms (100)" \
  "$(meets "${figures[ready_ms.100]} <= 800")"
row "RSS idle after start, $sizes_label" "$(per_size rss_idle) MB" "" "" ""
row "RSS after the load (6 s idle), N = 10000" "${figures[rss_load]} MB" "" "<= 200 MB" "$(meets "${figures[rss_load]} <= 200")"
row "bin/task list, 1,000 tasks, CLI opens the store" "${figures[cli_alone]} ms" "" "<= 500 ms" \
  "$(meets "${figures[cli_alone]} <= 500")"
row "bin/task list, 1,000 tasks, web app running" "${figures[cli_with_web]} ms" "" "<= 500 ms" \
  "$(meets "${figures[cli_with_web]} <= 500")"
for name in get_page get_api post_api post_form ceiling ceiling_writes; do
  if [ "${figures[$name.errors]}" -ne 0 ]; then
    echo "warning: $name: ${figures[$name.errors]} of ${figures[$name.requests]} requests failed (not 2xx/3xx, or a socket error)"
  fi
done
