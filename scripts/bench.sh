#!/usr/bin/env bash
# Benchmarks: the engine natively (cargo bench) and the real wasm in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
bash scripts/setup.sh --browser
printf '\n== native (cargo bench -p gradscope-core)\n'
cargo bench -p gradscope-core
printf '\n== browser (wasm in Chromium)\n'
GRADSCOPE_WASM_OPT=1 bash scripts/build-wasm.sh
node scripts/vendor.mjs
node scripts/bench-browser.mjs
