#!/usr/bin/env bash
# Issue 12's bounded-heap run in one command, from the repository root:
#
#   gateway/bench/run-heap-bound.sh
#
# Starts the demo mesh with a fixed heap (HEAP_XMX, 512m) and its rate limits off, so every request is served, then
# runs HeapBoundBenchmark: the heaviest request each intake accepts (an OpenLineage event at every intake limit, the
# costliest catalog queries the default max-cost admits) and some it refuses (a fragment bomb, 20,000 fields, a 3 MB
# body), HEAP_CONCURRENCY (8) at a time for HEAP_ROUNDS (3) rounds each. Per kind: statuses, p50 and slowest, the
# most heap used while they ran and the heap after a full GC before and after, printed and kept in report.md in the
# work folder it prints. HEAP_PORT (18080) and HEAP_BASE_PORT (18001) keep it off a running demo.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/gateway/bench/demo-lib.sh"
bench_folder heap-bound "${HEAP_PORT:-18080}" "${HEAP_BASE_PORT:-18001}"
start_demo "-Xmx${HEAP_XMX:-512m}" -- --gateway.rate-limit.requests=0 --gateway.rate-limit.cost=0
echo "Machine: $(nproc) cores, gateway -Xmx${HEAP_XMX:-512m}; load average before: $(cut -d' ' -f1-3 /proc/loadavg)" \
  | tee "$work/report.md"
mvn -B -q -pl gateway -am test -Dtest=HeapBoundBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dheap.gateway="http://localhost:$port" -Dheap.pid="$gateway_pid" -Dheap.rounds="${HEAP_ROUNDS:-3}" \
  -Dheap.concurrency="${HEAP_CONCURRENCY:-8}" -Dheap.adminKey="$admin_key" -Dheap.report="$work/table.md" \
  | grep --line-buffered '^HEAP' || true
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$work/report.md"
if ! kill -0 "$gateway_pid" 2>/dev/null; then echo "the gateway died; see $work/gateway.log" | tee -a "$work/report.md"; fi
cat "$work/table.md" | tee -a "$work/report.md"
