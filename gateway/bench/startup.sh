#!/usr/bin/env bash
# Start-up benchmark, from the repository root, after `mvn -B -q install -DskipTests`:
#
#   gateway/bench/startup.sh            # STARTUP_RUNS=10 STARTUP_PORT=14300
#
# Starts `java -jar gateway/target/gateway.jar --supergraph=<golden supergraph>` STARTUP_RUNS times and reports
# the time from `java` to the first 200 of GET /health, and the CPU the JVM had used by then; side by side with
# the same start through the Spring application (forced with a Spring profile), runs interleaved.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
runs=${STARTUP_RUNS:-10}
port=${STARTUP_PORT:-14300}
jar="$root/gateway/target/gateway.jar"
supergraph="$root/gateway/src/test/resources/golden/entities/supergraph.graphql"
[ -f "$jar" ] || { echo "no $jar: run mvn -B -q install -DskipTests first" >&2; exit 1; }

measure() {
  local start end pid ticks
  start=$(date +%s%N)
  java -jar "$jar" --supergraph="$supergraph" --server.port="$port" --logging.level.root=WARN "$@" >/dev/null 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/health"; do
    kill -0 "$pid" 2>/dev/null || { echo "the gateway exited before it was healthy" >&2; exit 1; }
    sleep 0.01
  done
  end=$(date +%s%N)
  ticks=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  echo "$(( (end - start) / 1000000 )) $(( ticks * 10 ))"
}

summary() {
  sort -n | awk -v name="$1" '{ms[NR] = $1; cpu[NR] = $2} END {
    printf "%-34s median %5d ms (min %5d, max %5d), CPU used by then: median %5d ms\n", name, ms[int((NR + 1) / 2)], ms[1], ms[NR], cpu[int((NR + 1) / 2)] }'
}

echo "$(nproc) cores, $(java -version 2>&1 | head -1), load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
plain=$(mktemp); spring=$(mktemp)
trap 'rm -f "$plain" "$spring"' EXIT
for _ in $(seq "$runs"); do
  measure >>"$plain"
  measure --spring.profiles.active=startup-bench >>"$spring"
done
summary "plain start (the default)" <"$plain"
summary "through the Spring application" <"$spring"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
