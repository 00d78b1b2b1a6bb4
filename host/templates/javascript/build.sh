#!/usr/bin/env bash
# Builds plugin.js into {{name}}.wasm with componentize-js from npm
# (installed into node_modules, or the prefix in $PARAPET_JS_TOOLS, on first
# use). WASI HTTP is disabled: parapet gives plugins no network.
set -euo pipefail
cd "$(dirname "$0")"
tools="${PARAPET_JS_TOOLS:-.}"
if [ ! -x "$tools/node_modules/.bin/componentize-js" ]; then
    npm install --prefix "$tools" --no-audit --no-fund --loglevel=error @bytecodealliance/componentize-js@0.23.0
fi
"$tools/node_modules/.bin/componentize-js" plugin.js --wit wit -n plugin -o {{name}}.wasm -d http fetch-event >/dev/null
echo "built {{name}}.wasm"
