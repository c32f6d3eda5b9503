# What the relay benchmarks (recording-vs-nginx.sh, simulcast-vs-nginx.sh) share. Sourced after the script has
# set ROOT, SLUICE_HOME and BENCH: clean-up of what it starts, what every benchmark here shares
# (bench-common.sh: tools, the ingest's and the broker's process ids, the load generator, the 3 Mbit/s clip),
# and CPU time read from /proc.

# Whatever the script starts in the background stops with it, however it ends.
BACKGROUND=()
cleanup() {
  local pid
  for pid in "${BACKGROUND[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
}
trap cleanup EXIT

seconds() { local value="$1"; echo "${value%s}"; }

TOOLS=(awk curl)
source "$ROOT/loadgen/bench/bench-common.sh"

# CPU time (ticks) of processes, from /proc.
cpu_ticks() {
  local total=0 pid
  for pid in "$@"; do
    total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
  done
  echo "$total"
}
CLOCK_TICKS="$(getconf CLK_TCK)"
