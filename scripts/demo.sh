#!/usr/bin/env bash
# The main job: builds the wasm package and serves the demo — the seed
# article annotated through the script tag — at http://127.0.0.1:8000/
# (PORT=9000 scripts/demo.sh to change the port).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
exec node scripts/serve.mjs --root www --port "${PORT:-8000}"
