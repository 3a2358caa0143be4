# Shared build settings, sourced by the other scripts.
# One target directory for every run (tests, dev chain, benchmarks), so the node builds once.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/opg-chain/target}"
# The target directory is outside the workspace: tell the runtime's Wasm build where the
# workspace (and its Cargo.lock) is, so the Wasm uses the locked dependency versions.
WASM_BUILD_WORKSPACE_HINT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export WASM_BUILD_WORKSPACE_HINT
# The cargo profile of the tests and the dev chain (see Cargo.toml); operators use `production`.
export OPG_PROFILE="${OPG_PROFILE:-testnet}"
# frame-benchmarking-cli (in benchmark builds) carries a test runtime for `benchmark storage`,
# which opg-node does not offer; skipping its Wasm build saves several minutes.
export SKIP_FRAME_STORAGE_ACCESS_TEST_RUNTIME_WASM_BUILD=1
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
opg_node_bin() { echo "$CARGO_TARGET_DIR/$OPG_PROFILE/opg-node"; }
# The runtime opg-node embeds (the TypeScript client's descriptors are generated from it).
opg_runtime_wasm() {
	echo "$CARGO_TARGET_DIR/$OPG_PROFILE/wbuild/opg-runtime/opg_runtime.compact.compressed.wasm"
}
# The runtime one `spec_version` up, built with OPG_BUILD_UPGRADE_RUNTIME=1 (runtime/build.rs).
opg_upgrade_wasm() {
	echo "$CARGO_TARGET_DIR/$OPG_PROFILE/wbuild/opg-runtime/wasm_binary_upgrade.rs.compact.compressed.wasm"
}
# Stops processes: SIGTERM, up to GRACE seconds for them to exit, then SIGKILL to those left.
# Usage: opg_stop GRACE PID...
opg_stop() {
	local grace="$1" waited=0
	shift
	kill -TERM "$@" 2>/dev/null || true
	while [ "$waited" -lt "$grace" ] && kill -0 "$@" 2>/dev/null; do
		sleep 1
		waited=$((waited + 1))
	done
	kill -KILL "$@" 2>/dev/null || true
	wait "$@" 2>/dev/null || true
}
