#!/usr/bin/env bash
# Regenerates the weights.rs of our pallets (inference, attestation-economics) on this machine
# with frame-benchmarking v2: builds the runtime Wasm with `runtime-benchmarks` and runs
# `opg-node benchmark pallet` on it.
# Usage: scripts/benchmark-pallets.sh [STEPS] [REPEAT]   (defaults 50 and 20)
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
# shellcheck source=scripts/env.sh
source scripts/env.sh
steps="${1:-50}"
repeat="${2:-20}"

# The node with its benchmark CLI, embedding a runtime Wasm built with its benchmarks. Only the
# Wasm gets `runtime-benchmarks`: the native crates keep the features of the test build, so this
# reuses its artifacts. The Wasm builder's generated crate names the runtime `wasm-project`.
WASM_BUILD_CARGO_ARGS="--features wasm-project/runtime-benchmarks" \
	cargo build --locked --profile "$OPG_PROFILE" -p opg-node --features fast-runtime,benchmark-cli
wasm="$CARGO_TARGET_DIR/$OPG_PROFILE/wbuild/opg-runtime/opg_runtime.compact.compressed.wasm"

for pallet in inference attestation-economics; do
	output="pallets/$pallet/src/weights.rs"
	"$(opg_node_bin)" benchmark pallet \
		--runtime "$wasm" \
		--genesis-builder runtime \
		--genesis-builder-preset development \
		--pallet "pallet_${pallet//-/_}" \
		--extrinsic '*' \
		--steps "$steps" \
		--repeat "$repeat" \
		--heap-pages 4096 \
		--template scripts/weight-template.hbs \
		--header scripts/weight-header.txt \
		--output "$output"
	echo "weights written to $output"
done
# Rebuild the node's embedded runtime without benchmarks.
cargo build --locked --profile "$OPG_PROFILE" -p opg-node --features fast-runtime
