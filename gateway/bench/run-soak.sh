#!/usr/bin/env bash
# Issue 12's load and soak run in one command, from the repository root:
#
#   gateway/bench/run-soak.sh
#
# Builds the jars (mvn package; skip with BENCH_SKIP_BUILD=1), starts the demo mesh as a user does
# (java -jar gateway/target/gateway.jar --demo, its data in a fresh work folder), waits for GET /health, runs
# SoakBenchmark (a fixed rate of saved queries, catalog queries and OpenLineage intake) for SOAK_MINUTES (10) at
# SOAK_RATE requests per second (20), and stops the demo, also on failure or Ctrl-C. The per-minute table (p50, p99,
# statuses, the gateway's heap after a full GC) and the events acknowledged against those served back are printed
# and kept in report.md in the work folder it prints. SOAK_PORT (18080) and SOAK_BASE_PORT (18001: subgraphs on
# 18001-18005) keep it off a running demo.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
port=${SOAK_PORT:-18080}
base=${SOAK_BASE_PORT:-18001}
work=$(mktemp -d "${TMPDIR:-/tmp}/soak.XXXXXX")
# the demo's admin persona: a public key, for the demo only (README.md "Personas")
admin_key=mck_demoadmin1_c4eea10b307e1fbf252a0a4a2a14fb7cf288b0332d1a0144c55835172b59fdcf
echo "Work folder: $work"
cd "$root"
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  mvn -B -q package -DskipTests
fi
(cd "$work" && exec java -jar "$root/gateway/target/gateway.jar" --demo \
  --demo.subgraphs-jar="$root/domain-subgraphs/mesh/target/domain-subgraphs.jar" --demo.base-port="$base" \
  --server.port="$port" --logging.level.root=WARN >"$work/gateway.log" 2>&1) &
gateway_pid=$!
trap 'kill "$gateway_pid" 2>/dev/null || true; wait "$gateway_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do
  if curl -fs -o /dev/null "http://localhost:$port/health"; then break; fi
  if ! kill -0 "$gateway_pid" 2>/dev/null; then echo "the demo exited; see $work/gateway.log" >&2; exit 1; fi
  sleep 1
done
echo "Machine: $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$work/report.md"
mvn -B -q -pl gateway -am test -Dtest=SoakBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dsoak.gateway="http://localhost:$port" -Dsoak.pid="$gateway_pid" -Dsoak.minutes="${SOAK_MINUTES:-10}" \
  -Dsoak.rate="${SOAK_RATE:-20}" -Dsoak.adminKey="$admin_key" -Dsoak.queries="$root/queries" \
  -Dsoak.report="$work/table.md" | grep --line-buffered '^SOAK' || true
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$work/report.md"
cat "$work/table.md" | tee -a "$work/report.md"
