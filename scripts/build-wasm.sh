#!/usr/bin/env bash
# Builds crates/web to WebAssembly and generates the ES modules:
#   www/pkg/         every cell (the notebook, the embed of any other cell, the Jupyter widget);
#   www/pkg-widget/  the main widget's own, smaller wasm (`--no-default-features`: the gradient
#                    experiment, its chart and the schema), which the embed loads when a page shows
#                    only the main widget.
# Both use Cargo's `wasm` profile (Cargo.toml: opt-level "z", the numerics at 3, LTO).
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

# Where std comes from (scripts/setup.sh): compiled with the crate from its source (`rustup`,
# `debian`), or rustup's prebuilt one. Compiled, a panic aborts at once (-Cpanic=immediate-abort:
# the wasm traps, as any panic did, which the page reports and recovers from) and carries no
# message or location: the panic and formatting machinery of std is left out. Set
# GRADSCOPE_WASM_STD=prebuilt to build without it (to compare sizes or speeds).
std_source="${GRADSCOPE_WASM_STD:-$(cat target/wasm-std 2>/dev/null || echo prebuilt)}"
[ "$route" = debian ] && std_source=debian

target=wasm32-unknown-unknown
# Each route builds in its own directory (their flags differ: no rebuild when switching back).
case "$route:$std_source" in
  debian:*) out_dir=target/wasm/debian ;;
  rustup:rustup) out_dir=target/wasm/std ;;
  *) out_dir=target/wasm ;;
esac
# SIMD128 for matrixmultiply's f32 kernel; every current browser has it.
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-C target-feature=+simd128"
size_flags="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none"
cargo_wasm() {
  case "$route:$std_source" in
    rustup:prebuilt)
      cargo build --profile wasm --target "$target" --target-dir "$out_dir" -p gradscope-web "$@"
      ;;
    rustup:rustup)
      RUSTC_BOOTSTRAP=1 CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS $size_flags" \
        cargo build --profile wasm --target "$target" --target-dir "$out_dir" \
        -Zbuild-std=std,panic_abort -p gradscope-web "$@"
      ;;
    debian:*)
      RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 \
      CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld-19 \
      CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS $size_flags" \
      /usr/bin/cargo build --profile wasm --target "$target" --target-dir "$out_dir" \
        -Zbuild-std=std,panic_abort -p gradscope-web "$@"
      ;;
    *) echo "build-wasm: unknown route '$route' (std: '$std_source')" >&2; exit 1 ;;
  esac
}

wasm="$out_dir/$target/wasm/gradscope_web.wasm"

# Binaryen's optimizer (from npm) makes the module smaller still; the shipping commands (npm start,
# npm run build, npm test) turn it on with GRADSCOPE_WASM_OPT=1, quick rebuilds skip it.
bindgen() {
  local dir="$1"
  rm -rf "$dir"
  wasm-bindgen --target web --no-typescript --out-dir "$dir" "$wasm"
  if [ "${GRADSCOPE_WASM_OPT:-0}" = 1 ] && [ -x node_modules/.bin/wasm-opt ]; then
    node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-sign-ext \
      --enable-nontrapping-float-to-int --enable-mutable-globals --enable-reference-types \
      --enable-multivalue --enable-simd "$dir/gradscope_web_bg.wasm" -o "$dir/gradscope_web_bg.wasm"
  fi
  printf 'build-wasm: %s (%s bytes, route %s, std %s)\n' "$dir/gradscope_web_bg.wasm" \
    "$(wc -c < "$dir/gradscope_web_bg.wasm")" "$route" "$std_source"
}
cargo_wasm
bindgen www/pkg
cargo_wasm --no-default-features
bindgen www/pkg-widget
