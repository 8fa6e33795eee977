#!/usr/bin/env bash
# Installs what the real-editor tests (test/e2e) need, idempotently:
#   - Debian packages: chromium (headless browser), fonts-liberation, libkrb5-dev + pkg-config
#     (native build of code-server's kerberos module), and a C++ toolchain/python3 if missing;
#   - Node 24 from the npm registry (code-server 4.139 needs it; the machine's Node stays as is);
#   - code-server (a real VS Code: workbench + Node extension host) from the npm registry.
# Everything but the Debian packages goes into the cache dir ${SMPL_E2E_HOME:-~/.cache/sagemaker-policy-lint-e2e};
# each step is skipped when already done, so a second run takes about a second.
# playwright-core, which drives the browser, is a devDependency of the repo (`npm ci`).
#
# Environment: SMPL_E2E_HOME (cache dir), SMPL_E2E_SKIP_APT=1 (never call apt-get),
#              SMPL_E2E_CODE_SERVER_VERSION (default 4.139.1), SMPL_E2E_NODE_MAJOR (default 24).
set -euo pipefail

CACHE=${SMPL_E2E_HOME:-$HOME/.cache/sagemaker-policy-lint-e2e}
CS_VERSION=${SMPL_E2E_CODE_SERVER_VERSION:-4.139.1}
NODE_MAJOR=${SMPL_E2E_NODE_MAJOR:-24}
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

mkdir -p "$CACHE"
CACHE=$(cd "$CACHE" && pwd)
log() { printf '[e2e setup] %s\n' "$*" >&2; }
now() { date +%s; }
T0=$(now)

# One setup at a time per cache dir (two test runs started together would otherwise both install).
exec 9>"$CACHE/.setup.lock"
if command -v flock >/dev/null 2>&1; then flock 9; fi

# Run from an npm script (npm test), the outer npm's settings arrive as npm_* variables, and its user agent
# names the outer Node (20), which code-server's postinstall rejects: let the installs below start clean.
while IFS= read -r v; do unset "$v"; done < <(compgen -e | grep -E '^npm_' || true)

# Keep every tool's config/data/cache state inside the cache dir, not in the home folder.
export XDG_CONFIG_HOME=$CACHE/xdg/config XDG_DATA_HOME=$CACHE/xdg/data XDG_CACHE_HOME=$CACHE/xdg/cache
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME"

# ---------------------------------------------------------------------------------------------- apt
pkg_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
missing=()
for p in chromium fonts-liberation libkrb5-dev pkg-config; do
  pkg_installed "$p" || missing+=("$p")
done
# node-gyp needs python3, make and a C++ compiler; install them only if the commands are absent.
command -v python3 >/dev/null 2>&1 || missing+=(python3)
{ command -v make >/dev/null 2>&1 && command -v g++ >/dev/null 2>&1; } || missing+=(build-essential)

if ((${#missing[@]})); then
  if [[ ${SMPL_E2E_SKIP_APT:-0} == 1 ]]; then
    log "missing Debian packages: ${missing[*]} (SMPL_E2E_SKIP_APT=1, not installing)"; exit 1
  fi
  SUDO=()
  if [[ $(id -u) != 0 ]]; then
    if command -v sudo >/dev/null 2>&1; then SUDO=(sudo); else
      log "missing Debian packages: ${missing[*]}; run as root or: apt-get install -y ${missing[*]}"; exit 1
    fi
  fi
  log "apt-get install ${missing[*]}"
  "${SUDO[@]}" apt-get update -qq
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  log "Debian packages present"
fi

# ------------------------------------------------------------------------------------------ Node 24
NODE_HOME=$CACHE/node$NODE_MAJOR
NODE_BIN=$NODE_HOME/node_modules/.bin/node
node_ok() { [[ -x $NODE_BIN ]] && [[ $("$NODE_BIN" --version 2>/dev/null) == v$NODE_MAJOR.* ]]; }
if node_ok; then
  log "Node $("$NODE_BIN" --version) present"
else
  log "installing node@$NODE_MAJOR from npm"
  rm -rf "$NODE_HOME"; mkdir -p "$NODE_HOME"
  printf '{ "name": "smpl-e2e-node", "private": true }\n' >"$NODE_HOME/package.json"
  (cd "$NODE_HOME" && npm install --no-audit --no-fund --loglevel=error "node@$NODE_MAJOR" >&2)
  node_ok || { log "node@$NODE_MAJOR install failed ($NODE_BIN)"; exit 1; }
  log "Node $("$NODE_BIN" --version) installed"
fi
NODE_ARCH=$("$NODE_BIN" -p process.arch)
NODEDIR=$NODE_HOME/node_modules/node/node_modules/node-linux-$NODE_ARCH
[[ -f $NODEDIR/include/node/node.h ]] || { log "no Node headers in $NODEDIR"; exit 1; }

# -------------------------------------------------------------------------------------- code-server
CS_HOME=$CACHE/code-server
CS_BIN=$CS_HOME/node_modules/.bin/code-server
CS_STAMP=$CS_HOME/.installed-$CS_VERSION-node$NODE_MAJOR
if [[ -f $CS_STAMP && -x $CS_BIN ]]; then
  log "code-server $CS_VERSION present"
else
  log "installing code-server@$CS_VERSION from npm (native builds; about 2 minutes)"
  rm -rf "$CS_HOME"; mkdir -p "$CS_HOME"
  printf '{ "name": "smpl-e2e-code-server", "private": true }\n' >"$CS_HOME/package.json"
  # Node 24 first on PATH, so npm and node-gyp run on it; its headers, not ~/.npmrc's nodedir (= the system Node).
  (cd "$CS_HOME" && PATH=$NODE_HOME/node_modules/.bin:$PATH npm_config_nodedir=$NODEDIR \
     npm install --no-audit --no-fund --loglevel=error "code-server@$CS_VERSION" >&2)
  got=$(PATH=$NODE_HOME/node_modules/.bin:$PATH "$CS_BIN" --version 2>/dev/null | grep -Eo "^$CS_VERSION " | head -n1 | tr -d ' ' || true)
  [[ $got == "$CS_VERSION" ]] || { log "code-server install check failed: got '${got}'"; exit 1; }
  touch "$CS_STAMP"
  log "code-server $CS_VERSION installed"
fi

# -------------------------------------------------------------------------------- playwright-core
if ! (cd "$REPO" && node -e "require.resolve('playwright-core')" 2>/dev/null); then
  log "playwright-core is missing from $REPO/node_modules: run 'npm ci' first"; exit 1
fi

# The environment run.sh and screenshots.js use.
cat >"$CACHE/env.sh" <<EOF
# written by test/e2e/setup.sh
export SMPL_E2E_HOME='$CACHE'
export SMPL_E2E_NODE='$NODE_BIN'
export SMPL_E2E_CODE_SERVER='$CS_BIN'
export XDG_CONFIG_HOME='$XDG_CONFIG_HOME' XDG_DATA_HOME='$XDG_DATA_HOME' XDG_CACHE_HOME='$XDG_CACHE_HOME'
export PATH='$NODE_HOME/node_modules/.bin':\$PATH
EOF
log "ready in $(($(now) - T0)) s ($CACHE)"
