#!/usr/bin/env bash
# Installs the real encoders, decoders and peer servers the tests drive: ffmpeg/ffprobe, GStreamer with
# its RTMP elements, nginx with the RTMP and stream modules (the peer server of the client tests and of the
# ingest benchmark, RTMPS through the stream module's TLS) and kcat.
# Debian/Ubuntu only; needs root (or sudo). Safe to run again: it installs only what is missing.
set -euo pipefail

packages=(ffmpeg gstreamer1.0-tools gstreamer1.0-plugins-base gstreamer1.0-plugins-good
          gstreamer1.0-plugins-bad gstreamer1.0-plugins-ugly gstreamer1.0-libav
          nginx-light libnginx-mod-rtmp libnginx-mod-stream kcat openssl procps curl unzip)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
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
echo "install-tools: done"
