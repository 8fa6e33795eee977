#!/usr/bin/env bash
# Runs the mocha suite out/test/e2e/suite/index.js inside a real VS Code extension host:
# code-server (VS Code 1.139, installed by setup.sh) in a headless Chromium driven by playwright-core.
# `npm run test:e2e` builds dist/ and compiles the tests to out/ first, then runs this script.
# `run.sh --screenshots` (npm run screenshots) instead drives the UI with test/e2e/screenshots.js and
# writes docs/images/*.png.
#
# Environment:
#   SMPL_E2E_TIMEOUT     seconds for the whole suite (default 300)
#   SMPL_E2E_GREP        only run tests whose title matches (mocha --grep)
#   SMPL_E2E_EXTENSION   extension folder to load (default: the installed dist/*.vsix when it is up to date,
#                        else the repo root)
#   SMPL_E2E_KEEP=1      keep the temp dir (workspace copy, code-server logs) for inspection
#   SMPL_E2E_VERBOSE=1   also print the workbench console and, at the end, the ext host and code-server logs
#   SMPL_E2E_HOME        cache dir of setup.sh
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CACHE=${SMPL_E2E_HOME:-$HOME/.cache/sagemaker-policy-lint-e2e}
TIMEOUT=${SMPL_E2E_TIMEOUT:-300}
EXT_DEV=${SMPL_E2E_EXTENSION:-$REPO}
VSIX=$REPO/dist/sagemaker-policy-lint.vsix
TESTS=$REPO/out/test/e2e/suite/index.js
MODE=tests
case "${1:-}" in
  '') ;;
  --screenshots) MODE=screenshots ;;
  *) echo "usage: run.sh [--screenshots]" >&2; exit 2 ;;
esac
log() { printf '[e2e] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
T0=$(date +%s)

bash "$REPO/test/e2e/setup.sh"
# shellcheck disable=SC1091
source "$CACHE/env.sh"

EXT_DEV=$(cd "$EXT_DEV" && pwd)
[[ $MODE == screenshots || -f $TESTS ]] || die "$TESTS is missing: compile the tests first (tsc -p .)"
MAIN=$(node -p "require('$EXT_DEV/package.json').main || ''")
EXT_ID=$(node -p "const p = require('$EXT_DEV/package.json'); p.publisher + '.' + p.name")
[[ -z $MAIN || -f $EXT_DEV/$MAIN || -f $EXT_DEV/$MAIN.js ]] || die "$EXT_DEV/$MAIN is missing: build first (npm run build)"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/smpl-e2e-XXXXXX")
CS_PID=
cleanup() {
  local rc=$?
  if [[ -n $CS_PID ]]; then
    kill -TERM -- "-$CS_PID" 2>/dev/null || true
    for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 -- "-$CS_PID" 2>/dev/null || break; sleep 0.5; done
    kill -KILL -- "-$CS_PID" 2>/dev/null || true
    wait "$CS_PID" 2>/dev/null || true
  fi
  if [[ ${SMPL_E2E_KEEP:-0} == 1 ]]; then log "kept $TMP"; else rm -rf "$TMP"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM HUP

# Test what users install: when `npm run package` has built the .vsix from the current sources (as CI does),
# install it with code-server into a folder of its own and load the extension from there.
if [[ -z ${SMPL_E2E_EXTENSION:-} && $MODE == tests && -f $VSIX ]]; then
  stale=$(find "$REPO/client/src" "$REPO/server/src" "$REPO/server/data" "$REPO/snippets" "$REPO/package.json" -type f -newer "$VSIX" -print -quit)
  if [[ -n $stale ]]; then
    log "dist/$(basename "$VSIX") is older than ${stale#"$REPO"/}: testing the repo folder (npm run package to test the .vsix)"
  else
    "$SMPL_E2E_CODE_SERVER" --extensions-dir "$TMP/installed" --install-extension "$VSIX" >"$TMP/install.log" 2>&1 ||
      { cat "$TMP/install.log" >&2; die "code-server --install-extension $VSIX failed"; }
    EXT_DEV=$(find "$TMP/installed" -mindepth 1 -maxdepth 1 -type d -name "$EXT_ID-*" -print -quit)
    [[ -n $EXT_DEV && -f $EXT_DEV/$MAIN ]] || { cat "$TMP/install.log" >&2; die "the installed extension has no $MAIN"; }
    log "installed $(basename "$VSIX") ($(du -k "$VSIX" | cut -f1) KB): testing $EXT_DEV"
  fi
fi

# A copy of the fixture workspace, so tests may edit and save files.
cp -R "$REPO/test/e2e/workspace" "$TMP/workspace"
# Fresh code-server state. Settings keep the run offline and quiet.
mkdir -p "$TMP/user-data/User" "$TMP/extensions"
cat >"$TMP/user-data/User/settings.json" <<'EOF'
{
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "security.workspace.trust.enabled": false,
  "json.schemaDownload.enable": false,
  "git.enabled": false,
  "chat.disableAIFeatures": true,
  "files.autoSave": "off",
  "editor.minimap.enabled": false,
  "workbench.secondarySideBar.defaultVisibility": "hidden"
}
EOF

PORT=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
BASE=http://127.0.0.1:$PORT
log "starting code-server on $BASE"
# setsid: code-server, its extension host and language servers form one process group, ended as a whole.
setsid "$SMPL_E2E_CODE_SERVER" --bind-addr "127.0.0.1:$PORT" --auth none --disable-telemetry \
  --disable-update-check --disable-workspace-trust --disable-getting-started-override \
  --user-data-dir "$TMP/user-data" --extensions-dir "$TMP/extensions" \
  --vscode-option enable-smoke-test-driver >"$TMP/code-server.log" 2>&1 </dev/null &
CS_PID=$!

up=0
for _ in $(seq 1 120); do
  kill -0 "$CS_PID" 2>/dev/null || break
  if node -e "fetch('$BASE/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))" 2>/dev/null; then up=1; break; fi
  sleep 0.5
done
if [[ $up != 1 ]]; then
  log "code-server did not come up; its log:"; cat "$TMP/code-server.log" >&2
  die "code-server failed to start"
fi
rc=0
if [[ $MODE == screenshots ]]; then
  log "code-server up after $(($(date +%s) - T0)) s; taking screenshots"
  timeout --kill-after=15 "$TIMEOUT" \
    node "$REPO/test/e2e/screenshots.js" "$BASE" "$TMP/workspace" "$EXT_DEV" "$REPO/docs/images" || rc=$?
else
  log "code-server up after $(($(date +%s) - T0)) s; running the suite (timeout ${TIMEOUT} s)"
  SMPL_E2E_TIMEOUT_MS=$((TIMEOUT * 1000)) SMPL_E2E_LOGDIR=$TMP \
    timeout --kill-after=15 $((TIMEOUT + 60)) \
    node "$REPO/test/e2e/runner.js" "$BASE" "$TMP/workspace" "$EXT_DEV" "$TESTS" || rc=$?
fi
if [[ $rc == 124 || $rc == 137 ]]; then
  log "TIMEOUT: $MODE did not finish in time and was killed"; rc=1
fi

if [[ $rc != 0 || ${SMPL_E2E_VERBOSE:-0} == 1 ]]; then
  # The extension host's own logs (activation errors, language server output) help most on failure.
  while IFS= read -r f; do
    log "---- ${f#"$TMP"/} (last 80 lines)"; tail -n 80 "$f" >&2
  done < <(find "$TMP/user-data/logs" -type f \( -name remoteexthost.log -o -path "*/exthost*/$EXT_ID/*" -o -name remoteagent.log \) 2>/dev/null | sort)
  log "---- code-server.log (last 40 lines)"; tail -n 40 "$TMP/code-server.log" >&2 || true
fi
log "finished in $(($(date +%s) - T0)) s with exit code $rc"
exit "$rc"
