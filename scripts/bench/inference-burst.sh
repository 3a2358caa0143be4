#!/usr/bin/env bash
# Prints the figures of a burst of inference jobs on a fresh dev chain: jobs finalised per
# second and blocks from submission to finalisation (median, 95th percentile), from one run.
# Usage: scripts/bench/inference-burst.sh [jobs=200] [submitters=4]
# (redundancy 1: the dev chain has one validator; the local testnet's redundancy-3 burst is an
# end-to-end test, `tests/e2e/inference-testnet.test.js`, which prints the same figures.)
set -euo pipefail
cd "$(dirname "$0")/../.."
./scripts/setup.sh
# shellcheck source=scripts/env.sh
source scripts/env.sh

jobs="${1:-200}"
submitters="${2:-4}"
rpc_port="${OPG_RPC_PORT:-9966}"

cargo build --locked --profile "$OPG_PROFILE" -p opg-node --features fast-runtime
node_bin="$(opg_node_bin)"
base="$(mktemp -d)"
"$node_bin" --dev --base-path "$base" --rpc-port "$rpc_port" --no-telemetry --no-prometheus \
	--port 0 --inference-port 0 >"$base/node.log" 2>&1 &
node_pid=$!
trap 'kill "$node_pid" 2>/dev/null; wait "$node_pid" 2>/dev/null; rm -rf "$base"' EXIT INT TERM

for _ in $(seq 1 120); do
	curl -sf -H 'Content-Type: application/json' \
		-d '{"id":1,"jsonrpc":"2.0","method":"system_health","params":[]}' \
		"http://127.0.0.1:$rpc_port" >/dev/null 2>&1 && break
	kill -0 "$node_pid" 2>/dev/null || { tail -20 "$base/node.log" >&2; exit 1; }
	sleep 1
done
(cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error >/dev/null &&
	node burst.js "ws://127.0.0.1:$rpc_port" "$jobs" 1 "$submitters")
