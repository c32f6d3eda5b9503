#!/usr/bin/env bash
# CPU per thread of a running process over a window, threads of one kind (numbers in their names folded)
# added up: where a service's cores go under a benchmark's load (event loops, Kafka's network thread, the
# compiler, the collector, the topic followers).
#
#   loadgen/bench/thread-cpu.sh PID [SECONDS]
set -euo pipefail
pid="${1:?usage: thread-cpu.sh PID [SECONDS]}"
window="${2:-20}"
snapshot() {
  for task in /proc/"$pid"/task/*; do
    # Field 14 and 15 of stat are user and system time in clock ticks; the name may hold spaces, so cut after ')'.
    printf '%s\t%s\t%s\n' "${task##*/}" "$(tr -d '\n' <"$task/comm" | sed 's/[0-9]\+/N/g')" \
      "$(sed 's/.*) //' "$task/stat" | awk '{ print $12 + $13 }')"
  done 2>/dev/null
}
before="$(snapshot)"
sleep "$window"
after="$(snapshot)"
awk -F'\t' -v hz="$(getconf CLK_TCK)" -v window="$window" '
  NR == FNR { start[$1] = $3; next }
  { used[$2] += $3 - ($1 in start ? start[$1] : 0) }
  END {
    for (name in used) { total += used[name] }
    printf "%.3f cores in all\n", total / hz / window
    for (name in used) { if (used[name] > 0) printf "%.3f %s\n", used[name] / hz / window, name }
  }' <(echo "$before") <(echo "$after") | sort -k1,1nr
