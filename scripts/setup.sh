#!/usr/bin/env bash
# Installs what gradscope needs, idempotently. Fast (a few seconds) when all is present.
#
#   bash scripts/setup.sh           # toolchain for the wasm build + wasm-bindgen + npm packages
#   bash scripts/setup.sh --browser # the same, plus Debian's Chromium for the browser tests
#   bash scripts/setup.sh --python  # the same, plus the Jupyter package's venv (target/jupyter-venv)
#
# The wasm32 standard library is found in this order (see ../shared/TOOLCHAIN.md):
#   1. rustup's wasm32-unknown-unknown target, already installed;
#   2. Debian's rustc-web with its std source (build-std), already installed;
#   3. `rustup target add` (with a timeout: it hangs where the network is closed);
#   4. installing Debian's rustc-web, cargo-web, rust-web-src and lld-19.
# The chosen route is written to target/wasm-route for scripts/build-wasm.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

WASM_BINDGEN_VERSION=0.2.130
want_browser=0
want_python=0
for arg in "$@"; do
  case "$arg" in
    --browser) want_browser=1 ;;
    --python) want_python=1 ;;
    *) echo "setup: unknown argument $arg" >&2; exit 2 ;;
  esac
done

log() { printf 'setup: %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=0
apt_install() {
  if [ "$apt_updated" = 0 ]; then as_root apt-get update -qq; apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
}

debian_route_ready() {
  [ -x /usr/bin/rustc ] && [ -x /usr/bin/cargo ] && [ -d /usr/lib/rustlib/src/rust/library ] &&
    command -v wasm-ld-19 >/dev/null 2>&1 &&
    /usr/bin/rustc --version 2>/dev/null | grep -Eq '^rustc 1\.(9[6-9]|[1-9][0-9][0-9])'
}

# 1. The wasm32 standard library.
mkdir -p target
install_debian_route() {
  log "installing Debian's rustc-web, rust-web-src and lld-19 (about 35 s)"
  apt_install rustc-web cargo-web rust-web-src lld-19
  debian_route_ready || { echo "setup: Debian's rustc-web route is incomplete" >&2; exit 1; }
}
if [ "${GRADSCOPE_WASM_ROUTE:-}" = debian ]; then
  # Forced (to test the route a machine without rustup's wasm32 target takes).
  debian_route_ready || install_debian_route
  route=debian
elif rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  route=rustup
elif debian_route_ready; then
  route=debian
elif timeout 60 rustup target add wasm32-unknown-unknown >/dev/null 2>&1; then
  route=rustup
else
  install_debian_route
  route=debian
fi
echo "$route" > target/wasm-route
log "wasm32 route: $route"

# 1b. The standard library's source, for a smaller wasm: scripts/build-wasm.sh then compiles std
# with the crate (build-std) so that a panic aborts at once, without its message, location and
# formatting code (measured: 12–19 kB less gzipped). Optional: without it the build links the
# prebuilt std. Debian's route has the source already; rustup's takes the rust-src component.
std_source=prebuilt
if [ "$route" = debian ]; then
  std_source=debian
elif [ -d "$(rustc --print sysroot)/lib/rustlib/src/rust/library" ]; then
  std_source=rustup
elif timeout 60 rustup component add rust-src >/dev/null 2>&1; then
  std_source=rustup
else
  log "rust-src did not install: the wasm links the prebuilt std (larger)"
fi
echo "$std_source" > target/wasm-std
log "wasm std: $std_source"

# 2. wasm-bindgen CLI, the exact version of the crate.
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION\$"; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 4 minutes, once)"
  # No --locked: the registry mirror lacks a crate version its lock file names.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi
log "$(wasm-bindgen --version)"

# 3. Chromium for the browser tests.
if [ "$want_browser" = 1 ]; then
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    log "installing Debian's chromium and chromium-driver"
    apt_install chromium chromium-driver
  fi
  log "$(/usr/bin/chromium --version 2>/dev/null || echo 'chromium: missing')"
fi

# 4. npm packages (Playwright, KaTeX, fonts, binaryen), reinstalled only when the lock changed.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "installing npm packages"
  if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
fi
# 5. The Jupyter package's venv (its wheel's build backend, anywidget, JupyterLab, pytest), from
# python/requirements-dev.txt; reinstalled only when that file changed.
if [ "$want_python" = 1 ]; then
  venv=target/jupyter-venv
  py=/usr/bin/python3
  [ -x "$py" ] || py="$(command -v python3)"
  if ! "$py" -c 'import ensurepip, venv' >/dev/null 2>&1; then
    log "installing Debian's python3-venv"
    apt_install python3-venv
  fi
  if [ ! -x "$venv/bin/python" ]; then
    log "creating $venv"
    "$py" -m venv "$venv"
  fi
  if ! cmp -s python/requirements-dev.txt "$venv/.requirements-dev.txt"; then
    log "installing the Jupyter venv's packages (about a minute, once)"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r python/requirements-dev.txt
    cp python/requirements-dev.txt "$venv/.requirements-dev.txt"
  fi
  log "$("$venv/bin/python" --version), $("$venv/bin/python" -m jupyter lab --version 2>/dev/null | sed 's/^/JupyterLab /')"
fi
log "ready"
