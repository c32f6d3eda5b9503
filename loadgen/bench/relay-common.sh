# What the relay benchmarks (recording-vs-nginx.sh, simulcast-vs-nginx.sh) share. Sourced after the script has
# set ROOT, SLUICE_HOME and BENCH: clean-up of what it starts, the tools it needs, the ingest's and the broker's
# process ids, the load generator, the 3 Mbit/s clip, and CPU time read from /proc.

# Whatever the script starts in the background stops with it, however it ends.
BACKGROUND=()
cleanup() {
  local pid
  for pid in "${BACKGROUND[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
}
trap cleanup EXIT

say() { echo "bench: $*"; }
die() { echo "bench: $*" >&2; exit 1; }
seconds() { local value="$1"; echo "${value%s}"; }

for tool in ffmpeg nginx awk curl; do
  command -v "$tool" >/dev/null || [ -x "/usr/sbin/$tool" ] || die "$tool is missing; run infra/install-tools.sh"
done
RTMP_MODULE=""
for candidate in /usr/lib/nginx/modules/ngx_rtmp_module.so /usr/share/nginx/modules/ngx_rtmp_module.so; do
  [ -f "$candidate" ] && RTMP_MODULE="$candidate"
done
[ -n "$RTMP_MODULE" ] || die "the nginx RTMP module is missing; run infra/install-tools.sh"

pid_of() {
  local file="$SLUICE_HOME/run/$1.pid"
  [ -f "$file" ] || die "$1 is not running (no $file); start the stack first, see the header of this script"
  cut -d' ' -f1 "$file"
}
INGEST_PID="$(pid_of ingest)"
KAFKA_PID="$(pid_of kafka)"

JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
JAR="$ROOT/loadgen/target/loadgen.jar"
[ -f "$JAR" ] || (cd "$ROOT" && ./mvnw -B -q -pl loadgen -am package -DskipTests)

mkdir -p "$BENCH"
CLIP="$BENCH/clip-3mbps.flv"
if [ ! -f "$CLIP" ]; then
  say "encoding the clip: 20 s of 1280x720 at 30 fps, H.264 at 3 Mbit/s, AAC at 128 kbit/s"
  ffmpeg -hide_banner -loglevel error -f lavfi -i testsrc2=size=1280x720:rate=30 -f lavfi -i sine=frequency=440:sample_rate=48000 \
    -t 20 -c:v libx264 -preset veryfast -b:v 3000k -maxrate 3000k -bufsize 3000k -g 60 -pix_fmt yuv420p \
    -c:a aac -b:a 128k -ac 2 -f flv "$CLIP"
fi

# CPU time (ticks) of processes, from /proc.
cpu_ticks() {
  local total=0 pid
  for pid in "$@"; do
    total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
  done
  echo "$total"
}
CLOCK_TICKS="$(getconf CLK_TCK)"
