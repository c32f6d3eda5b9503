#!/usr/bin/env bash
# The ingest benchmark of docs/benchmarks.md: Sluice's ingest service and nginx with Debian's
# libnginx-mod-rtmp (RTMPS through nginx's stream TLS) take the same load from the same load generator, in
# the same run, one after the other, on this machine.
#
#   loadgen/bench/ingest-vs-nginx.sh [scenario...]
#
# Scenarios (default: all, in this order):
#   realtime-rtmp    STREAMS streams of the 3 Mbit/s clip in real time over RTMP
#   realtime-rtmps   the same over RTMPS
#   kafka-baseline   the messages of STREAMS streams written by a bare Kafka producer set up as the ingest's,
#                    in a JVM with the services' options, to a topic set up like the media topic (segment size,
#                    retention): the latency and CPU of writing to this broker alone
#   kafka-baseline-beside-rtmp
#                    the same bare producer while STREAMS real-time publishers send to nginx over RTMP: the floor
#                    on a machine as busy as the ingest's is in realtime-rtmp, whose two cores it shares with the
#                    load generator's publishers (nginx does the reading the ingest would do, at its lower cost)
#   kafka-baseline-beside-rtmps
#                    the same with the publishers sending over RTMPS to nginx's TLS front, as in realtime-rtmps
#   max-rtmps        MAX_STREAMS streams as fast as each server takes them, over RTMPS
#   storm            STORM new encoders connecting over RTMPS within STORM_OVER, each publishing once
#   idle             the ingest's resident memory once it has run IDLE_AFTER since its start (run it first,
#                    before any load)
#   history-idle     writes HISTORY of session history (HISTORY_STREAMS streams live throughout, sessions of
#                    an hour, stats every 5 s) to the sessions topic as the ingest's own instance, restarts the
#                    ingest and reads its resident memory IDLE_AFTER after the start, while the start sweeps
#                    that history. It stops auth-service first (it would store every event of it): run it last,
#                    on a throw-away stack
# Settings (environment): STREAMS (100), MAX_STREAMS (8), DURATION (60s), WARMUP (15s), JVM_WARMUP (WARMUP: the
# warm-up of the two JVMs measured, the ingest and the bare producer, whose compiler is still at work on rarely
# run code minutes into a load; nginx compiles nothing), RAMP (10s),
# STORM (1000), STORM_OVER (10s), IDLE_AFTER (60 s), HISTORY (1440m, a day), HISTORY_STREAMS (100),
# BASELINE_RECORDS (contract: the baseline writes the records the ingest writes, headers and all; bare: payload
# and key only), BASELINE_PAYLOAD (fresh: each payload a new array, as a service receiving messages makes one;
# shared: the clip's arrays sent again and again).
#
# Needs the local stack up with room for STREAMS (and STORM) connections and TLS handshakes from one address,
# for example:
#   SLUICE_INGEST_LIMITS_MAX_CONNECTIONS_PER_ADDRESS=1000 SLUICE_INGEST_LIMITS_MAX_TLS_HANDSHAKES_PER_ADDRESS=1000 \
#     ./sluice up postgres kafka keycloak auth ingest
# started once more after the first start that follows a build (that one trains the start-up cache; the script
# refuses an ingest that is training it), and ffmpeg, openssl and nginx with the RTMP module
# (infra/install-tools.sh). Results are appended to .sluice/bench/results.tsv; the clip, nginx's configuration
# and logs are in .sluice/bench/.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SLUICE_HOME="${SLUICE_HOME:-$ROOT/.sluice}"
BENCH="$SLUICE_HOME/bench"
STREAMS="${STREAMS:-100}"
MAX_STREAMS="${MAX_STREAMS:-8}"
DURATION="${DURATION:-60s}"
WARMUP="${WARMUP:-15s}"
JVM_WARMUP="${JVM_WARMUP:-$WARMUP}"
RAMP="${RAMP:-10s}"
STORM="${STORM:-1000}"
STORM_OVER="${STORM_OVER:-10s}"
IDLE_AFTER="${IDLE_AFTER:-60}"
HISTORY="${HISTORY:-1440m}"
HISTORY_STREAMS="${HISTORY_STREAMS:-100}"
BASELINE_RECORDS="${BASELINE_RECORDS:-contract}"
BASELINE_PAYLOAD="${BASELINE_PAYLOAD:-fresh}"
NGINX_RTMP_PORT="${NGINX_RTMP_PORT:-19350}"
NGINX_RTMPS_PORT="${NGINX_RTMPS_PORT:-19351}"
INGEST_HTTP="${INGEST_HTTP:-http://localhost:8081}"
INGEST_RTMP="${INGEST_RTMP:-rtmp://localhost:1935/live}"
INGEST_RTMPS="${INGEST_RTMPS:-rtmps://localhost:1936/live}"
NGINX_RTMP="rtmp://127.0.0.1:$NGINX_RTMP_PORT/live"
NGINX_RTMPS="rtmps://localhost:$NGINX_RTMPS_PORT/live"
SCENARIOS=("$@")
[ ${#SCENARIOS[@]} -gt 0 ] || SCENARIOS=(realtime-rtmp realtime-rtmps kafka-baseline max-rtmps)

# The shared set-up: tools, nginx's RTMP module, the ingest and broker, the load generator, the clip.
TOOLS=(openssl curl)
source "$ROOT/loadgen/bench/bench-common.sh"
# history-idle stops auth-service, through which every later Sluice case would create its streams.
for ((i = 0; i < ${#SCENARIOS[@]} - 1; i++)); do
  [ "${SCENARIOS[$i]}" != history-idle ] || die "history-idle stops auth-service, which the cases after it need: run it last"
done
STREAM_MODULE="$(nginx_module ngx_stream_module.so)"
curl -fsS "$INGEST_HTTP/q/health/ready" >/dev/null || die "ingest at $INGEST_HTTP is not ready"
# The stack trains a start-up cache on the first start after a build, and builds again on `up` whenever a
# file of the project changed: such a start records as it runs, and its memory and cores are not those of the
# trained start the figures are about.
require_trained_ingest() {
  if tr '\0' '\n' <"/proc/$INGEST_PID/cmdline" | grep -q '^-XX:AOTCacheOutput='; then
    die "the ingest (pid $INGEST_PID) is training its start-up cache (the project changed since the cache was made): run ./sluice down, start the stack again, and change no file of the project until the run ends"
  fi
}
require_trained_ingest

mkdir -p "$BENCH/nginx/logs"

# nginx gets an RSA 2048 certificate like the stack's own, so both do the same TLS work.
if [ ! -f "$BENCH/nginx/cert.pem" ]; then
  openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=localhost" -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
    -keyout "$BENCH/nginx/key.pem" -out "$BENCH/nginx/cert.pem" 2>/dev/null
fi
cat >"$BENCH/nginx/nginx.conf" <<CONF
load_module $RTMP_MODULE;
load_module $STREAM_MODULE;
daemon off;
worker_processes auto;
error_log $BENCH/nginx/logs/error.log warn;
pid $BENCH/nginx/nginx.pid;
events { worker_connections 4096; }
rtmp {
  server {
    listen 127.0.0.1:$NGINX_RTMP_PORT;
    chunk_size 4096;
    application live { live on; }
  }
}
stream {
  server {
    listen 127.0.0.1:$NGINX_RTMPS_PORT ssl;
    ssl_certificate $BENCH/nginx/cert.pem;
    ssl_certificate_key $BENCH/nginx/key.pem;
    ssl_protocols TLSv1.2 TLSv1.3;
    proxy_pass 127.0.0.1:$NGINX_RTMP_PORT;
  }
}
CONF
nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"
"$nginx_bin" -p "$BENCH/nginx/" -c "$BENCH/nginx/nginx.conf" -e "$BENCH/nginx/logs/error.log" &
NGINX_PID=$!
# Publishers running in the background (kafka-baseline-beside-*) go with nginx, however the script ends.
BACKGROUND_PUBLISHERS=""
trap 'kill $BACKGROUND_PUBLISHERS "$NGINX_PID" 2>/dev/null || true; wait "$NGINX_PID" 2>/dev/null || true' EXIT
for attempt in $(seq 50); do
  kill -0 "$NGINX_PID" 2>/dev/null || die "nginx did not start; see $BENCH/nginx/logs/error.log"
  (exec 3<>"/dev/tcp/127.0.0.1/$NGINX_RTMPS_PORT") 2>/dev/null && break
  [ "$attempt" -lt 50 ] || die "nginx does not listen on $NGINX_RTMPS_PORT"
  sleep 0.1
done

RESULTS="$BENCH/results.tsv"
# Appends the result line of the load generator's output $1 to the results, stamped with the time.
append_result() {
  grep '^result' "$1" | grep -v '^result	label' | sed "s/^result/$(date -u +%FT%TZ)/" >>"$RESULTS"
}
run() {
  local label="$1" url="$2" streams="$3" pace="$4" warmup="$5"; shift 5
  say "$label $url: $streams streams, pace $pace, warm-up $warmup"
  "$JAVA" -jar "$JAR" rtmp --label "$label" --url "$url" --clip "$CLIP" --streams "$streams" --pace "$pace" \
    --ramp "$RAMP" --warmup "$warmup" --duration "$DURATION" "$@" | tee "$BENCH/last-run.txt"
  append_result "$BENCH/last-run.txt"
}
sluice() {
  run sluice "$1" "$2" "$3" "$JVM_WARMUP" --server-pid "$INGEST_PID" --broker-pid "$KAFKA_PID" --metrics "$INGEST_HTTP/q/metrics" \
    --create-streams --trust-cert "$SLUICE_HOME/tls/ingest-cert.pem"
}
nginx() {
  run nginx "$1" "$2" "$3" "$WARMUP" --server-pid "$NGINX_PID" --trust-cert "$BENCH/nginx/cert.pem"
}
# The services' heap and JVM options, as the stack gives them to the ingest.
stack_setting() {
  sed -n "s/^$1=//p" "$ROOT/infra/config/stack.properties"
}
storm() {
  local label="$1" url="$2"; shift 2
  say "$label $url: a storm of $STORM new encoders over $STORM_OVER"
  "$JAVA" -jar "$JAR" storm --label "$label" --url "$url" --connections "$STORM" --over "$STORM_OVER" "$@" \
    | tee "$BENCH/last-run.txt"
}
kafka_baseline() {
  local label="$1" jvm_options
  read -r -a jvm_options <<<"${SLUICE_SERVICE_JVM_OPTIONS:-$(stack_setting service.jvm-options)}"
  # The young generation the ingest gives itself under load (HeapForLoad, about 28 MB), so that the floor's
  # collector runs as often as the ingest's rather than twenty times a second on the 5 MB a start has. The
  # initial heap must hold it: with the services' -Xms16m the JVM cuts the young generation to 16 MB.
  jvm_options+=(-Xms64m -XX:NewSize=28m)
  say "kafka baseline: the messages of $STREAMS streams from a bare producer ($BASELINE_RECORDS records, $BASELINE_PAYLOAD payloads)"
  # Kafka's client logs through SLF4J, which has no binding here and says so once.
  "$JAVA" "-Xmx${SLUICE_SERVICE_HEAP:-$(stack_setting service.heap)}" "${jvm_options[@]}" -jar "$JAR" kafka --clip "$CLIP" --streams "$STREAMS" --warmup "$JVM_WARMUP" --duration "$DURATION" \
    --records "$BASELINE_RECORDS" --payload "$BASELINE_PAYLOAD" --broker-pid "$KAFKA_PID" 2>&1 | grep -v '^SLF4J' | tee "$BENCH/last-run.txt"
  grep '^result' "$BENCH/last-run.txt" | grep -v '^result	label' \
    | sed "s/^result	kafka-baseline/$(date -u +%FT%TZ)	$label/" >>"$BENCH/baseline.tsv"
}
# A duration of the load generator's (90s, 10m) in whole seconds.
seconds() {
  case "$1" in
    *ms) echo $(( ${1%ms} / 1000 )) ;;
    *s)  echo "${1%s}" ;;
    *m)  echo $(( ${1%m} * 60 )) ;;
    *h)  echo $(( ${1%h} * 3600 )) ;;
    *)   die "not a duration: $1" ;;
  esac
}
# The floor while STREAMS real-time publishers send to nginx at $2 over $1 (rtmp or rtmps): they connect first
# and settle, then the producer warms up and measures while their own measured window (nginx's and the
# publishers' CPU) spans its.
kafka_baseline_beside() {
  local protocol="$1" url="$2" settle
  settle=$(( $(seconds "$RAMP") + 10 ))
  say "kafka baseline beside $STREAMS real-time publishers to nginx ($url)"
  "$JAVA" -jar "$JAR" rtmp --label "nginx-beside-floor" --url "$url" --clip "$CLIP" --streams "$STREAMS" --pace realtime \
    --ramp "$RAMP" --warmup "$(( 10 + $(seconds "$JVM_WARMUP") ))s" --duration "$(( $(seconds "$DURATION") + 10 ))s" \
    --server-pid "$NGINX_PID" --broker-pid "$KAFKA_PID" --trust-cert "$BENCH/nginx/cert.pem" >"$BENCH/beside-publishers.txt" 2>&1 &
  BACKGROUND_PUBLISHERS=$!
  sleep "$settle"
  kill -0 "$BACKGROUND_PUBLISHERS" 2>/dev/null || die "the publishers to nginx stopped; see $BENCH/beside-publishers.txt"
  kafka_baseline "kafka-baseline-beside-$protocol"
  wait "$BACKGROUND_PUBLISHERS" || die "the publishers to nginx failed; see $BENCH/beside-publishers.txt"
  BACKGROUND_PUBLISHERS=""
  cat "$BENCH/beside-publishers.txt"
  append_result "$BENCH/beside-publishers.txt"
}
# The ingest's resident memory once it has run IDLE_AFTER seconds, appended to $BENCH/idle.tsv.
idle_rss() {
  local label="$1" age rss
  age="$(ps -o etimes= -p "$INGEST_PID" | tr -d ' ')"
  [ -n "$age" ] || die "the ingest (pid $INGEST_PID) is not running"
  if [ "$age" -lt "$IDLE_AFTER" ]; then
    sleep "$((IDLE_AFTER - age))"
  fi
  age="$(ps -o etimes= -p "$INGEST_PID" | tr -d ' ')"
  rss="$(awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$INGEST_PID/status")"
  say "idle ($label): ingest pid $INGEST_PID, $age s after its start: $rss MiB resident"
  printf '%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$label" "$age" "$rss" >>"$BENCH/idle.tsv"
}
# Stops a component of the local stack by the pid it recorded, and waits until it is gone.
stop_component() {
  local file="$SLUICE_HOME/run/$1.pid" pid
  [ -f "$file" ] || return 0
  pid="$(cut -d' ' -f1 "$file")"
  kill -0 "$pid" 2>/dev/null || return 0
  say "stopping $1 (pid $pid)"
  kill "$pid"
  for _ in $(seq 300); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  die "$1 (pid $pid) did not stop within 30 s"
}
history_idle() {
  stop_component auth
  say "writing $HISTORY of session history for $HISTORY_STREAMS streams"
  "$JAVA" -jar "$JAR" sessions --streams "$HISTORY_STREAMS" --over "$HISTORY" 2>&1 | grep -v '^SLF4J'
  stop_component ingest
  "$ROOT/sluice" up ingest
  INGEST_PID="$(pid_of ingest)"
  require_trained_ingest
  idle_rss "after a start that sweeps $HISTORY of session history"
  IDLE_AFTER=$((IDLE_AFTER * 2)) idle_rss "after a start that sweeps $HISTORY of session history"
}

for scenario in "${SCENARIOS[@]}"; do
  case "$scenario" in
    realtime-rtmp)  nginx "$NGINX_RTMP" "$STREAMS" realtime
                    sluice "$INGEST_RTMP" "$STREAMS" realtime ;;
    realtime-rtmps) nginx "$NGINX_RTMPS" "$STREAMS" realtime
                    sluice "$INGEST_RTMPS" "$STREAMS" realtime ;;
    kafka-baseline) kafka_baseline kafka-baseline ;;
    kafka-baseline-beside-rtmp)  kafka_baseline_beside rtmp "$NGINX_RTMP" ;;
    kafka-baseline-beside-rtmps) kafka_baseline_beside rtmps "$NGINX_RTMPS" ;;
    max-rtmps)      nginx "$NGINX_RTMPS" "$MAX_STREAMS" max
                    sluice "$INGEST_RTMPS" "$MAX_STREAMS" max ;;
    storm)          storm nginx "$NGINX_RTMPS" --server-pid "$NGINX_PID" \
                      --trust-cert "$BENCH/nginx/cert.pem"
                    storm sluice "$INGEST_RTMPS" --server-pid "$INGEST_PID" --create-streams \
                      --trust-cert "$SLUICE_HOME/tls/ingest-cert.pem" ;;
    idle)           idle_rss "after a start" ;;
    history-idle)   history_idle ;;
    *) die "unknown scenario $scenario" ;;
  esac
done
say "results appended to $RESULTS (the kafka baseline's to $BENCH/baseline.tsv, idle memory to $BENCH/idle.tsv)"
