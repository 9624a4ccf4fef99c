# Sourced by the bench scripts, after they set root (the repository).
#
# bench_folder NAME PORT BASE_PORT: sets port and base (the gateway's port, the first subgraph's), work (a fresh
# folder NAME.XXXXXX under TMPDIR, printed) and admin_key (the demo's admin persona: a public key, for the demo only,
# README.md "Personas").
bench_folder() {
  port=$2
  base=$3
  work=$(mktemp -d "${TMPDIR:-/tmp}/$1.XXXXXX")
  admin_key=mck_demoadmin1_c4eea10b307e1fbf252a0a4a2a14fb7cf288b0332d1a0144c55835172b59fdcf
  echo "Work folder: $work"
}

# start_demo: builds the jars unless BENCH_SKIP_BUILD=1, starts the demo mesh as a user does
# (java [JVM options] -jar gateway/target/gateway.jar --demo, its data in the work folder), waits for GET /health, and
# stops it on exit, also on failure or Ctrl-C. Needs bench_folder first; sets gateway_pid.
# Usage: start_demo [JVM option…] -- [gateway argument…]
start_demo() {
  local jvm=() args=()
  while [ $# -gt 0 ] && [ "$1" != -- ]; do jvm+=("$1"); shift; done
  [ $# -gt 0 ] && shift
  args=("$@")
  cd "$root"
  if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
    mvn -B -q package -DskipTests
  fi
  (cd "$work" && exec java "${jvm[@]}" -jar "$root/gateway/target/gateway.jar" --demo \
    --demo.subgraphs-jar="$root/domain-subgraphs/mesh/target/domain-subgraphs.jar" --demo.base-port="$base" \
    --server.port="$port" --logging.level.root=WARN "${args[@]}" >"$work/gateway.log" 2>&1) &
  gateway_pid=$!
  trap 'kill "$gateway_pid" 2>/dev/null || true; wait "$gateway_pid" 2>/dev/null || true' EXIT
  for _ in $(seq 1 240); do
    if curl -fs -o /dev/null "http://localhost:$port/health"; then return 0; fi
    if ! kill -0 "$gateway_pid" 2>/dev/null; then echo "the demo exited; see $work/gateway.log" >&2; exit 1; fi
    sleep 1
  done
  echo "the demo was not healthy within 240 s; see $work/gateway.log" >&2
  exit 1
}
