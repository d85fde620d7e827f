#!/usr/bin/env bash
# bench/http.sh: the HTTP benchmark of the task manager (issue 8 and the scale issue), two builds
# side by side in one run, the tables at the end.
#
# Builds the jars of this checkout ("new") and of a baseline commit (default 91f66a7, the release
# before the scale work; `git archive` of it into the temporary directory), then on 127.0.0.1 only,
# for every figure the baseline then the new build under the same settings, so that the machine's
# drift hits both alike:
#   - seeds each build's embedded (durable) store with N = 100, 1,000, 10,000, 100,000 and
#     1,000,000 tasks by its own `task import` (in parts of 200,000: an import takes at most
#     32 MiB), once per build and size; starts each build's web app on it with its own
#     bin/task-web and measures the time from launching the JVM to the first 200 on
#     /health/ready, the RSS, and the time of the first GET / (curl);
#   - at each N, the page's p50 latency (wrk, 1 connection) in every order the page offers: by id
#     and by priority, ascending and descending;
#   - at N = 10,000, with wrk: GET / and GET /api/tasks?limit=100 (16 connections), creates through
#     POST /api/tasks and through the page's form with its CSRF token (4 connections), each the
#     median of 3 runs per build with the builds taking turns, and the RSS after that load;
#   - at N = 1,000 and 1,000,000, the scale figures: the RSS after the page runs, and the median
#     wall time of 5 runs of `bin/task list`, `stats`, `show ID` and `add x`, with the CLI opening
#     the data directory itself and with the web app running on it;
#   - at N = 1,000, the performance issue's comparison with a native command line: `bin/task list`
#     (a page of 50) with the web app running and with the CLI opening the store, side by side with
#     Taskwarrior's `task list` of 1,000 tasks in a temporary data directory (Debian's taskwarrior,
#     called by its full path /usr/bin/task), by hyperfine: 3 warm-up runs and 10 measured, the
#     median;
#   - the ceiling, once for both: a bare Undertow server in its own JVM (StaticPageServer, from
#     benchmarks.jar) answering a static page of 2 KB through the worker pool with keep-alive,
#     under the same wrk settings; the HTTP figures are also given as a share of it;
#   - unless --no-jmh, each build's own JMH benchmarks: creates at 4 threads through the adapter
#     and by the raw driver (both builds with 5 warm-up and 5 measured iterations of 2 s: the JIT
#     takes about 10 s to settle on this path), and the reads (MongoReadBenchmark).
# Targets are judged on the new build. A build that fails at some size (the baseline runs out of
# heap on the first page at 1,000,000 tasks) is reported "failed (reason)" and the run goes on.
# Every step is bounded in time; every process it starts is stopped and the temporary directory
# removed on exit, Ctrl-C included.
#
# Needs a JDK 17+, git, curl and wrk (Debian: apt-get install wrk curl); hyperfine and taskwarrior
# for the comparison with Taskwarrior, which is left out, with a note, without them. Takes about 35 minutes
# on 2 cores busy with other builds (--no-million: about 25; --quick --no-jmh: about 8).
#
# wrk settings: 2 threads (one per core of the 2-core reference machine); 16 connections for the
# reads, the load the issue's p99 target names; 4 for creates, "4 concurrent clients". Each measured
# run follows a warm-up run of the same request, so the JIT has compiled the path being measured.

set -euo pipefail

usage() {
  cat <<'USAGE'
Usage: bench/http.sh [--quick] [--no-build] [--no-jmh] [--no-million] [--duration SECONDS]
                     [--baseline REF | --no-baseline]

  --baseline REF      the commit to compare with (default 91f66a7, the release before the scale
                      work), built from `git archive` in the temporary directory
  --no-baseline       measure this checkout only
  --no-million        no 1,000,000-task store (its seeding alone takes about 5 minutes)
  --quick             3-second runs, no 100,000- or 1,000,000-task store: a check that everything
                      works
  --no-build          use this checkout's jars already built (the baseline is always built)
  --no-jmh            skip the JMH benchmarks (creates at 4 threads, reads)
  --duration SECONDS  length of each measured throughput run (default 10)

Environment:
  WEB_JAVA_OPTS  JVM options for the web apps and the ceiling server alike
  MILLION        the size of the largest store instead of 1,000,000, to try that path quickly;
                 when set, that store is measured even with --quick (e.g. MILLION=50000)
USAGE
}

duration=10
# Long enough for the JIT's second compiler to finish on 2 busy cores; 3 s left figures halved.
warmup=10
latency_seconds=3
# Measured runs of each throughput figure, the builds taking turns (throughput()).
rounds=3
build=1
jmh=1
quick=0
baseline_ref=91f66a7
with_baseline=1
with_million=1
while [ $# -gt 0 ]; do
  case $1 in
    --quick) quick=1; duration=3; warmup=3; rounds=1 ;;
    --no-build) build=0 ;;
    --no-jmh) jmh=0 ;;
    --no-million) with_million=0 ;;
    --no-baseline) with_baseline=0 ;;
    --baseline)
      if [ $# -lt 2 ] || [ -z "$2" ]; then
        echo "http.sh: --baseline needs a commit (a hash, tag or branch)" >&2
        exit 2
      fi
      baseline_ref=$2
      shift ;;
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

million=${MILLION:-1000000}
if ! [[ $million =~ ^[1-9][0-9]*$ ]] || [ "$million" -le 10000 ]; then
  echo "http.sh: MILLION must be a whole number of tasks above 10000" >&2
  exit 2
fi
sizes="100 1000 10000"
[ "$quick" = 1 ] || sizes="$sizes 100000"
if [ "$with_million" = 1 ] && { [ "$quick" = 0 ] || [ -n "${MILLION:-}" ]; } && [ "$million" -ne 100000 ]; then
  sizes="$sizes $million"
fi
# The scale issue's sizes: its reference, and the largest store measured.
largest=${sizes##* }
scale_sizes=1000
[ "$largest" -le 10000 ] || scale_sizes="1000 $largest"

root=$(cd "$(dirname "$0")/.." && pwd -P)
# shellcheck source=bench/lib.sh
. "$root/bench/lib.sh"
read_connections=16
write_connections=4
# `task import` reads at most 32 MiB at once; 200,000 of these tasks take about 18 MB.
import_part=200000
# The page the issue compares with the old app, which listed every task: 100 tasks.
page_path="/?limit=100"
# The performance issue's ceiling: a static page of 2 KB.
ceiling_bytes=2048
# Taskwarrior, by its full path: Debian's package installs its own `task`, as this project does.
taskwarrior=/usr/bin/task
# Every order the page offers (its column headers link to them), as the query after page_path: in
# the query language (q) and in the parameters builds before it took (sort, order); each build
# reads its own and leaves the other.
sorts="id id_desc priority priority_desc"
declare -A sort_query=([id]="&q=sort:id" [id_desc]="&order=desc&q=sort:-id" [priority]="&sort=priority&q=sort:priority"
  [priority_desc]="&sort=priority&order=desc&q=sort:-priority")
declare -A sort_label=([id]="by id" [id_desc]="by id, descending" [priority]="by priority"
  [priority_desc]="by priority, descending")
commands="list stats show add"
# Word splitting of the options is intended: WEB_JAVA_OPTS is a list.
read -r -a web_java_opts <<<"${WEB_JAVA_OPTS:-}"

tools="java curl wrk awk timeout"
[ "$with_baseline" = 0 ] || tools="$tools git tar"
for tool in $tools; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    case $tool in
      wrk|curl) echo "http.sh: $tool is missing; install it (Debian/Ubuntu: apt-get install $tool)" >&2 ;;
      *) echo "http.sh: $tool is missing; it needs a JDK 17+, git, curl, wrk, awk and coreutils' timeout" >&2 ;;
    esac
    exit 1
  fi
done

work=$(mktemp -d "${TMPDIR:-/tmp}/task-http-bench.XXXXXX")
ceiling_pid=
declare -A web_pid web_url
cleanup() {
  local build_name
  for build_name in "${!web_pid[@]}"; do stop_process "${web_pid[$build_name]}"; done
  stop_process "$ceiling_pid"
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

began_run=$(date +%s)
say() { printf -- '--- [%s] %s\n' "$(date -u -d "@$(($(date +%s) - began_run))" +%M:%S)" "$*" >&2; }

fail() {
  echo "http.sh: $*" >&2
  exit 1
}

now_ms() { date +%s%3N; }

# 1000000 as 1,000,000.
thousands() { printf '%s' "$1" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }

# Whether a process this script started still runs: one that has exited stays a zombie, which
# kill -0 still finds, until it is waited for.
running() {
  local state
  state=$(sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1) || return 1
  [[ -n $state && $state != [ZX] ]]
}

# Stops a process this script started: SIGTERM, then SIGKILL after `tenths` tenths of a second
# (default 200: 20 s for its graceful shutdown).
stop_process() {
  local pid=$1 tenths=${2:-200} waited=0
  [ -n "$pid" ] || return 0
  if kill -TERM "$pid" 2>/dev/null; then
    while running "$pid" && [ "$waited" -lt "$tenths" ]; do
      sleep 0.1
      waited=$((waited + 1))
    done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
}

# A port on 127.0.0.1 that nothing listens on, below the range the system takes the local ports of
# outgoing connections from (the embedded stores' clients hold some), which a listener cannot have.
free_port() {
  local port attempt lowest_ephemeral
  read -r lowest_ephemeral _ </proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || lowest_ephemeral=32768
  [ "$lowest_ephemeral" -gt 11000 ] || lowest_ephemeral=61000
  for attempt in $(seq 1 100); do
    port=$((10000 + (RANDOM * 32768 + RANDOM) % (lowest_ephemeral - 10000)))
    if ! (: <>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  fail "no free port found on 127.0.0.1 after $attempt tries"
}

# The resident size of a process in MB; nothing if it has gone.
rss_mb() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || true; }

# --- The two builds --------------------------------------------------------------------------------

# "base" (when compared) then "new": the order of every pair of measures.
builds=()
declare -A build_dir build_label
if [ "$with_baseline" = 1 ]; then
  baseline_commit=$(git -C "$root" rev-parse --verify --quiet "$baseline_ref^{commit}") \
    || fail "--baseline $baseline_ref: no such commit in $root (or use --no-baseline)"
  builds+=(base)
  build_dir[base]=$work/baseline
  build_label[base]="baseline ${baseline_commit:0:7}"
fi
builds+=(new)
build_dir[new]=$root
if head=$(git -C "$root" rev-parse --short=7 HEAD 2>/dev/null); then
  git -C "$root" diff --quiet HEAD 2>/dev/null || head="$head+changes"
  build_label[new]="new $head"
else
  build_label[new]=new
fi

# Packages the web app, the CLI and the benchmarks in a checkout; offline first (the baseline needs
# nothing the current checkout's build has not fetched), then online.
build_jars() {
  local dir=$1 log=$2
  (cd "$dir" && timeout 900 ./mvnw -q -o package -DskipTests -pl task-web,task-cli,bench -am) >"$log" 2>&1 \
    || (cd "$dir" && timeout 900 ./mvnw -q package -DskipTests -pl task-web,task-cli,bench -am) >>"$log" 2>&1
}

if [ "$build" = 1 ]; then
  say "Building this checkout's jars (./mvnw -q package -DskipTests)"
  build_jars "$root" "$work/build-new.log" || { tail -30 "$work/build-new.log" >&2; fail "the build failed"; }
fi
if [ "$with_baseline" = 1 ]; then
  say "Building the baseline's jars: $baseline_commit, from git archive"
  mkdir "${build_dir[base]}"
  git -C "$root" archive "$baseline_commit" | tar -x -C "${build_dir[base]}" \
    || fail "git archive $baseline_commit failed"
  build_jars "${build_dir[base]}" "$work/build-base.log" \
    || { tail -30 "$work/build-base.log" >&2; fail "the baseline's build failed (or use --no-baseline)"; }
fi
for b in "${builds[@]}"; do
  for jar in task-web/target/task-web.jar task-cli/target/task-cli.jar bench/target/benchmarks.jar; do
    [ -f "${build_dir[$b]}/$jar" ] || fail "${build_dir[$b]}/$jar is missing: build it, or run without --no-build"
  done
done

# --- Failures --------------------------------------------------------------------------------------

# figures[KEY]: every figure, by build first (base.10000.ready_ms, new.10000.get_page.rps); failed[BUILD.N]:
# why a build stopped being measured at a size, in a few words for the tables' cells; notes: the
# details, printed under the tables.
declare -A figures failed form_csrf form_cookie
notes=()

stop_web() {
  local b=$1 tenths=${2:-200}
  stop_process "${web_pid[$b]:-}" "$tenths"
  unset "web_pid[$b]"
}

# Records that build b failed at a size, and stops its web app at once (a thrashing JVM would eat
# the cores the other build is measured on).
mark_failed() {
  local b=$1 size=$2 reason=$3 detail=${4:-}
  [ -z "${failed[$b.$size]:-}" ] || return 0
  failed[$b.$size]=$reason
  notes+=("${build_label[$b]} at N = $(thousands "$size"): failed ($reason)${detail:+: $detail}")
  say "${build_label[$b]} at N = $size: failed ($reason)${detail:+: $detail}"
  stop_web "$b" 20
}

# Build b's web app exited during `what`: out of heap, or else with the last line of its log.
app_exited() {
  local b=$1 size=$2 what=$3 log=$work/web-$1-$2.log
  if grep -q OutOfMemoryError "$log"; then
    mark_failed "$b" "$size" "out of heap" "$what: $(grep -m1 OutOfMemoryError "$log")"
  else
    mark_failed "$b" "$size" "the app exited" "$what; its log ends: $(tail -1 "$log")"
  fi
}

# Build b's app failed a request during `what`: it may be on its way out (a JVM out of heap closes
# its connections a moment before it exits), so give it 3 s to go, then say why.
request_failed() {
  local b=$1 size=$2 what=$3 reason=$4 waited=0
  while running "${web_pid[$b]}" && [ "$waited" -lt 30 ]; do
    sleep 0.1
    waited=$((waited + 1))
  done
  if ! running "${web_pid[$b]}" || grep -q OutOfMemoryError "$work/web-$b-$size.log"; then
    app_exited "$b" "$size" "$what"
  else
    mark_failed "$b" "$size" "$reason" "$what"
  fi
}

# Whether build b's web app is up at this size; marks the build failed if it has exited.
web_up() {
  local b=$1 size=$2 what=$3
  [ -z "${failed[$b.$size]:-}" ] || return 1
  [ -n "${web_pid[$b]:-}" ] || return 1
  if ! running "${web_pid[$b]}"; then
    app_exited "$b" "$size" "$what"
    return 1
  fi
}

# --- Seeding and starting --------------------------------------------------------------------------

data_dir() { echo "$work/data-$1-$2"; }

# Writes `count` tasks with ids from `first` as JSON lines: priorities spread over 0..1000.
generate_tasks() {
  awk -v first="$1" -v count="$2" 'BEGIN {
    for (i = first; i < first + count; i++)
      printf "{\"id\":%d,\"title\":\"Task %d\",\"shortdesc\":\"seeded by bench/http.sh\",\"priority\":%d}\n", i, i, (i * 7919) % 1001
  }'
}

# Seeds a fresh store of exactly N tasks for each build, by its own CLI, part by part; the time
# the imports took goes to figures[BUILD.N.seed_s], once every part is in.
seed_stores() {
  local size=$1 first=0 count b began status
  for b in "${builds[@]}"; do figures[$b.$size.seed_ms]=0; done
  while [ "$first" -lt "$size" ]; do
    count=$((size - first < import_part ? size - first : import_part))
    generate_tasks "$first" "$count" >"$work/seed.jsonl"
    for b in "${builds[@]}"; do
      [ -z "${failed[$b.$size]:-}" ] || continue
      began=$(now_ms)
      if timeout 600 java -jar "${build_dir[$b]}/task-cli/target/task-cli.jar" --data-dir "$(data_dir "$b" "$size")" \
          import "$work/seed.jsonl" >/dev/null 2>"$work/import.err"; then
        figures[$b.$size.seed_ms]=$((${figures[$b.$size.seed_ms]} + $(now_ms) - began))
      else
        status=$?
        rm -rf "$(data_dir "$b" "$size")"
        if [ "$status" -eq 124 ]; then
          mark_failed "$b" "$size" "import over 600 s" "task import of tasks $first to $((first + count - 1))"
        else
          mark_failed "$b" "$size" "import failed" \
            "task import of tasks $first to $((first + count - 1)), exit $status: $(tail -1 "$work/import.err")"
        fi
      fi
    done
    first=$((first + count))
  done
  rm -f "$work/seed.jsonl"
  for b in "${builds[@]}"; do
    if [ -d "$(data_dir "$b" "$size")" ]; then
      figures[$b.$size.seed_s]=$(awk -v ms="${figures[$b.$size.seed_ms]}" 'BEGIN { printf "%.1f", ms / 1000 }')
    fi
  done
}

# Starts build b's web app on its store and waits for its first 200 on /health/ready, polling
# every ~10 ms: figures BUILD.N.ready_ms (launch to that 200) and rss_start. Then the first GET /
# (curl's time_total): first_page_ms.
# Launches build b's web app on its store of N tasks, on a free port: web_pid and web_url.
launch_web() {
  local b=$1 size=$2 port
  port=$(free_port)
  web_url[$b]=http://127.0.0.1:$port
  # As the README runs it: the build's own launcher, with its heap, collector and class-data
  # sharing archive.
  TASK_WEB_JAR=${build_dir[$b]}/task-web/target/task-web.jar TASK_JAVA_OPTS="${web_java_opts[*]}" \
    "${build_dir[$b]}/bin/task-web" --data-dir "$(data_dir "$b" "$size")" --http-port "$port" \
    >"$work/web-$b-$size.log" 2>&1 &
  web_pid[$b]=$!
}

start_web() {
  local b=$1 size=$2 start deadline answer code status=0 attempt=1 log=$work/web-$1-$2.log
  [ -z "${failed[$b.$size]:-}" ] || return 0
  start=$(now_ms)
  deadline=$((start + 120000))
  launch_web "$b" "$size"
  until curl -fs -o /dev/null --max-time 1 "${web_url[$b]}/health/ready"; do
    if ! running "${web_pid[$b]}"; then
      # Another program took the port between free_port and the app's bind: again, timed anew.
      if [ "$attempt" -lt 3 ] && grep -q "Address already in use" "$log"; then
        wait "${web_pid[$b]}" 2>/dev/null || true
        say "${build_label[$b]} at N = $size: its port was taken; starting it again"
        attempt=$((attempt + 1))
        start=$(now_ms)
        deadline=$((start + 120000))
        launch_web "$b" "$size"
        continue
      fi
      app_exited "$b" "$size" "at the start"
      return 0
    fi
    if [ "$(now_ms)" -ge "$deadline" ]; then
      mark_failed "$b" "$size" "not ready in 120 s"
      return 0
    fi
    sleep 0.01
  done
  figures[$b.$size.ready_ms]=$(($(now_ms) - start))
  figures[$b.$size.rss_start]=$(rss_mb "${web_pid[$b]}")
  # Long enough for a JVM short of heap to say so (the baseline's took 60 to 90 s at 1,000,000 tasks).
  answer=$(curl -s -o "$work/first-page.html" -w '%{http_code} %{time_total}' --max-time 150 "${web_url[$b]}/") \
    || status=$?
  code=${answer%% *}
  if [ "$code" = 200 ]; then
    figures[$b.$size.first_page_ms]=$(awk -v seconds="${answer#* }" 'BEGIN { printf "%.1f", seconds * 1000 }')
  else
    case $status in
      0) request_failed "$b" "$size" "on the first GET /" "first page: HTTP $code" ;;
      28) request_failed "$b" "$size" "on the first GET /" "first page over 150 s" ;;
      *) request_failed "$b" "$size" "on the first GET /" "first page: curl exit $status" ;;
    esac
  fi
}

# --- wrk ---------------------------------------------------------------------------------------------

# Runs wrk and keeps its figures in the map `figures` under `name.*`: requests, rps, p50 and p99 (in
# ms, or "none" when no request finished), errors (non-2xx or 3xx answers plus socket errors).
# Arguments after the name go to wrk. Fails when wrk does, or takes 30 s longer than asked.
run_wrk() {
  local name=$1 output seconds status=0
  shift
  seconds=$(printf '%s\n' "$@" | sed -n 's/^-d\([0-9]*\)s$/\1/p')
  output=$(timeout $((seconds + 30)) wrk --latency --timeout 10s "$@" 2>&1) || status=$?
  printf '%s\n' "$output" | tee "$work/wrk-last.txt" >"$work/wrk-$name.txt"
  [ "$status" -eq 0 ] || return 1
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

# A warm-up run (unless `warm` is 0), then the measured one (`name`, under build b's prefix), of the
# same request to build b's app. A failed run, no answer, or nothing but errors marks the build
# failed at the size.
measure() {
  local b=$1 size=$2 name=$3 connections=$4 seconds=$5 warm=${warm:-$warmup}
  shift 5
  web_up "$b" "$size" "before $name" || return 0
  if { [ "$warm" -gt 0 ] && ! run_wrk warmup -t"$((connections < 2 ? 1 : 2))" -c"$connections" -d"${warm}s" "$@"; } \
      || ! run_wrk "$b.$name" -t"$((connections < 2 ? 1 : 2))" -c"$connections" -d"${seconds}s" "$@"; then
    request_failed "$b" "$size" "in $name ($(tail -2 "$work/wrk-last.txt" | tr '\n' ' '))" "wrk failed"
    return 0
  fi
  web_up "$b" "$size" "in $name" || return 0
  if [ "${figures[$b.$name.requests]}" -eq 0 ]; then
    request_failed "$b" "$size" "in $name" "no answer in ${seconds} s"
  elif [ "${figures[$b.$name.errors]}" -ge "${figures[$b.$name.requests]}" ]; then
    request_failed "$b" "$size" "in $name (${figures[$b.$name.errors]} errors in ${figures[$b.$name.requests]} requests)" "only errors"
  fi
}

# One throughput figure of every build at a size: `rounds` measured runs each, the builds taking
# turns (a warm-up before each build's first), the figure the median of its runs' figures and the
# requests and errors their sums. This machine's noise moved single runs by 15 % and more; taking
# turns lets a moment of it move one run of one build, not the build's figure.
throughput() {
  local size=$1 name=$2 connections=$3 round b figure values args
  for round in $(seq "$rounds"); do
    for b in "${builds[@]}"; do
      case $name in
        get_page) args=("${web_url[$b]:-}$page_path") ;;
        get_api) args=("${web_url[$b]:-}/api/tasks?limit=100") ;;
        post_api) args=(-s "$root/bench/wrk/api-create.lua" "${web_url[$b]:-}/api/tasks") ;;
        post_form) args=(-s "$root/bench/wrk/form-create.lua" "${web_url[$b]:-}/tasks") ;;
      esac
      warm=$((round == 1 ? warmup : 0)) CSRF_TOKEN=${form_csrf[$b]:-} COOKIE=${form_cookie[$b]:-} \
        measure "$b" "$size" "$size.$name.$round" "$connections" "$duration" "${args[@]}"
    done
  done
  for b in "${builds[@]}"; do
    for figure in rps p50 p99; do
      values=$(for round in $(seq "$rounds"); do
        value=${figures[$b.$size.$name.$round.$figure]:-}
        [[ ! $value =~ ^[0-9]+(\.[0-9]+)?$ ]] || echo "$value"
      done)
      [ -z "$values" ] || figures[$b.$size.$name.$figure]=$(printf '%s\n' "$values" | median_of)
    done
    for figure in requests errors; do
      figures[$b.$size.$name.$figure]=$(for round in $(seq "$rounds"); do
        echo "${figures[$b.$size.$name.$round.$figure]:-0}"
      done | awk '{ sum += $1 } END { print sum + 0 }')
    done
  done
}

# --- bin/task --------------------------------------------------------------------------------------

median_of() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

# Median wall time in ms of 5 runs of one command of build b's bin/task on its store of N tasks,
# the web app `running` on it or `stopped`: figures[BUILD.N.MODE.COMMAND], or "failed (...)" when
# a run fails or takes over 30 s. A task added must then be there.
time_command() {
  local b=$1 size=$2 mode=$3 command=$4 key=$1.$2.$3.$4 began status args times=()
  case $command in
    show) args=(show "$((size / 2))") ;;
    add) args=(add x) ;;
    *) args=("$command") ;;
  esac
  if [ "$mode" = running ] && ! web_up "$b" "$size" "before task $command"; then
    figures[$key]="failed (no app)"
    return 0
  fi
  for _ in 1 2 3 4 5; do
    began=$(now_ms)
    if timeout 30 "${build_dir[$b]}/bin/task" --data-dir "$(data_dir "$b" "$size")" "${args[@]}" \
        >"$work/cli.out" 2>"$work/cli.err"; then
      times+=("$(($(now_ms) - began))")
    else
      status=$?
      if [ "$status" -eq 124 ]; then figures[$key]="failed (over 30 s)"; else figures[$key]="failed (exit $status)"; fi
      notes+=("${build_label[$b]} at N = $(thousands "$size"), web app $mode: task ${args[*]}: ${figures[$key]}$(
        [ ! -s "$work/cli.err" ] || echo ": $(head -1 "$work/cli.err")")")
      return 0
    fi
  done
  figures[$key]=$(printf '%s\n' "${times[@]}" | median_of)
  if [ "$command" = add ] && ! timeout 30 "${build_dir[$b]}/bin/task" --data-dir "$(data_dir "$b" "$size")" \
      show "$(tail -1 "$work/cli.out")" >/dev/null 2>&1; then
    figures[$key]="failed (not added)"
    notes+=("${build_label[$b]} at N = $(thousands "$size"), web app $mode: task show did not find the task task add made")
  fi
}

# Every command, each timed for the baseline then the new build.
time_commands() {
  local size=$1 mode=$2 command b
  for command in $commands; do
    for b in "${builds[@]}"; do
      [ -z "${failed[$b.$size]:-}" ] || [ "$mode" = stopped ] || continue
      [ -d "$(data_dir "$b" "$size")" ] || continue
      time_command "$b" "$size" "$mode" "$command"
    done
  done
}

# --- Taskwarrior ---------------------------------------------------------------------------------

# Taskwarrior with as many pending tasks as the builds' stores hold, imported by its own `task
# import` into a data directory of the temporary directory (data.location in a TASKRC of its own),
# once; fails, with a note, when it cannot be.
taskwarrior_state=
prepare_taskwarrior() {
  local size=$1 dir=$work/taskwarrior count
  [ -z "$taskwarrior_state" ] || { [ "$taskwarrior_state" = ready ]; return; }
  taskwarrior_state=missing
  if [ ! -x "$taskwarrior" ] || ! command -v hyperfine >/dev/null 2>&1; then
    notes+=("no comparison with Taskwarrior: it needs $taskwarrior and hyperfine (Debian: apt-get install taskwarrior hyperfine)")
    return 1
  fi
  mkdir -p "$dir/data"
  # No confirmations, and no notice of what is new in this release before the list.
  printf 'data.location=%s\nconfirmation=off\nnews.version=9.9.9\n' "$dir/data" >"$dir/taskrc"
  awk -v count="$size" 'BEGIN {
    printf "["
    for (i = 0; i < count; i++)
      printf "%s{\"uuid\":\"00000000-0000-4000-8000-%012d\",\"status\":\"pending\",\"description\":\"Task %d\",\"entry\":\"20261201T000000Z\"}", (i ? "," : ""), i, i
    print "]"
  }' >"$dir/tasks.json"
  if ! TASKRC=$dir/taskrc timeout 120 "$taskwarrior" import "$dir/tasks.json" >"$work/taskwarrior.log" 2>&1 \
      || ! count=$(TASKRC=$dir/taskrc timeout 30 "$taskwarrior" count 2>>"$work/taskwarrior.log") \
      || [ "$count" != "$size" ]; then
    notes+=("no comparison with Taskwarrior: its import of $size tasks failed: $(tail -1 "$work/taskwarrior.log")")
    return 1
  fi
  taskwarrior_state=ready
}

# Taskwarrior's `task list` and each build's `bin/task list` on its store of N tasks, the web app
# `running` on it or `stopped`, side by side in one hyperfine run: the medians in ms, as
# figures[taskwarrior.N.MODE] and figures[BUILD.N.MODE.list_against_taskwarrior].
compare_with_taskwarrior() {
  local size=$1 mode=$2 b i median runs=() names=()
  prepare_taskwarrior "$size" || return 0
  # hyperfine splits each command into words as a shell would, quotes and backslashes included.
  runs+=("$(printf '%q list' "$taskwarrior")")
  names+=("taskwarrior.$size.$mode")
  for b in "${builds[@]}"; do
    [ -d "$(data_dir "$b" "$size")" ] || continue
    [ "$mode" = stopped ] || web_up "$b" "$size" "before the comparison with Taskwarrior" || continue
    runs+=("$(printf '%q --data-dir %q list' "${build_dir[$b]}/bin/task" "$(data_dir "$b" "$size")")")
    names+=("$b.$size.$mode.list_against_taskwarrior")
  done
  say "N = $size: bin/task list against Taskwarrior's task list, web app $mode (hyperfine)"
  # Taskwarrior's configuration by the environment, so that its command is its own alone.
  if ! TASKRC=$work/taskwarrior/taskrc timeout 600 hyperfine -N --warmup 3 --runs 10 --export-csv "$work/hyperfine.csv" "${runs[@]}" \
      >"$work/hyperfine.log" 2>&1; then
    notes+=("the comparison with Taskwarrior, web app $mode, failed: $(tail -3 "$work/hyperfine.log" | tr '\n' ' ')")
    return 0
  fi
  # command,mean,stddev,median,user,system,min,max, in seconds, a line per command in their order.
  i=0
  while IFS=, read -r _ _ _ median _; do
    figures[${names[$i]}]=$(awk -v m="$median" 'BEGIN { printf "%.0f", m * 1000 }')
    i=$((i + 1))
  done < <(tail -n +2 "$work/hyperfine.csv")
}

# --- The run -------------------------------------------------------------------------------------

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for size in $sizes; do
  say "N = $size: seeding each build's store with task import"
  seed_stores "$size"
  say "N = $size: starting the web apps"
  for b in "${builds[@]}"; do start_web "$b" "$size"; done
  # Large stores may take a second a page: give them time for a few samples at least.
  seconds=$((size > 10000 ? duration : latency_seconds))
  for sort in $sorts; do
    say "N = $size: the page's p50 ${sort_label[$sort]}"
    for b in "${builds[@]}"; do
      measure "$b" "$size" "$size.page.$sort" 1 "$seconds" "${web_url[$b]:-}$page_path${sort_query[$sort]}"
    done
  done
  if [[ " $scale_sizes " == *" $size "* ]]; then
    # Once idle: bin/task-web hands the compilers' freed memory back every 5 s.
    sleep 6
    for b in "${builds[@]}"; do
      if web_up "$b" "$size" "after the page runs"; then figures[$b.$size.rss_pages]=$(rss_mb "${web_pid[$b]}"); fi
    done
  fi

  if [ "$size" -eq 10000 ]; then
    for b in "${builds[@]}"; do
      web_up "$b" "$size" "before GET $page_path" || continue
      if ! curl -fsS --max-time 10 -o "$work/page-$b.html" "${web_url[$b]}$page_path" 2>"$work/curl.err"; then
        mark_failed "$b" "$size" "GET failed" "GET $page_path: $(cat "$work/curl.err")"
        continue
      fi
      figures[$b.page_bytes]=$(wc -c <"$work/page-$b.html")
      figures[$b.page_rows]=$(grep -c 'aria-label="Edit task ' "$work/page-$b.html" || true)
    done
    for b in "${builds[@]}"; do
      web_up "$b" "$size" "before GET / for the form" || continue
      # A form as a browser has it: the token from the page; the page sets no cookie, but send any.
      csrf=
      if curl -fsS --max-time 10 -c "$work/cookies" -o "$work/form.html" "${web_url[$b]}/" 2>"$work/curl.err"; then
        # The first token of the page (every form on it has one); sed stops there, so no pipe breaks.
        csrf=$(sed -n '/name="csrf"/{s/.*name="csrf" value="\([^"]*\)".*/\1/p;q}' "$work/form.html")
      fi
      if [ -z "$csrf" ]; then
        mark_failed "$b" "$size" "no form token" "GET / for the form's CSRF token: $(cat "$work/curl.err")"
        continue
      fi
      form_csrf[$b]=$csrf
      form_cookie[$b]=$(awk '!/^#/ && NF >= 7 { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$work/cookies")
    done
    say "N = $size: GET $page_path, GET /api/tasks?limit=100, $rounds run(s) per build in turns"
    throughput "$size" get_page "$read_connections"
    throughput "$size" get_api "$read_connections"
    say "N = $size: creates through the API and the page's form, $rounds run(s) per build in turns"
    throughput "$size" post_api "$write_connections"
    throughput "$size" post_form "$write_connections"
    sleep 6
    for b in "${builds[@]}"; do
      if web_up "$b" "$size" "after the load"; then figures[$b.$size.rss_load]=$(rss_mb "${web_pid[$b]}"); fi
    done
  fi

  if [[ " $scale_sizes " == *" $size "* ]]; then
    say "N = $size: bin/task list, stats, show, add with the web app running, 5 runs each"
    time_commands "$size" running
    [ "$size" -ne 1000 ] || compare_with_taskwarrior "$size" running
  fi
  for b in "${builds[@]}"; do stop_web "$b"; done
  if [[ " $scale_sizes " == *" $size "* ]]; then
    say "N = $size: bin/task list, stats, show, add opening the store, 5 runs each"
    time_commands "$size" stopped
    [ "$size" -ne 1000 ] || compare_with_taskwarrior "$size" stopped
  fi
  for b in "${builds[@]}"; do rm -rf "$(data_dir "$b" "$size")"; done
done

# The ceiling: figures ceiling.* and ceiling_writes.*; a failure is a note, not the end of the run.
measure_ceiling() {
  local port deadline name
  say "The ceiling: a static page of $ceiling_bytes bytes from a bare Undertow server"
  port=$(free_port)
  # The collector bin/task-web gives the app, and a heap that never limits a static page.
  java -XX:+UseSerialGC -Xms32m -Xmx192m "${web_java_opts[@]}" -cp "$root/bench/target/benchmarks.jar" \
    dev.taskmanager.bench.StaticPageServer "$port" "$ceiling_bytes" >"$work/ceiling.log" 2>&1 &
  ceiling_pid=$!
  deadline=$(($(now_ms) + 30000))
  until curl -fs -o /dev/null --max-time 1 "http://127.0.0.1:$port/"; do
    if ! running "$ceiling_pid"; then
      notes+=("the ceiling server exited: $(tail -1 "$work/ceiling.log")")
      return 0
    fi
    if [ "$(now_ms)" -ge "$deadline" ]; then
      notes+=("the ceiling server did not answer within 30 s")
      return 0
    fi
    sleep 0.05
  done
  for name in ceiling:$read_connections ceiling_writes:$write_connections; do
    if ! run_wrk warmup -t2 -c"${name#*:}" -d"${warmup}s" "http://127.0.0.1:$port/" \
        || ! run_wrk "${name%:*}" -t2 -c"${name#*:}" -d"${duration}s" "http://127.0.0.1:$port/"; then
      notes+=("wrk against the ceiling server failed: $(tail -2 "$work/wrk-last.txt" | tr '\n' ' ')")
      return 0
    fi
  done
}

# The page's size and rows as the tables give them: the new build's, else the baseline's.
page_bytes=${figures[new.page_bytes]:-${figures[base.page_bytes]:-}}
page_rows=${figures[new.page_rows]:-${figures[base.page_rows]:-}}
measure_ceiling
stop_process "$ceiling_pid"
ceiling_pid=

# Each build's own benchmarks.jar, the baseline's then the new one's, for each set of benchmarks.
declare -A jmh_score jmh_unit
jmh_rows=()
if [ "$jmh" = 1 ]; then
  mkdir -p "$work/jmh-tmp"
  # Iterations of 1 s (the create benchmark's own, before) measured the JIT still compiling: the
  # rate rose from 300 to 1,800 creates/s over the first ten seconds.
  for set in "create:MongoCreateBenchmark.(adapter|driver)Create4Threads:300:-wi 5 -w 2s -i 5 -r 2s" \
      "read:MongoReadBenchmark:1200:"; do
    IFS=: read -r kind pattern limit iterations <<<"$set"
    read -r -a iterations <<<"$iterations"
    for b in "${builds[@]}"; do
      say "JMH, ${build_label[$b]}: $pattern"
      if timeout "$limit" java -jar "${build_dir[$b]}/bench/target/benchmarks.jar" "$pattern" "${iterations[@]}" \
          -jvmArgsAppend "-Djava.io.tmpdir=$work/jmh-tmp" -rf csv -rff "$work/jmh-$b-$kind.csv" \
          >"$work/jmh-$b-$kind.log" 2>&1; then
        # "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit"[,"Param: storedTasks"]
        while IFS=, read -r name score unit param; do
          [[ " ${jmh_rows[*]} " == *" $name|$param "* ]] || jmh_rows+=("$name|$param")
          jmh_score[$b|$name|$param]=$score
          jmh_unit[$name|$param]=$unit
        done < <(awk -F, 'NR > 1 { gsub(/"/, ""); sub(/^dev\.taskmanager\.bench\./, "", $1)
          printf "%s,%.1f,%s,%s\n", $1, $5, $7, $8 }' "$work/jmh-$b-$kind.csv")
      else
        status=$?
        why="exit $status"
        [ "$status" -ne 124 ] || why="over $limit s"
        notes+=("${build_label[$b]}: JMH $pattern failed ($why): $(tail -1 "$work/jmh-$b-$kind.log")")
      fi
    done
  done
fi

# --- The tables ----------------------------------------------------------------------------------

# Half an hour of figures is not lost to a slip in printing them: a figure that is not there
# prints as "-".
set +eu

is_number() { [[ $1 =~ ^[0-9]+(\.[0-9]+)?$ ]]; }
# A figure with its unit; "-" when missing, "failed (...)" as it is.
fmt() {
  if is_number "$1"; then echo "$1${2:+ $2}"; elif [ -z "$1" ]; then echo "-"; else echo "$1"; fi
}
# Build b's figure KEY at a size, or why the build failed there.
value() {
  local figure=${figures[$1.$2.$3]:-}
  if [ -z "$figure" ] && [ -n "${failed[$1.$2]:-}" ]; then figure="failed (${failed[$1.$2]})"; fi
  echo "$figure"
}
# a / b as a factor, "-" unless both are numbers and b is not 0.
times() { if is_number "$1" && is_number "$2"; then awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else print "-" }'; else echo -; fi; }
# a / b as a percentage.
share() { if is_number "$1" && is_number "$2"; then awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f %%", 100 * a / b; else print "-" }'; else echo -; fi; }
# Whether the new build's figure meets `figure OP limit`: yes, NO (also when it failed), or "-"
# without figures. A limit that is the baseline's failure is met by any figure.
judge() {
  local figure=$1 op=$2 limit=$3
  if is_number "$figure" && is_number "$limit"; then
    if awk -v a="$figure" -v b="$limit" "BEGIN { exit !(a $op b) }"; then echo yes; else echo NO; fi
  elif [[ $figure == failed* ]]; then
    echo NO
  elif is_number "$figure" && [[ $limit == failed* ]]; then
    echo yes
  else
    echo -
  fi
}
# label, the baseline's cell, the new build's, their ratio, target, met; without a baseline, its
# cell and the ratio are left out.
row() {
  if [ "$with_baseline" = 1 ]; then
    printf '%-50s %-30s %-30s %-9s %-22s %s\n' "$@"
  else
    printf '%-50s %-30s %-22s %s\n' "$1" "$3" "$5" "$6"
  fi
}
# A row of build figures at a size: label, key, unit, target, met.
size_row() {
  local label=$1 size=$2 key=$3 unit=$4 base new
  base=$(value base "$size" "$key")
  new=$(value new "$size" "$key")
  row "$label" "$(fmt "$base" "$unit")" "$(fmt "$new" "$unit")" "$(times "$new" "$base")" "${5:-}" "${6:-}"
}
# A wrk figure with its share of a ceiling: "2751 req/s (13.4 %)".
with_share() {
  if is_number "$1"; then echo "$1 $2 ($(share "$1" "$3"))"; else fmt "$1"; fi
}
failure_at() { if [ -n "${failed[$1.$2]:-}" ]; then echo "failed (${failed[$1.$2]})"; fi; }

c=${figures[ceiling.rps]:-}
cw=${figures[ceiling_writes.rps]:-}
echo
echo "Task Manager HTTP benchmark, $(date -u +%Y-%m-%d), $(nproc) cores, java $(java -version 2>&1 | awk -F'"' 'NR == 1 { print $2 }')," \
  "load average $load_before before, $(cut -d' ' -f1-3 /proc/loadavg) after, $((($(date +%s) - began_run + 30) / 60)) minutes"
if [ "$with_baseline" = 1 ]; then
  echo "Builds: ${build_label[base]} (${baseline_commit}) and ${build_label[new]} (this checkout), measured in turn; targets judged on the new build"
fi
echo "wrk -t2, ${duration} s per run after a ${warmup} s warm-up; reads at $read_connections connections, creates at $write_connections;" \
  "req/s at N = 10000: the median of $rounds run(s) per build, the builds taking turns"
echo "Ceiling (a bare Undertow server$([ "$with_baseline" = 0 ] || echo ", one for both builds"), a static page of $ceiling_bytes bytes):" \
  "${c:--} req/s at" \
  "$read_connections connections, ${cw:--} at $write_connections"
echo
row "measure" "${build_label[base]:-}" "${build_label[new]}" "new/base" "target" "met"
for name in get_page get_api; do
  base=$(value base 10000 "$name.rps")
  new=$(value new 10000 "$name.rps")
  case $name in
    get_page) label="GET $page_path (${page_rows:-?} tasks, ${page_bytes:-?} B), N = 10000"; floor=5 ;;
    get_api) label="GET /api/tasks?limit=100, N = 10000"; floor= ;;
  esac
  row "$label" "$(with_share "$base" req/s "$c")" "$(with_share "$new" req/s "$c")" "$(times "$new" "$base")" \
    "${floor:+>= $floor % of ceiling}" \
    "$([ -z "$floor" ] || judge "$new" ">=" "$(awk -v c="$c" -v f="$floor" 'BEGIN { if (c > 0) print c * f / 100 }')")"
  if [ "$name" = get_page ]; then
    [ "$with_baseline" = 0 ] || row "  new against the baseline" "" "" "" ">= baseline" "$(judge "$new" ">=" "$base")"
    size_row "  p99 at $read_connections connections" 10000 get_page.p99 ms "< 20 ms" \
      "$(judge "$(value new 10000 get_page.p99)" "<" 20)"
  fi
done
base=$(value base 10000 post_api.rps)
new=$(value new 10000 post_api.rps)
row "POST /api/tasks (JSON), durable, N = 10000" "$(with_share "$base" creates/s "$cw")" "$(with_share "$new" creates/s "$cw")" \
  "$(times "$new" "$base")" ">= 2,000 creates/s" "$(judge "$new" ">=" 2000)"
[ "$with_baseline" = 0 ] || row "  new against the baseline" "" "" "" ">= baseline" "$(judge "$new" ">=" "$base")"
base=$(value base 10000 post_form.rps)
new=$(value new 10000 post_form.rps)
row "POST /tasks (the page's form, CSRF token)" "$(with_share "$base" creates/s "$cw")" "$(with_share "$new" creates/s "$cw")" \
  "$(times "$new" "$base")" "" ""
if [ "$jmh" = 1 ]; then
  declare -A adapter_share
  for b in "${builds[@]}"; do
    ja=${jmh_score[$b|MongoCreateBenchmark.adapterCreate4Threads|]:-}
    jd=${jmh_score[$b|MongoCreateBenchmark.driverCreate4Threads|]:-}
    adapter_share[$b]=$(share "$ja" "$jd")
    adapter_share[$b.cell]=failed
    if is_number "$ja" && is_number "$jd"; then adapter_share[$b.cell]="${ja%.*} / ${jd%.*} ops/s (${adapter_share[$b]})"; fi
  done
  row "JMH creates, 4 threads: adapter / raw driver" "${adapter_share[base.cell]:-}" "${adapter_share[new.cell]}" "" \
    ">= 80 % of raw driver" "$(judge "${adapter_share[new]% %}" ">=" 80)"
fi
size_row "RSS after the load (6 s idle), N = 10000" 10000 rss_load MB "<= 160 MB" "$(judge "$(value new 10000 rss_load)" "<=" 160)"
# bin/task list against Taskwarrior's, measured side by side (hyperfine medians): the share of it
# in each build's cell, the target on the new build's.
against_taskwarrior() {
  local figure=$1 native=$2
  if is_number "$figure" && is_number "$native"; then echo "$figure ms ($(times "$figure" "$native") Taskwarrior)"; else fmt "$figure"; fi
}
for mode in running stopped; do
  native=${figures[taskwarrior.1000.$mode]:-}
  case $mode in
    running) label="bin/task list (50 of 1,000), web app running"; limit=6 ;;
    *) label="bin/task list (50 of 1,000), CLI opens the store"; limit=12 ;;
  esac
  row "Taskwarrior's task list, 1,000 tasks ($mode)" "" "$(fmt "$native" ms)" "" "" ""
  base=$(value base 1000 "$mode.list_against_taskwarrior")
  new=$(value new 1000 "$mode.list_against_taskwarrior")
  ratio=$(times "$new" "$native")
  row "  $label" "$(against_taskwarrior "$base" "$native")" "$(against_taskwarrior "$new" "$native")" \
    "$(times "$new" "$base")" "<= ${limit}x Taskwarrior" "$(judge "${ratio%x}" "<=" "$limit")"
done

echo "start to first 200 on /health/ready"
for size in $sizes; do
  target=
  [ "$size" -ne 100 ] || target="<= 800 ms"
  [ "$size" -ne "$largest" ] || [ "$largest" -le 10000 ] || target="<= 2,000 ms"
  size_row "  N = $(thousands "$size")" "$size" ready_ms ms "$target" "$(if [ -n "$target" ]; then
    judge "$(value new "$size" ready_ms)" "<=" "$(echo "$target" | tr -dc 0-9)"; fi)"
done
echo "first GET / after that (curl)"
for size in $sizes; do
  target=
  [ "$size" -ne "$largest" ] || [ "$largest" -le 10000 ] || target="<= 100 ms"
  size_row "  N = $(thousands "$size")" "$size" first_page_ms ms "$target" "$(if [ -n "$target" ]; then
    judge "$(value new "$size" first_page_ms)" "<=" 100; fi)"
done
echo "RSS after start"
for size in $sizes; do size_row "  N = $(thousands "$size")" "$size" rss_start MB; done
# The page's targets: 10,000 against 100 (issue 8), 100,000 and the largest against 1,000 (the scale issue).
ratio_pairs="10000:100"
[[ " $sizes " != *" 100000 "* ]] || ratio_pairs="$ratio_pairs 100000:1000"
[ "$largest" -le 10000 ] || [ "$largest" -eq 100000 ] || ratio_pairs="$ratio_pairs $largest:1000"
for sort in $sorts; do
  echo "page p50 (wrk -c1), ${sort_label[$sort]}: $page_path${sort_query[$sort]}"
  for size in $sizes; do
    cells=()
    for b in base new; do
      p50=$(value "$b" "$size" "page.$sort.p50")
      if is_number "$p50"; then cells+=("$p50 ms, $(value "$b" "$size" "page.$sort.requests") req"); else cells+=("$(fmt "$p50")"); fi
    done
    row "  N = $(thousands "$size")" "${cells[0]}" "${cells[1]}" \
      "$(times "$(value new "$size" "page.$sort.p50")" "$(value base "$size" "page.$sort.p50")")" "" ""
  done
  for pair in $ratio_pairs; do
    big=${pair%:*}
    small=${pair#*:}
    ratios=()
    for b in base new; do
      ratios+=("$(times "$(value "$b" "$big" "page.$sort.p50")" "$(value "$b" "$small" "page.$sort.p50")")")
      [ "${ratios[-1]}" != - ] || ratios[-1]=$(failure_at "$b" "$big")
    done
    ratio=${ratios[1]%x}
    [ -n "$ratio" ] || ratio=-
    row "  N = $(thousands "$big") against N = $(thousands "$small")" "$(fmt "${ratios[0]}")" "$(fmt "${ratios[1]}")" "" "<= 1.5x" \
      "$(judge "$ratio" "<=" 1.5)"
  done
done
echo "seeding by task import, in parts of $(thousands "$import_part")"
for size in $sizes; do
  size_row "  N = $(thousands "$size")" "$size" seed_s s
done

# The scale table: at 1,000 tasks and at the largest store, each build's start, first page, later
# pages (the slowest order's p50), RSS (after start / after the page runs) and slowest command.
scale_cell() { if is_number "$1"; then echo "$1${2:+ $2}"; elif [[ $1 == failed* ]]; then echo failed; else echo -; fi; }
# The slowest order's p50 of build b's page at a size, or its failure.
slowest_page() {
  local b=$1 size=$2 sort p50 slowest=
  for sort in $sorts; do
    p50=$(value "$b" "$size" "page.$sort.p50")
    is_number "$p50" || { echo "$p50"; return 0; }
    slowest=$(awk -v a="$p50" -v b="${slowest:-0}" 'BEGIN { print (a > b ? a : b) }')
  done
  echo "$slowest"
}
# The slowest median of build b's commands at a size, "MS|COMMAND, app MODE", or the first failure
# as "failed|COMMAND, app MODE" ("-|" when one was not measured).
slowest_command() {
  local b=$1 size=$2 mode command median slowest=
  for mode in stopped running; do
    for command in $commands; do
      median=$(value "$b" "$size" "$mode.$command")
      if ! is_number "$median"; then
        if [[ $median == failed* ]]; then echo "failed|$command, app $mode"; else echo "-|"; fi
        return 0
      fi
      if [ -z "$slowest" ] || [ "$median" -gt "${slowest%%|*}" ]; then slowest="$median|$command, app $mode"; fi
    done
  done
  echo "$slowest"
}
scale_row() { printf '%-11s %-20s %-12s %-11s %-14s %-15s %s\n' "$@"; }
echo
echo "Scale: default launcher settings; later pages: the page's p50 in its slowest order; RSS after start / after the page runs;"
echo "task commands: the slowest median of list, stats, show and add, the CLI opening the store or through the web app"
scale_row "N" "build" "start" "first page" "later pages" "web app RSS" "task commands"
for size in $scale_sizes; do
  for b in "${builds[@]}"; do
    slowest=$(slowest_command "$b" "$size")
    case ${slowest%%|*} in
      failed) slowest="failed (${slowest#*|})" ;;
      -) slowest=- ;;
      *) slowest="${slowest%%|*} ms (${slowest#*|})" ;;
    esac
    rss_start=$(value "$b" "$size" rss_start)
    rss_pages=$(value "$b" "$size" rss_pages)
    rss=$(scale_cell "$rss_start")
    ! is_number "$rss_start" || rss="$rss_start / $(scale_cell "$rss_pages" MB)"
    scale_row "$(thousands "$size")" "${build_label[$b]}" "$(scale_cell "$(value "$b" "$size" ready_ms)" ms)" \
      "$(scale_cell "$(value "$b" "$size" first_page_ms)" ms)" "$(scale_cell "$(slowest_page "$b" "$size")" ms)" \
      "$rss" "$slowest"
  done
done
# The targets, on the new build at the largest store of the table; later pages against the same
# order at 1,000.
scale_top=${scale_sizes##* }
worst=
for sort in $sorts; do
  ratio=$(times "$(value new "$scale_top" "page.$sort.p50")" "$(value new 1000 "page.$sort.p50")")
  ratio=${ratio%x}
  if ! is_number "$ratio"; then worst=failed; break; fi
  worst=$(awk -v a="$ratio" -v b="${worst:-0}" 'BEGIN { print (a > b ? a : b) }')
done
[ "$scale_top" -gt 10000 ] || worst=-
rss_start=$(value new "$scale_top" rss_start)
rss_pages=$(value new "$scale_top" rss_pages)
if is_number "$rss_start" && is_number "$rss_pages"; then
  rss_most=$((rss_start > rss_pages ? rss_start : rss_pages))
elif [[ $rss_start == failed* || $rss_pages == failed* ]]; then
  rss_most=failed
else
  rss_most=-
fi
slowest=$(slowest_command new "$scale_top")
scale_row "target" "" "<= 2,000 ms" "<= 100 ms" "<= 1.5x 1,000" "<= 250 MB" "<= 1,000 ms, every one"
scale_row "met" "new, $(thousands "$scale_top")" "$(judge "$(value new "$scale_top" ready_ms)" "<=" 2000)" \
  "$(judge "$(value new "$scale_top" first_page_ms)" "<=" 100)" \
  "$(judge "$worst" "<=" 1.5)$(is_number "$worst" && echo " (${worst}x)")" "$(judge "$rss_most" "<=" 250)" \
  "$(judge "${slowest%%|*}" "<=" 1000)"

echo
echo "bin/task, median wall time of 5 runs"
command_row() { printf '%-58s %-24s %-24s %-24s %s\n' "$@"; }
command_row "" list stats "show ID" "add x"
for size in $scale_sizes; do
  for b in "${builds[@]}"; do
    for mode in stopped running; do
      cells=()
      for command in $commands; do cells+=("$(fmt "$(value "$b" "$size" "$mode.$command")" ms)"); done
      command_row "N = $(thousands "$size"), ${build_label[$b]}, $([ "$mode" = stopped ] && echo "CLI opens the store" || echo "web app running")" \
        "${cells[@]}"
    done
  done
done

if [ "$jmh" = 1 ]; then
  echo
  echo "JMH, each build's own benchmarks.jar (one fork; creates: 5 warm-up and 5 measured iterations of 2 s, reads: 2 and 3 of 1 s)"
  jmh_row() {
    if [ "$with_baseline" = 1 ]; then
      printf '%-44s %-11s %-20s %-20s %-9s %s\n' "$@"
    else
      printf '%-44s %-11s %-20s %s\n' "$1" "$2" "$4" "$6"
    fi
  }
  jmh_row benchmark storedTasks "${build_label[base]:-}" "${build_label[new]}" new/base unit
  for key in "${jmh_rows[@]}"; do
    base=${jmh_score[base|$key]:-}
    new=${jmh_score[new|$key]:-}
    unit=${jmh_unit[$key]}
    [ "$unit" != us/op ] || unit="us/op (lower is better)"
    jmh_row "${key%|*}" "${key#*|}" "$(fmt "$base")" "$(fmt "$new")" "$(times "$new" "$base")" "$unit"
  done
fi

for b in "${builds[@]}"; do
  for name in get_page get_api post_api post_form; do
    errors=${figures[$b.10000.$name.errors]:-0}
    if [ "$errors" -ne 0 ] && [ -z "${failed[$b.10000]:-}" ]; then
      notes+=("${build_label[$b]}: $name: $errors of ${figures[$b.10000.$name.requests]} requests failed (not 2xx/3xx, or a socket error)")
    fi
  done
done
for name in ceiling ceiling_writes; do
  if [ "${figures[$name.errors]:-0}" -ne 0 ]; then
    notes+=("$name: ${figures[$name.errors]} of ${figures[$name.requests]} requests failed (not 2xx/3xx, or a socket error)")
  fi
done
if [ "${#notes[@]}" -gt 0 ]; then
  echo
  printf 'note: %s\n' "${notes[@]}"
fi
