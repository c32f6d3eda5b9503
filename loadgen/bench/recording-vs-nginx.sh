#!/usr/bin/env bash
# The recording benchmark of docs/benchmarks.md: STREAMS real-time 3 Mbit/s streams published over RTMP to
# Sluice (ingest -> Kafka -> recording-service, CMAF with LL-HLS parts) and to nginx with Debian's
# libnginx-mod-rtmp recording the same load (`record all` to FLV and `hls on`, MPEG-TS segments), one after
# the other, in the same run, on this machine, by the same load generator.
#
#   loadgen/bench/recording-vs-nginx.sh
#
# Settings (environment): STREAMS (100), DURATION (60s), WARMUP (15s), RAMP (10s).
#
# Needs the local stack with ingest and recording up and room for STREAMS connections from one address:
#   SLUICE_INGEST_LIMITS_MAX_CONNECTIONS_PER_ADDRESS=1000 ./sluice up postgres kafka keycloak auth ingest recording
# and ffmpeg and nginx with the RTMP module (infra/install-tools.sh). Each run appends one line to
# .sluice/bench/recording.tsv:
#   server  streams  cpu_cores (the server's processes: nginx; ingest + recording + Kafka)
#   recording_cpu_cores  latency_p50_ms  latency_p99_ms  max_lag_records
# Latency is, for Sluice, from the ingest's receipt of a part's first frame to the part being stored and listed
# (sluice_recording_part_latency_seconds, its buckets before and after the measured window); for nginx, from a
# stream's first byte on disk to its first playlist (it has no parts: a segment is listed once it is complete).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SLUICE_HOME="${SLUICE_HOME:-$ROOT/.sluice}"
BENCH="$SLUICE_HOME/bench"
STREAMS="${STREAMS:-100}"
DURATION="${DURATION:-60s}"
WARMUP="${WARMUP:-15s}"
RAMP="${RAMP:-10s}"
NGINX_RTMP_PORT="${NGINX_RTMP_PORT:-19352}"
INGEST_HTTP="${INGEST_HTTP:-http://localhost:8081}"
INGEST_RTMP="${INGEST_RTMP:-rtmp://localhost:1935/live}"
RECORDING_HTTP="${RECORDING_HTTP:-http://localhost:8082}"
RESULTS="$BENCH/recording.tsv"

# The shared set-up: clean-up, tools, the ingest and broker, the load generator, the clip, CPU time.
source "$ROOT/loadgen/bench/relay-common.sh"
RECORDING_PID="$(pid_of recording)"
curl -fsS "$RECORDING_HTTP/q/health/ready" >/dev/null || die "recording at $RECORDING_HTTP is not ready"

# The latency histogram's cumulative buckets, "le count" lines.
latency_buckets() {
  curl -fsS "$RECORDING_HTTP/q/metrics" | awk -F'[{}" ]+' '/^sluice_recording_part_latency_seconds_bucket/ {
    for (i = 1; i <= NF; i++) if ($i == "le=") le = $(i + 1); print le, $NF }'
}
# p50 and p99 in ms of the difference of two bucket lists.
percentiles() {
  awk 'NR == FNR { before[$1] = $2; next } { delta = $2 - before[$1]; les[++n] = $1; counts[n] = delta }
    END { total = counts[n]; if (total <= 0) { print "- -"; exit }
      split("0.5 0.99", wanted, " "); out = ""
      for (w = 1; w <= 2; w++) { for (i = 1; i <= n; i++) if (counts[i] >= wanted[w] * total) { le = les[i]; break }
        out = out (le == "+Inf" ? "inf" : sprintf("%.0f", le * 1000)) " " }
      print out }' "$1" "$2"
}

# Samples the recording's consumer lag every second into a file until stopped.
sample_lag() {
  while true; do
    curl -fsS "$RECORDING_HTTP/q/metrics" 2>/dev/null | awk '/^sluice_recording_media_lag_records / { print $2 }'
    sleep 1
  done
}

measured_window() {
  sleep "$(( $(seconds "$RAMP") + $(seconds "$WARMUP") ))"
}

run_sluice() {
  say "sluice: $STREAMS streams over RTMP, ingest -> Kafka -> recording"
  "$JAVA" -jar "$JAR" rtmp --label sluice-recording --url "$INGEST_RTMP" --clip "$CLIP" --streams "$STREAMS" \
    --pace realtime --ramp "$RAMP" --warmup "$WARMUP" --duration "$DURATION" --server-pid "$INGEST_PID" \
    --broker-pid "$KAFKA_PID" --metrics "$INGEST_HTTP/q/metrics" --create-streams >"$BENCH/last-recording-run.txt" &
  local load=$!
  measured_window
  latency_buckets >"$BENCH/latency-before"
  local all_before recording_before start end
  all_before="$(cpu_ticks "$INGEST_PID" "$RECORDING_PID" "$KAFKA_PID")"
  recording_before="$(cpu_ticks "$RECORDING_PID")"
  start="$(date +%s.%N)"
  sample_lag >"$BENCH/lag.txt" &
  local sampler=$!
  BACKGROUND+=("$sampler")
  sleep "$(seconds "$DURATION")"
  end="$(date +%s.%N)"
  local all_after recording_after
  all_after="$(cpu_ticks "$INGEST_PID" "$RECORDING_PID" "$KAFKA_PID")"
  recording_after="$(cpu_ticks "$RECORDING_PID")"
  latency_buckets >"$BENCH/latency-after"
  kill "$sampler"
  wait "$load" || die "the load generator failed; see $BENCH/last-recording-run.txt"
  local elapsed cores recording_cores latency lag
  elapsed="$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')"
  cores="$(awk -v t=$((all_after - all_before)) -v hz="$CLOCK_TICKS" -v s="$elapsed" 'BEGIN { printf "%.2f", t / hz / s }')"
  recording_cores="$(awk -v t=$((recording_after - recording_before)) -v hz="$CLOCK_TICKS" -v s="$elapsed" 'BEGIN { printf "%.2f", t / hz / s }')"
  latency="$(percentiles "$BENCH/latency-before" "$BENCH/latency-after")"
  lag="$(sort -n "$BENCH/lag.txt" | tail -n 1)"
  printf '%s\tsluice\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$STREAMS" "$cores" "$recording_cores" \
    "$(echo "$latency" | tr ' ' '\t' | sed 's/\t$//')" "${lag:-0}" | tee -a "$RESULTS"
}

run_nginx() {
  local dir="$BENCH/nginx-recording"
  rm -rf "$dir"
  mkdir -p "$dir/logs" "$dir/flv" "$dir/hls"
  # nginx's workers run as an unprivileged user: they must be able to write the recordings.
  chmod 0777 "$dir/flv" "$dir/hls"
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
      record all;
      record_path $dir/flv;
      hls on;
      hls_path $dir/hls;
      hls_nested on;
      hls_fragment 2s;
      hls_playlist_length 20s;
    }
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
  # First sight of each stream's recording file (its first bytes) and of its first playlist.
  (while true; do
     now="$(date +%s.%N)"
     for f in "$dir"/flv/*.flv; do [ -e "$f" ] && n="$(basename "$f" .flv)" && \
       { grep -q "^start $n " "$dir/seen" 2>/dev/null || echo "start $n $now" >>"$dir/seen"; }; done
     for f in "$dir"/hls/*/index.m3u8; do [ -e "$f" ] && n="$(basename "$(dirname "$f")")" && \
       { grep -q "^playlist $n " "$dir/seen" 2>/dev/null || echo "playlist $n $now" >>"$dir/seen"; }; done
     sleep 0.1
   done) &
  local watcher=$!
  BACKGROUND+=("$watcher")
  say "nginx: $STREAMS streams over RTMP, recording to FLV and HLS"
  "$JAVA" -jar "$JAR" rtmp --label nginx-recording --url "rtmp://127.0.0.1:$NGINX_RTMP_PORT/live" --clip "$CLIP" \
    --streams "$STREAMS" --pace realtime --ramp "$RAMP" --warmup "$WARMUP" --duration "$DURATION" \
    --server-pid "$nginx" >"$BENCH/last-nginx-recording-run.txt" &
  local load=$!
  measured_window
  local before start end after
  before="$(cpu_ticks "$nginx" $(pgrep -P "$nginx"))"
  start="$(date +%s.%N)"
  sleep "$(seconds "$DURATION")"
  end="$(date +%s.%N)"
  after="$(cpu_ticks "$nginx" $(pgrep -P "$nginx"))"
  wait "$load" || die "the load generator failed; see $BENCH/last-nginx-recording-run.txt"
  kill "$watcher" "$nginx" 2>/dev/null || true
  wait "$nginx" 2>/dev/null || true
  local cores latency
  cores="$(awk -v t=$((after - before)) -v hz="$CLOCK_TICKS" -v s="$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')" \
    'BEGIN { printf "%.2f", t / hz / s }')"
  latency="$(awk '$1 == "start" { s[$2] = $3 } $1 == "playlist" { p[$2] = $3 }
    END { n = 0; for (k in p) if (k in s) d[++n] = (p[k] - s[k]) * 1000
      if (n == 0) { print "-\t-"; exit }
      asort(d); printf "%.0f\t%.0f", d[int((n - 1) * 0.5) + 1], d[int((n - 1) * 0.99) + 1] }' "$dir/seen")"
  printf '%s\tnginx\t%s\t%s\t%s\t%s\t-\n' "$(date -u +%FT%TZ)" "$STREAMS" "$cores" "$cores" "$latency" | tee -a "$RESULTS"
}

[ -f "$RESULTS" ] || printf 'time\tserver\tstreams\tcpu_cores\trecording_cpu_cores\tlatency_p50_ms\tlatency_p99_ms\tmax_lag_records\n' >"$RESULTS"
run_nginx
run_sluice
say "results appended to $RESULTS"
