#!/usr/bin/env bash
# Issue 4's federation benchmark in one command, from the repository root:
#
#   gateway/bench/run-federation-bench.sh
#
# Builds the jars (skip with BENCH_SKIP_BUILD=1), installs Apollo Gateway from gateway/bench/apollo
# (npm ci), starts the five demo subgraphs, composes them with @apollo/composition into one supergraph
# file (without the authorization directives, which Apollo Gateway refuses to serve), starts this gateway
# (a separate JVM) and Apollo Gateway (NODE_ENV=production) on that file, runs FederationBenchmark against
# them one after the other, and stops every process it started, also on failure or Ctrl-C. Logs, the
# supergraph and report.md stay in the work folder it prints.
#
# Settings (environment): BENCH_CONCURRENCY (16), BENCH_WARMUP (60: on 2 shared cores the gateway JVM's JIT
# needs about a minute under load; after 20 s it still spent 2-3x the CPU per request), BENCH_SECONDS (20, measured
# per target, in BENCH_ROUNDS (4) interleaved rounds),
# BENCH_BASE_PORT (14001: subgraphs on 14001-14005), BENCH_GATEWAY_PORT (14000), BENCH_APOLLO_PORT (14100),
# BENCH_GATEWAY_OPTS (JVM options of this gateway, e.g. -XX:StartFlightRecording=filename=gw.jfr).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
base=${BENCH_BASE_PORT:-14001}
gateway_port=${BENCH_GATEWAY_PORT:-14000}
apollo_port=${BENCH_APOLLO_PORT:-14100}
work=$(mktemp -d "${TMPDIR:-/tmp}/federation-bench.XXXXXX")
names=(orders shipping customers marketing finance)
pids=()

stop_all() {
  local pid
  for pid in "${pids[@]}"; do
    kill -TERM -- "-$pid" 2>/dev/null || true
  done
  for _ in $(seq 50); do
    local alive=0
    for pid in "${pids[@]}"; do
      if kill -0 "$pid" 2>/dev/null; then alive=1; fi
    done
    [ "$alive" = 0 ] && break
    sleep 0.2
  done
  for pid in "${pids[@]}"; do
    kill -KILL -- "-$pid" 2>/dev/null || true
  done
}
trap stop_all EXIT
trap 'exit 130' INT TERM

# Each child leads its own process group, so stop_all also reaches what it forks (Maven's test JVM).
start() {
  local name=$1
  shift
  setsid "$@" >"$work/$name.log" 2>&1 &
  pids+=("$!")
  last_pid=$!
}

port_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

wait_for() {
  local name=$1 url=$2 body=$3
  for _ in $(seq 120); do
    if curl -sf -o /dev/null -H 'Content-Type: application/json' ${body:+-d "$body"} "$url"; then
      return 0
    fi
    sleep 1
  done
  echo "$name did not answer at $url within 120 s; its log:" >&2
  tail -40 "$work/$name.log" >&2
  return 1
}

for port in "$gateway_port" "$apollo_port" $(seq "$base" $((base + 4))); do
  if ! port_free "$port"; then
    echo "port $port is taken; choose others with BENCH_BASE_PORT / BENCH_GATEWAY_PORT / BENCH_APOLLO_PORT" >&2
    exit 1
  fi
done

cd "$root"
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  nice -n 10 mvn -B -q install -DskipTests
fi
apollo_dir="$root/gateway/bench/apollo"
if [ ! -d "$apollo_dir/node_modules" ] || [ "$apollo_dir/package-lock.json" -nt "$apollo_dir/node_modules" ]; then
  (cd "$apollo_dir" && npm ci --no-audit --no-fund --loglevel=error)
fi
echo "work folder: $work"

ports=()
specs=()
for i in "${!names[@]}"; do
  ports+=("--${names[$i]}.port=$((base + i))")
  specs+=("${names[$i]}=http://localhost:$((base + i))/graphql")
done
start subgraphs java -jar domain-subgraphs/mesh/target/domain-subgraphs.jar "${ports[@]}" --logging.level.root=WARN
subgraphs_pid=$last_pid
for i in "${!names[@]}"; do
  wait_for subgraphs "http://localhost:$((base + i))/graphql" '{"query":"{ __typename }"}'
done
node "$apollo_dir/compose.mjs" "$work/supergraph.graphql" "${specs[@]}"

# shellcheck disable=SC2086 # BENCH_GATEWAY_OPTS is a list of JVM options
start gateway java ${BENCH_GATEWAY_OPTS:-} -jar gateway/target/gateway.jar --supergraph="$work/supergraph.graphql" \
  --server.port="$gateway_port" --logging.level.root=WARN
gateway_pid=$last_pid
start apollo env NODE_ENV=production node "$apollo_dir/index.mjs" "$work/supergraph.graphql" "$apollo_port"
apollo_pid=$last_pid
wait_for gateway "http://localhost:$gateway_port/health" ""
wait_for apollo "http://localhost:$apollo_port/graphql" '{"query":"{ __typename }"}'

{
  echo "Machine: $(nproc) cores, $(java -version 2>&1 | head -1), Node $(node --version) (Apollo Gateway: one Node process, single-threaded)"
  echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$work/report.md"
start driver mvn -B -q -pl gateway test -Dtest=FederationBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.subgraph="http://localhost:$base/graphql" -Dbench.gateway="http://localhost:$gateway_port/graphql" \
  -Dbench.apollo="http://localhost:$apollo_port/graphql" -Dbench.concurrency="${BENCH_CONCURRENCY:-16}" \
  -Dbench.warmup="${BENCH_WARMUP:-60}" -Dbench.seconds="${BENCH_SECONDS:-20}" -Dbench.rounds="${BENCH_ROUNDS:-4}" -Dbench.report="$work/table.md" \
  -Dbench.processes="gateway:$gateway_pid,apollo:$apollo_pid,subgraphs:$subgraphs_pid"
driver_status=0
tail -F "$work/driver.log" --pid="${pids[-1]}" 2>/dev/null | grep --line-buffered '^BENCH' || true
wait "${pids[-1]}" || driver_status=$?
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$work/report.md"
if [ -f "$work/table.md" ]; then
  echo | tee -a "$work/report.md"
  tee -a "$work/report.md" <"$work/table.md"
fi
if [ "$driver_status" != 0 ]; then
  echo "the benchmark failed (exit $driver_status); see $work/driver.log" >&2
  tail -30 "$work/driver.log" >&2
fi
exit "$driver_status"
