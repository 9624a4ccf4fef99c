#!/usr/bin/env bash
# The federation benchmark (issues 4 and 16) in one command, from the repository root:
#
#   gateway/bench/run-federation-bench.sh
#
# Builds the jars (mvn package; skip with BENCH_SKIP_BUILD=1), installs Apollo Gateway from gateway/bench/apollo and
# Hive Gateway from gateway/bench/hive (npm ci), makes the run's secrets in the work folder (a caller assertion
# secret, an API key, an RSA key pair for JWT), starts the five demo subgraphs with that secret (shipping's products
# served public, so an anonymous caller reads the join), composes them with @apollo/composition into one supergraph
# file (without the authorization directives, which Apollo Gateway refuses to serve), starts this gateway twice on
# that file (separate JVMs: one anonymous, one with authentication on: the API key, JWT, security.anonymous=off),
# Apollo Gateway, and Hive Gateway twice: with its JavaScript planner and with Hive Router's Rust planner
# (router-runtime) (the peers with NODE_ENV=production), runs FederationBenchmark against them, and stops every
# process it started, also on failure or Ctrl-C. Logs, the supergraph and report.md stay in the work folder it prints.
#
# Settings (environment): BENCH_CONCURRENCY (16), BENCH_WARMUP (60: on 2 shared cores the gateway JVM's JIT
# needs about a minute under load; after 20 s it still spent 2-3x the CPU per request), BENCH_SECONDS (20, measured
# per target, in BENCH_ROUNDS (4) interleaved rounds), BENCH_TARGETS (all: direct,single,single-key,join,join-key,
# join-jwt,join-bare,join-traced,apollo,hive,hive-router; the gateway with authentication on, the bare and traced
# gateways and the peers start only when a target needs them: join-bare is the gateway with
# gateway.metrics.enabled=false and OTEL_SDK_DISABLED=true, join-traced the gateway exporting 1% of its traces over
# OTLP to a sink this script runs, so join-bare / join / join-traced measure what metrics and tracing cost),
# BENCH_BASE_PORT (14001: subgraphs on 14001-14005), BENCH_GATEWAY_PORT (14000), BENCH_GATEWAY_ON_PORT (14010),
# BENCH_APOLLO_PORT (14100), BENCH_HIVE_PORT (14110; with the Rust planner 10 more), BENCH_GATEWAY_OPTS (JVM options
# of both gateways), BENCH_GATEWAY_OFF_OPTS and BENCH_GATEWAY_ON_OPTS (more for one of them, e.g.
# -XX:StartFlightRecording=filename=on.jfr).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
base=${BENCH_BASE_PORT:-14001}
gateway_port=${BENCH_GATEWAY_PORT:-14000}
gateway_on_port=${BENCH_GATEWAY_ON_PORT:-14010}
apollo_port=${BENCH_APOLLO_PORT:-14100}
hive_port=${BENCH_HIVE_PORT:-14110}
hive_router_port=$((hive_port + 10))
targets=${BENCH_TARGETS:-direct,single,single-key,join,join-key,join-jwt,join-bare,join-traced,apollo,hive,hive-router}
gateway_bare_port=$((gateway_on_port + 10))
gateway_traced_port=$((gateway_on_port + 20))
otlp_port=$((gateway_on_port + 30))
wants() {
  [[ ",$targets," =~ ,($1), ]]
}
with_on=0
with_apollo=0
if wants 'single-key|join-key|join-jwt'; then with_on=1; fi
if wants apollo; then with_apollo=1; fi
with_hive=0
with_hive_router=0
if wants hive; then with_hive=1; fi
if wants hive-router; then with_hive_router=1; fi
with_bare=0
with_traced=0
if wants join-bare; then with_bare=1; fi
if wants join-traced; then with_traced=1; fi
jwt_issuer=https://bench.invalid/
jwt_audience=mesh-catalog-bench
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
  # the run's credentials are useless once its gateways are gone; the public key and the logs stay
  rm -f "$work/api-key" "$work/jwt-private.pem"
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

for port in "$gateway_port" "$gateway_on_port" "$apollo_port" "$hive_port" "$hive_router_port" \
  $(seq "$base" $((base + 4))); do
  if ! port_free "$port"; then
    echo "port $port is taken; choose others with BENCH_BASE_PORT / BENCH_GATEWAY_PORT / BENCH_GATEWAY_ON_PORT /" \
      "BENCH_APOLLO_PORT / BENCH_HIVE_PORT" >&2
    exit 1
  fi
done

cd "$root"
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  nice -n 10 mvn -B -q package -DskipTests
fi
apollo_dir="$root/gateway/bench/apollo"
hive_dir="$root/gateway/bench/hive"
for dir in "$apollo_dir" "$hive_dir"; do
  if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules" ]; then
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
done
echo "work folder: $work"

# The run's secrets, made here and kept in the work folder only (mode 600): the caller assertion secret the
# gateways sign with and the subgraphs verify, an API key, and the RSA key pair of the bearer tokens.
umask 077
MESH_CALLER_SECRET=$(openssl rand -hex 32)
export MESH_CALLER_SECRET
new_key=$(java -jar gateway/target/gateway.jar --new-api-key)
grep -o 'mck_[a-z0-9]*_[0-9a-f]*' <<<"$new_key" >"$work/api-key"
key_id=$(sed -n 's/^ *- id: //p' <<<"$new_key")
key_hash=$(sed -n 's/^ *hash: //p' <<<"$new_key")
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/jwt-private.pem" 2>/dev/null
openssl pkey -in "$work/jwt-private.pem" -pubout -out "$work/jwt-public.pem"
umask 022
# The demo's shipping products are internal, which an anonymous caller may not read; the benchmark serves a copy
# of its descriptor with every product public, so the anonymous and the authenticated callers get the same data.
sed 's/^\( *visibility:\) internal$/\1 public/' \
  domain-subgraphs/mesh/src/main/resources/io/meshcatalog/subgraphs/shipping/shipping.yaml >"$work/shipping.yaml"
if grep -q 'visibility: internal' "$work/shipping.yaml"; then
  echo "cannot make shipping's products public in $work/shipping.yaml" >&2
  exit 1
fi

ports=()
specs=()
for i in "${!names[@]}"; do
  ports+=("--${names[$i]}.port=$((base + i))")
  specs+=("${names[$i]}=http://localhost:$((base + i))/graphql")
done
start subgraphs java -jar domain-subgraphs/mesh/target/domain-subgraphs.jar "${ports[@]}" \
  --shipping.descriptor="file:$work/shipping.yaml" --logging.level.root=WARN
subgraphs_pid=$last_pid
for i in "${!names[@]}"; do
  wait_for subgraphs "http://localhost:$((base + i))/graphql" '{"query":"{ __typename }"}'
done
node "$apollo_dir/compose.mjs" "$work/supergraph.graphql" "${specs[@]}"

# shellcheck disable=SC2086 # BENCH_GATEWAY_*OPTS are lists of JVM options
start gateway java ${BENCH_GATEWAY_OPTS:-} ${BENCH_GATEWAY_OFF_OPTS:-} -jar gateway/target/gateway.jar \
  --supergraph="$work/supergraph.graphql" --server.port="$gateway_port" --audit.dir="$work/audit-off" \
  --logging.level.root=WARN --gateway.rate-limit.requests=0 --gateway.rate-limit.cost=0
processes="gateway-off:$last_pid"
if [ "$with_on" = 1 ]; then
  # shellcheck disable=SC2086
  # file: because the gateway resolves a plain path against its working folder, even one starting with /
  start gateway-on java ${BENCH_GATEWAY_OPTS:-} ${BENCH_GATEWAY_ON_OPTS:-} -jar gateway/target/gateway.jar \
    --supergraph="$work/supergraph.graphql" --server.port="$gateway_on_port" --audit.dir="$work/audit-on" \
    --logging.level.root=WARN --gateway.rate-limit.requests=0 --gateway.rate-limit.cost=0 --security.anonymous=off \
    "--security.api-keys[0].id=$key_id" "--security.api-keys[0].hash=$key_hash" \
    "--security.api-keys[0].subject=bench-key" "--security.api-keys[0].roles=READER" \
    "--security.api-keys[0].expires=$(date -u -d '+1 day' +%F)" \
    --security.jwt.public-key-location="file:$work/jwt-public.pem" --security.jwt.issuer="$jwt_issuer" \
    --security.jwt.audiences="$jwt_audience" --security.jwt.algorithms=RS256
  processes+=",gateway-on:$last_pid"
fi
# shellcheck disable=SC2206 # BENCH_GATEWAY_OPTS is a list of JVM options
plain_gateway=(java ${BENCH_GATEWAY_OPTS:-} -jar gateway/target/gateway.jar --supergraph="$work/supergraph.graphql"
  --logging.level.root=WARN --gateway.rate-limit.requests=0 --gateway.rate-limit.cost=0)
if [ "$with_bare" = 1 ]; then
  start gateway-bare env OTEL_SDK_DISABLED=true "${plain_gateway[@]}" --server.port="$gateway_bare_port" \
    --audit.dir="$work/audit-bare" --gateway.metrics.enabled=false
  processes+=",gateway-bare:$last_pid"
fi
if [ "$with_traced" = 1 ]; then
  # an OTLP/HTTP sink: takes every export and keeps nothing
  start otlp-sink python3 -c "import http.server as h
class S(h.BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get('Content-Length', 0))); self.send_response(200); self.end_headers()
    def log_message(self, *args): pass
h.ThreadingHTTPServer(('127.0.0.1', $otlp_port), S).serve_forever()"
  start gateway-traced env OTEL_EXPORTER_OTLP_ENDPOINT="http://127.0.0.1:$otlp_port" \
    OTEL_TRACES_SAMPLER=parentbased_traceidratio OTEL_TRACES_SAMPLER_ARG=0.01 "${plain_gateway[@]}" \
    --server.port="$gateway_traced_port" --audit.dir="$work/audit-traced"
  processes+=",gateway-traced:$last_pid"
fi
if [ "$with_apollo" = 1 ]; then
  start apollo env NODE_ENV=production node "$apollo_dir/index.mjs" "$work/supergraph.graphql" "$apollo_port"
  processes+=",apollo:$last_pid"
fi
if [ "$with_hive" = 1 ]; then
  start hive env NODE_ENV=production node "$hive_dir/index.mjs" "$work/supergraph.graphql" "$hive_port" js
  processes+=",hive:$last_pid"
fi
if [ "$with_hive_router" = 1 ]; then
  start hive-router env NODE_ENV=production node "$hive_dir/index.mjs" "$work/supergraph.graphql" "$hive_router_port" \
    router
  processes+=",hive-router:$last_pid"
fi
processes+=",subgraphs:$subgraphs_pid"
wait_for gateway "http://localhost:$gateway_port/health" ""
if [ "$with_on" = 1 ]; then
  wait_for gateway-on "http://localhost:$gateway_on_port/health" ""
fi
if [ "$with_bare" = 1 ]; then
  wait_for gateway-bare "http://localhost:$gateway_bare_port/health" ""
fi
if [ "$with_traced" = 1 ]; then
  wait_for gateway-traced "http://localhost:$gateway_traced_port/health" ""
fi
if [ "$with_apollo" = 1 ]; then
  wait_for apollo "http://localhost:$apollo_port/graphql" '{"query":"{ __typename }"}'
fi
if [ "$with_hive" = 1 ]; then
  wait_for hive "http://localhost:$hive_port/graphql" '{"query":"{ __typename }"}'
fi
if [ "$with_hive_router" = 1 ]; then
  wait_for hive-router "http://localhost:$hive_router_port/graphql" '{"query":"{ __typename }"}'
fi

{
  echo "Machine: $(nproc) cores, $(java -version 2>&1 | head -1), Node $(node --version) (Apollo Gateway and Hive Gateway: one Node process each)"
  echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$work/report.md"
start driver mvn -B -q -pl gateway -am test -Dtest=FederationBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.subgraph="http://localhost:$base/graphql" -Dbench.gateway="http://localhost:$gateway_port/graphql" \
  -Dbench.gatewayOn="http://localhost:$gateway_on_port/graphql" \
  -Dbench.gatewayBare="http://localhost:$gateway_bare_port/graphql" \
  -Dbench.gatewayTraced="http://localhost:$gateway_traced_port/graphql" -Dbench.apollo="http://localhost:$apollo_port/graphql" \
  -Dbench.hive="http://localhost:$hive_port/graphql" -Dbench.hiveRouter="http://localhost:$hive_router_port/graphql" \
  -Dbench.apiKeyFile="$work/api-key" -Dbench.jwtPrivateKey="$work/jwt-private.pem" -Dbench.jwtIssuer="$jwt_issuer" \
  -Dbench.jwtAudience="$jwt_audience" -Dbench.targets="$targets" -Dbench.concurrency="${BENCH_CONCURRENCY:-16}" \
  -Dbench.warmup="${BENCH_WARMUP:-60}" -Dbench.seconds="${BENCH_SECONDS:-20}" -Dbench.rounds="${BENCH_ROUNDS:-4}" \
  -Dbench.report="$work/table.md" -Dbench.processes="$processes"
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
