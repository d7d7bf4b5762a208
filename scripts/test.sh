#!/usr/bin/env bash
# Everything `npm test` runs, in order. Stops at the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

step() { printf '\n== %s\n' "$*"; }
step "setup"
bash scripts/setup.sh --browser --python
step "cargo fmt --check"
cargo fmt --all -- --check
step "cargo clippy -D warnings"
cargo clippy --workspace --all-targets -- -D warnings
# The main widget's own wasm (scripts/build-wasm.sh) leaves out every other cell's exports.
cargo clippy -p gradscope-web --lib --no-default-features -- -D warnings
step "cargo test"
cargo test --workspace
step "wasm build"
GRADSCOPE_WASM_OPT=1 bash scripts/build-wasm.sh
node scripts/vendor.mjs
step "browser tests (Playwright, Debian's Chromium)"
# A free port for the test server, unless one is given: another checkout's server (or one left
# running) on the default port must not be mistaken for this one.
if [ -z "${GRADSCOPE_TEST_PORT:-}" ]; then
  GRADSCOPE_TEST_PORT="$(node -e "const s = require('net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); });")"
  export GRADSCOPE_TEST_PORT
fi
status=0
npx playwright test "$@" || status=$?
node -e '
  const r = require("./test-results/results.json");
  const s = r.stats || {};
  const passed = (s.expected || 0) + (s.flaky || 0);
  const failed = s.unexpected || 0;
  console.log(`browser: ${passed} passed, ${failed} failed` + (s.skipped ? `, ${s.skipped} skipped` : ""));
' || true
[ "$status" = 0 ] || exit "$status"
step "Jupyter package (pytest, JupyterLab in Chromium)"
bash scripts/test-jupyter.sh
