#!/usr/bin/env bash
# Build the graph of seeds/ into exports/ from nothing: a venv with kg installed, then kg build.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q -e .
exec .venv/bin/kg build seeds -o exports "$@"
