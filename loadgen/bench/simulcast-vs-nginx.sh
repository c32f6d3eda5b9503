#!/usr/bin/env bash
# The simulcast benchmark of docs/benchmarks.md: STREAMS real-time 3 Mbit/s streams published over RTMP, each
# relayed to TARGETS RTMP targets, by nginx with Debian's libnginx-mod-rtmp (`push`) and by Sluice (ingest ->
# Kafka -> simulcast-service), one after the other, in the same run, on this machine, by the same load generator.
# The targets are an RTMP sink inside the load generator (`rtmp --sink-port`), so each video frame's latency is
# the sink's read of it minus the publisher's send of it on one clock.
#
#   loadgen/bench/simulcast-vs-nginx.sh
#
# Settings (environment): STREAMS (10), TARGETS (2), DURATION (60s), WARMUP (15s), RAMP (5s).
#
# Needs the local stack with ingest and simulcast up (its simulcast allows loopback targets), room for STREAMS
# connections from one address, and ffmpeg and nginx with the RTMP module (infra/install-tools.sh):
#   SLUICE_INGEST_LIMITS_MAX_CONNECTIONS_PER_ADDRESS=1000 ./sluice up postgres kafka keycloak auth ingest simulcast
# Each run appends one line per server to .sluice/bench/simulcast.tsv:
#   server  streams  targets  cpu_cores (nginx's processes; ingest + simulcast + Kafka)  relay_cores (simulcast
#   alone; nginx again)  pct_core_per_stream_target (of cpu_cores)  latency_p50_ms  latency_p99_ms  latency_max_ms
#   sink_publishing (publishes live at the sink at the window's end, of STREAMS x TARGETS)  frames_per_s (at the sink)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SLUICE_HOME="${SLUICE_HOME:-$ROOT/.sluice}"
BENCH="$SLUICE_HOME/bench"
STREAMS="${STREAMS:-10}"
TARGETS="${TARGETS:-2}"
DURATION="${DURATION:-60s}"
WARMUP="${WARMUP:-15s}"
RAMP="${RAMP:-5s}"
NGINX_RTMP_PORT="${NGINX_RTMP_PORT:-19353}"
SINK_PORT="${SINK_PORT:-19363}"
INGEST_HTTP="${INGEST_HTTP:-http://localhost:8081}"
INGEST_RTMP="${INGEST_RTMP:-rtmp://localhost:1935/live}"
SIMULCAST_HTTP="${SIMULCAST_HTTP:-http://localhost:8083}"
RESULTS="$BENCH/simulcast.tsv"

# The shared set-up: clean-up, tools, the ingest and broker, the load generator, the clip, CPU time.
source "$ROOT/loadgen/bench/relay-common.sh"
SIMULCAST_PID="$(pid_of simulcast)"
curl -fsS "$SIMULCAST_HTTP/q/health/ready" >/dev/null || die "simulcast at $SIMULCAST_HTTP is not ready"
cores() { awk -v t="$1" -v hz="$CLOCK_TICKS" -v s="$2" 'BEGIN { printf "%.3f", t / hz / s }'; }
per_stream_target() { awk -v c="$1" -v n=$((STREAMS * TARGETS)) 'BEGIN { printf "%.2f", c * 100 / n }'; }

measured_window() {
  sleep "$(( $(seconds "$RAMP") + $(seconds "$WARMUP") + 1 ))"
}

# The sink's figures from the load generator's sink-result line: p50 p99 max publishing frames_per_s.
sink_figures() {
  awk -F'\t' '$1 == "sink-result" && $2 != "label" { print $7 "\t" $8 "\t" $9 "\t" $5 "\t" $6 }' "$1"
}

# Measures, over the load generator's window, the CPU of the relay's processes (first argument, a list) and of
# all the server's processes (the rest); prints "elapsed all_ticks relay_ticks".
measure() {
  local relay="$1"; shift
  local before relay_before start end after relay_after
  measured_window
  before="$(cpu_ticks "$@")"
  # shellcheck disable=SC2086
  relay_before="$(cpu_ticks $relay)"
  start="$(date +%s.%N)"
  sleep "$(seconds "$DURATION")"
  end="$(date +%s.%N)"
  after="$(cpu_ticks "$@")"
  # shellcheck disable=SC2086
  relay_after="$(cpu_ticks $relay)"
  echo "$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }') $((after - before)) $((relay_after - relay_before))"
}

record() {
  local server="$1" elapsed="$2" all="$3" relay="$4" output="$5"
  local all_cores relay_cores
  all_cores="$(cores "$all" "$elapsed")"
  relay_cores="$(cores "$relay" "$elapsed")"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$server" "$STREAMS" "$TARGETS" "$all_cores" \
    "$relay_cores" "$(per_stream_target "$all_cores")" "$(sink_figures "$output")" | tee -a "$RESULTS"
}

run_nginx() {
  local dir="$BENCH/nginx-push"
  rm -rf "$dir"
  mkdir -p "$dir/logs"
  local pushes="" t
  for t in $(seq 1 "$TARGETS"); do
    pushes="$pushes      push rtmp://127.0.0.1:$SINK_PORT/t$t;"$'\n'
  done
  cat >"$dir/nginx.conf" <<CONF
load_module $RTMP_MODULE;
daemon off;
worker_processes auto;
error_log $dir/logs/error.log warn;
pid $dir/nginx.pid;
events { worker_connections 4096; }
rtmp {
  server {
    listen 127.0.0.1:$NGINX_RTMP_PORT;
    chunk_size 4096;
    application live {
      live on;
$pushes    }
  }
}
CONF
  local nginx_bin
  nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"
  "$nginx_bin" -p "$dir/" -c "$dir/nginx.conf" -e "$dir/logs/error.log" &
  local nginx=$!
  BACKGROUND+=("$nginx")
  sleep 1
  kill -0 "$nginx" || die "nginx did not start; see $dir/logs/error.log"
  say "nginx: $STREAMS streams over RTMP, each pushed to $TARGETS targets"
  local output="$BENCH/last-nginx-push-run.txt"
  "$JAVA" -jar "$JAR" rtmp --label nginx-push --url "rtmp://127.0.0.1:$NGINX_RTMP_PORT/live" --clip "$CLIP" \
    --streams "$STREAMS" --pace realtime --ramp "$RAMP" --warmup "$WARMUP" --duration "$DURATION" \
    --server-pid "$nginx" --sink-port "$SINK_PORT" --targets "$TARGETS" >"$output" &
  local load=$!
  local figures processes
  processes="$nginx $(pgrep -P "$nginx" | tr '\n' ' ')"
  # shellcheck disable=SC2086
  figures="$(measure "$processes" $processes)"
  wait "$load" || die "the load generator failed; see $output"
  kill "$nginx" 2>/dev/null || true
  wait "$nginx" 2>/dev/null || true
  # shellcheck disable=SC2086
  record nginx $figures "$output"
}

run_sluice() {
  say "sluice: $STREAMS streams over RTMP, ingest -> Kafka -> simulcast, $TARGETS targets each"
  local output="$BENCH/last-simulcast-run.txt"
  "$JAVA" -jar "$JAR" rtmp --label sluice-simulcast --url "$INGEST_RTMP" --clip "$CLIP" --streams "$STREAMS" \
    --pace realtime --ramp "$RAMP" --warmup "$WARMUP" --duration "$DURATION" --server-pid "$INGEST_PID" \
    --broker-pid "$KAFKA_PID" --metrics "$INGEST_HTTP/q/metrics" --create-streams \
    --simulcast-api "$SIMULCAST_HTTP" --sink-port "$SINK_PORT" --targets "$TARGETS" >"$output" &
  local load=$!
  local figures
  figures="$(measure "$SIMULCAST_PID" "$INGEST_PID" "$KAFKA_PID" "$SIMULCAST_PID")"
  wait "$load" || die "the load generator failed; see $output"
  # shellcheck disable=SC2086
  record sluice $figures "$output"
}

[ -f "$RESULTS" ] || printf 'time\tserver\tstreams\ttargets\tcpu_cores\trelay_cores\tpct_core_per_stream_target\tlatency_p50_ms\tlatency_p99_ms\tlatency_max_ms\tsink_publishing\tframes_per_s\n' >"$RESULTS"
say "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
run_nginx
run_sluice
say "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
say "results appended to $RESULTS"
