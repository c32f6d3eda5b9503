#!/usr/bin/env bash
# Installs the real encoders, decoders and peer servers the tests drive: ffmpeg/ffprobe, GStreamer with
# its RTMP elements, nginx with the RTMP and stream modules (the peer server of the client tests and of the
# ingest benchmark, RTMPS through the stream module's TLS), kcat, and Node.js with the two independent HLS
# playlist parsers recording-service's tests check every playlist with (pinned in
# recording-service/src/test/hls-validator/package-lock.json).
# Debian/Ubuntu only; needs root (or sudo). Safe to run again: it installs only what is missing.
set -euo pipefail

packages=(ffmpeg gstreamer1.0-tools gstreamer1.0-plugins-base gstreamer1.0-plugins-good
          gstreamer1.0-plugins-bad gstreamer1.0-plugins-ugly gstreamer1.0-libav
          nginx-light libnginx-mod-rtmp libnginx-mod-stream kcat openssl procps curl unzip)
# Node.js may come from elsewhere (nodesource bundles npm); Debian's own packages otherwise.
command -v node >/dev/null || packages+=(nodejs)
command -v npm >/dev/null || packages+=(npm)

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
validator="$root/recording-service/src/test/hls-validator"
install_validator() {
  if [ ! -d "$validator/node_modules/hls-parser" ] || [ ! -d "$validator/node_modules/m3u8-parser" ]; then
    echo "install-tools: installing the HLS playlist validators (npm ci in $validator)"
    npm ci --prefix "$validator" --no-audit --no-fund --loglevel=error
  fi
}

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  install_validator
  echo "install-tools: everything is installed"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-tools: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
echo "install-tools: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# The nginx package starts a system nginx on port 80; our tests start their own, so stop it.
if command -v systemctl >/dev/null && systemctl is-active --quiet nginx 2>/dev/null; then
  $sudo systemctl stop nginx || true
fi
$sudo pkill -F /run/nginx.pid 2>/dev/null || true
install_validator
echo "install-tools: done"
