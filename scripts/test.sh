#!/usr/bin/env bash
# The README's test command: formatting, every Rust test (runtime, pallets, node CLI) and the
# end-to-end tests against real `opg-node` processes. One cargo invocation builds the node once,
# with `fast-runtime`, into the shared target directory; the end-to-end tests use that binary.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
# shellcheck source=scripts/env.sh
source scripts/env.sh

step() { printf '\n==> %s (%ss)\n' "$1" "$SECONDS"; }

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo test (profile $OPG_PROFILE, fast-runtime)"
cargo test --workspace --locked --no-fail-fast --profile "$OPG_PROFILE" --features opg-node/fast-runtime

step "end-to-end tests"
OPG_NODE="$(opg_node_bin)"
export OPG_NODE
(cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error && npm test)

step "all tests passed"
