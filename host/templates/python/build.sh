#!/usr/bin/env bash
# Builds app.py into {{name}}.wasm with componentize-py from PyPI (installed
# into .venv, or the virtualenv in $PARAPET_PYTHON_TOOLS, on first use).
set -euo pipefail
cd "$(dirname "$0")"
tools="${PARAPET_PYTHON_TOOLS:-.venv}"
if [ ! -x "$tools/bin/componentize-py" ]; then
    python3 -m venv "$tools"
    "$tools/bin/pip" install --quiet --disable-pip-version-check componentize-py==0.25.1
fi
"$tools/bin/componentize-py" -d wit -w plugin componentize app -o {{name}}.wasm >/dev/null
echo "built {{name}}.wasm"
