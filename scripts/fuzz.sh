#!/usr/bin/env bash
# Fuzzes the engine's input boundary with cargo fuzz (libFuzzer, nightly toolchain):
#   npm run fuzz            # 1 minute in all
#   npm run fuzz -- 10      # 10 minutes in all, shared between the targets
# Targets (fuzz/fuzz_targets/): parse_settings (any JSON through every experiment's parse and
# every declared field) and engine (every experiment over its whole declared space).
# A crash is saved under fuzz/artifacts/<target>/ and the script exits non-zero; turn the input
# into a unit test (crates/core/tests/fuzz_regressions.rs) before fixing it.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

minutes="${1:-1}"
targets=(parse_settings engine)

if ! rustup toolchain list | grep -q '^nightly'; then
  echo "fuzz: installing the nightly toolchain (cargo fuzz needs -Zsanitizer)"
  timeout 300 rustup toolchain install nightly --profile minimal
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzz: installing cargo-fuzz (once, a few minutes)"
  cargo install cargo-fuzz
fi

seconds=$(( minutes * 60 / ${#targets[@]} ))
[ "$seconds" -ge 10 ] || seconds=10
for t in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$t"
  echo "fuzz: $t for ${seconds}s"
  cargo +nightly fuzz run --fuzz-dir fuzz "$t" "fuzz/corpus/$t" -- \
    -max_total_time="$seconds" -timeout=30 -rss_limit_mb=4096 -print_final_stats=1
done
echo "fuzz: no crash in ${minutes} minute(s)"
