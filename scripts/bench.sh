#!/usr/bin/env bash
# `npm run bench`: everything in one run, written to bench/results.json and to README.md's speed
# tables. The engine natively (cargo bench: the step and a pure GEMM, f32 and f64), then in
# Chromium: our wasm against TensorFlow.js 4.22 (wasm and cpu backends) on the same MLP, the main
# widget's compute and draw, the first-plot time; and the download sizes.
#   bash scripts/bench.sh [--quick]   (--quick: few samples, to try the pipeline)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
quick=()
for arg in "$@"; do
  case "$arg" in
    --quick) quick=(--quick) ;;
    *) echo "bench: unknown argument $arg" >&2; exit 2 ;;
  esac
done
bash scripts/setup.sh --browser
printf '\n== native (cargo bench -p gradscope-core)\n'
rm -rf target/bench
native_args=()
if [ ${#quick[@]} -gt 0 ]; then native_args=(--test); fi
GRADSCOPE_BENCH_OUT="$PWD/target/bench" cargo bench -p gradscope-core --bench forward_backward -- "${native_args[@]}"
printf '\n== browser (wasm and TensorFlow.js in Chromium)\n'
GRADSCOPE_WASM_OPT=1 bash scripts/build-wasm.sh
node scripts/vendor.mjs
node scripts/bench-browser.mjs "${quick[@]}"
node scripts/bench-table.mjs
