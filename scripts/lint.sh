#!/usr/bin/env bash
# Formatting and clippy over the whole workspace (a separate `check` build: not part of CI's
# time budget, run before committing).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/env.sh
source scripts/env.sh
cargo fmt --all -- --check
SKIP_WASM_BUILD=1 cargo clippy --locked --workspace --all-targets --features opg-node/fast-runtime -- -D warnings
