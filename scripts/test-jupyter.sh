#!/usr/bin/env bash
# The Jupyter package's tests (run by scripts/test.sh, after the wasm build): builds the wheel,
# installs it into target/jupyter-venv (with the pinned JupyterLab, anywidget and pytest of
# python/requirements-dev.txt), runs pytest, then a real JupyterLab on a free port with no token
# and a Playwright spec in Debian's Chromium (playwright.jupyter.config.js).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
venv=target/jupyter-venv

bash scripts/setup.sh --python >/dev/null
node scripts/build-python.mjs
wheel="$(ls dist/python/gradscope-*.whl)"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps "$wheel"
[ -x target/debug/gradscope ] || cargo build -q -p gradscope-cli

echo "== pytest (the installed wheel)"
(cd python && "../$venv/bin/python" -m pytest -q -p no:cacheprovider tests)

echo "== JupyterLab in Chromium"
home="$PWD/target/jupyter-test"
rm -rf "$home"
mkdir -p "$home/root"
GRADSCOPE_JUPYTER_PORT="$(node -e "const s = require('net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); });")"
export GRADSCOPE_JUPYTER_PORT GRADSCOPE_JUPYTER_HOME="$home" GRADSCOPE_JUPYTER_ROOT="$home/root"
status=0
npx playwright test -c playwright.jupyter.config.js "$@" || status=$?
if [ "$status" != 0 ] && [ -f "$home/server.log" ]; then
  echo "== the end of JupyterLab's log ($home/server.log)"
  grep -v '^(()=>' "$home/server.log" | cut -c1-300 | tail -40
fi
node -e '
  const s = require("./test-results/jupyter.json").stats || {};
  console.log(`jupyter: ${(s.expected || 0) + (s.flaky || 0)} passed, ${s.unexpected || 0} failed`);
' || true
exit "$status"
