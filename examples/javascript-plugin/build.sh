#!/usr/bin/env bash
# Builds plugin.js into a parapet plugin component with componentize-js (from
# npm, installed into target/js-tools on first use). WASI HTTP is disabled:
# parapet gives plugins no network, and refuses components that import it.
# Usage: examples/javascript-plugin/build.sh [OUTPUT.wasm] [componentize-js options...]
#        (default options: -d http fetch-event)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
tools="$root/target/js-tools"
if [ ! -x "$tools/node_modules/.bin/componentize-js" ]; then
    mkdir -p "$tools"
    npm install --prefix "$tools" --no-audit --no-fund --loglevel=error @bytecodealliance/componentize-js@0.23.0
fi
out="${1:-$root/target/examples/javascript-plugin.wasm}"
shift || true
options=("$@")
[ ${#options[@]} -gt 0 ] || options=(-d http fetch-event)
mkdir -p "$(dirname "$out")"
cd "$here"
"$tools/node_modules/.bin/componentize-js" plugin.js --wit "$root/wit" -n plugin -o "$out" "${options[@]}" >/dev/null
echo "$out"
