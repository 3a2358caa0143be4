#!/usr/bin/env bash
# The README's test command: formatting, every Rust test (runtime, pallets, node CLI), the
# runtime upgrade's try-runtime checks, the end-to-end tests against real `opg-node`
# processes and ONNX's backend conformance cases run through `opg-node infer`. One cargo
# invocation builds the node once, with `fast-runtime`, into the shared target directory; the
# end-to-end and conformance tests use that binary.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
# shellcheck source=scripts/env.sh
source scripts/env.sh

step() { printf '\n==> %s (%ss)\n' "$1" "$SECONDS"; }

step "cargo fmt --check"
cargo fmt --all -- --check

# runtime/build.rs also builds the runtime one `spec_version` up, for the end-to-end upgrade test.
export OPG_BUILD_UPGRADE_RUNTIME=1

step "cargo test (profile $OPG_PROFILE, fast-runtime)"
cargo test --workspace --locked --no-fail-fast --profile "$OPG_PROFILE" --features opg-node/fast-runtime

# The deterministic mode's promise across architectures: the engine's deterministic test child,
# built natively and for aarch64, run natively and under qemu-aarch64, must print the same bits.
step "deterministic inference: x86-64 against aarch64 (qemu)"
scripts/engine-determinism.sh

# `try-runtime` changes most FRAME crates, so it gets a cargo invocation of its own; its native
# test needs no Wasm.
step "try-runtime checks of the runtime upgrade"
SKIP_WASM_BUILD=1 cargo test --locked --profile "$OPG_PROFILE" -p opg-runtime --features try-runtime \
	--test try_runtime

OPG_NODE="$(opg_node_bin)"
OPG_UPGRADE_WASM="$(opg_upgrade_wasm)"
export OPG_NODE OPG_UPGRADE_WASM

# The TypeScript client: its descriptors must match the runtime just built (regenerate them with
# `npm run descriptors` after a metadata change). Its tests start a dev chain of their own and
# run beside the end-to-end tests, whose nodes mostly wait for blocks; their output follows.
step "TypeScript client (clients/js): build and descriptors"
(cd clients/js && npm ci --no-audit --no-fund --loglevel=error && npm run build &&
	npm run descriptors -- --check "$(opg_runtime_wasm)")
client_log="$(mktemp)"
(cd clients/js && npm test) >"$client_log" 2>&1 &
client_tests=$!

step "end-to-end tests (the TypeScript client's tests beside them)"
e2e_status=0
(cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error && npm test) || e2e_status=$?
client_status=0
wait "$client_tests" || client_status=$?
step "TypeScript client (clients/js) tests, run beside the end-to-end tests"
cat "$client_log"
rm -f "$client_log"
if [ "$e2e_status" -ne 0 ] || [ "$client_status" -ne 0 ]; then
	echo "end-to-end tests exited $e2e_status, the TypeScript client's tests $client_status" >&2
	exit 1
fi

# The web dApp (clients/web, linking the client built above): built, then driven in headless
# Chromium (Debian's chromium) against a dev chain of its own.
step "web dApp (clients/web): build and end-to-end test in headless Chromium"
(cd clients/web && npm ci --no-audit --no-fund --loglevel=error && npm test)

# ONNX's backend node test cases through `opg-node infer`, checked against
# scripts/conformance/expected.txt, then with --deterministic against expected-deterministic.txt
# (docs/conformance.md): fails on a case that stopped passing or on any crash of the CLI.
step "ONNX backend conformance"
scripts/conformance/run.sh "$OPG_NODE"

step "all tests passed"
