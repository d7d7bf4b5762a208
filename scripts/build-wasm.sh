#!/usr/bin/env bash
# Builds crates/web to WebAssembly and generates the ES module in www/pkg/.
# The route (rustup's wasm32 target or Debian's rustc-web with build-std) is the one
# scripts/setup.sh found; see ../shared/TOOLCHAIN.md. Set GRADSCOPE_WASM_ROUTE=debian|rustup to force one.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

route="${GRADSCOPE_WASM_ROUTE:-$(cat target/wasm-route 2>/dev/null || true)}"
if [ -z "$route" ]; then
  bash scripts/setup.sh
  route="$(cat target/wasm-route)"
fi

target=wasm32-unknown-unknown
out_dir=target/wasm
# SIMD128 for matrixmultiply's f32 kernel; every current browser has it.
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-C target-feature=+simd128"
case "$route" in
  rustup)
    cargo build --release --target "$target" --target-dir "$out_dir" -p gradscope-web
    ;;
  debian)
    RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 \
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld-19 \
    /usr/bin/cargo build --release --target "$target" --target-dir "$out_dir/debian" \
      -Zbuild-std=std,panic_abort -p gradscope-web
    out_dir="$out_dir/debian"
    ;;
  *) echo "build-wasm: unknown route '$route'" >&2; exit 1 ;;
esac

wasm="$out_dir/$target/release/gradscope_web.wasm"
rm -rf www/pkg
wasm-bindgen --target web --no-typescript --out-dir www/pkg "$wasm"
# Binaryen's optimizer (from npm) makes the module about a third smaller; the shipping commands
# (npm start, npm run build, npm test) turn it on with GRADSCOPE_WASM_OPT=1, quick rebuilds skip it.
if [ "${GRADSCOPE_WASM_OPT:-0}" = 1 ] && [ -x node_modules/.bin/wasm-opt ]; then
  node_modules/.bin/wasm-opt -O3 --enable-bulk-memory --enable-sign-ext \
    --enable-nontrapping-float-to-int --enable-mutable-globals --enable-reference-types \
    --enable-multivalue --enable-simd www/pkg/gradscope_web_bg.wasm -o www/pkg/gradscope_web_bg.wasm
fi
printf 'build-wasm: %s (%s bytes, route %s)\n' www/pkg/gradscope_web_bg.wasm \
  "$(wc -c < www/pkg/gradscope_web_bg.wasm)" "$route"
