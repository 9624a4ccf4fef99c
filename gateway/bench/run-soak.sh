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
. "$root/gateway/bench/demo-lib.sh"
bench_folder soak "${SOAK_PORT:-18080}" "${SOAK_BASE_PORT:-18001}"
start_demo --
echo "Machine: $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$work/report.md"
mvn -B -q -pl gateway -am test -Dtest=SoakBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dsoak.gateway="http://localhost:$port" -Dsoak.pid="$gateway_pid" -Dsoak.minutes="${SOAK_MINUTES:-10}" \
  -Dsoak.rate="${SOAK_RATE:-20}" -Dsoak.adminKey="$admin_key" -Dsoak.queries="$root/queries" \
  -Dsoak.report="$work/table.md" | grep --line-buffered '^SOAK' || true
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$work/report.md"
cat "$work/table.md" | tee -a "$work/report.md"
