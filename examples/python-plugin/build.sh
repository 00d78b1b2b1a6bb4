#!/usr/bin/env bash
# Builds app.py into a parapet plugin component with componentize-py (from
# PyPI, installed into target/python-tools on first use).
# Usage: examples/python-plugin/build.sh [OUTPUT.wasm]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
tools="$root/target/python-tools"
if [ ! -x "$tools/bin/componentize-py" ]; then
    python3 -m venv "$tools"
    "$tools/bin/pip" install --quiet --disable-pip-version-check componentize-py==0.25.1
fi
out="${1:-$root/target/examples/python-plugin.wasm}"
mkdir -p "$(dirname "$out")"
cd "$here"
"$tools/bin/componentize-py" -d "$root/wit" -w plugin componentize app -o "$out" >/dev/null
echo "$out"
