# What every benchmark against nginx in this folder shares. Sourced after the script has set ROOT,
# SLUICE_HOME, BENCH and TOOLS (the commands it needs besides ffmpeg and nginx): messages, the tools, nginx's
# RTMP module, the ingest's and the broker's process ids, the load generator and the 3 Mbit/s clip.

say() { echo "bench: $*"; }
die() { echo "bench: $*" >&2; exit 1; }

for tool in ffmpeg nginx "${TOOLS[@]}"; do
  command -v "$tool" >/dev/null || [ -x "/usr/sbin/$tool" ] || die "$tool is missing; run infra/install-tools.sh"
done
# The path of one of nginx's dynamic modules, wherever Debian put it.
nginx_module() {
  local candidate
  for candidate in "/usr/lib/nginx/modules/$1" "/usr/share/nginx/modules/$1"; do
    [ -f "$candidate" ] && { echo "$candidate"; return; }
  done
  die "the nginx module $1 is missing; run infra/install-tools.sh"
}
RTMP_MODULE="$(nginx_module ngx_rtmp_module.so)"

pid_of() {
  local file="$SLUICE_HOME/run/$1.pid"
  [ -f "$file" ] || die "$1 is not running (no $file); start the stack first, see the header of this script"
  cut -d' ' -f1 "$file"
}
INGEST_PID="$(pid_of ingest)"
KAFKA_PID="$(pid_of kafka)"

JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
JAR="$ROOT/loadgen/target/loadgen.jar"
if [ ! -f "$JAR" ]; then
  say "building the load generator"
  (cd "$ROOT" && ./mvnw -B -q -pl loadgen -am package -DskipTests)
fi

mkdir -p "$BENCH"
CLIP="$BENCH/clip-3mbps.flv"
if [ ! -f "$CLIP" ]; then
  say "encoding the clip: 20 s of 1280x720 at 30 fps, H.264 at 3 Mbit/s, AAC at 128 kbit/s"
  ffmpeg -hide_banner -loglevel error -f lavfi -i testsrc2=size=1280x720:rate=30 -f lavfi -i sine=frequency=440:sample_rate=48000 \
    -t 20 -c:v libx264 -preset veryfast -b:v 3000k -maxrate 3000k -bufsize 3000k -g 60 -pix_fmt yuv420p \
    -c:a aac -b:a 128k -ac 2 -f flv "$CLIP"
fi
