#!/usr/bin/env bash
# The README's run command: set up, build, and start a single-validator dev chain on 127.0.0.1.
# RPC on ws://127.0.0.1:9944 (OPG_RPC_PORT), p2p on 30333 (OPG_P2P_PORT). Stops with Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
# shellcheck source=scripts/env.sh
source scripts/env.sh

rpc_port="${OPG_RPC_PORT:-9944}"
p2p_port="${OPG_P2P_PORT:-30333}"

echo "==> building opg-node (profile $OPG_PROFILE, fast-runtime)"
cargo build --locked --profile "$OPG_PROFILE" -p opg-node --features fast-runtime
node_bin="$(opg_node_bin)"

echo "==> starting the dev chain: ws://127.0.0.1:$rpc_port"
"$node_bin" --dev --rpc-port "$rpc_port" --no-telemetry \
	--listen-addr "/ip4/127.0.0.1/tcp/$p2p_port" &
node_pid=$!
trap 'kill "$node_pid" 2>/dev/null; wait "$node_pid" 2>/dev/null' EXIT INT TERM

rpc() {
	curl -sf -H 'Content-Type: application/json' \
		-d "{\"id\":1,\"jsonrpc\":\"2.0\",\"method\":\"$1\",\"params\":[]}" \
		"http://127.0.0.1:$rpc_port"
}
for _ in $(seq 1 120); do
	rpc system_health >/dev/null 2>&1 && break
	kill -0 "$node_pid" 2>/dev/null || { echo "opg-node exited" >&2; exit 1; }
	sleep 1
done
echo "==> chain properties: $(rpc system_properties)"

echo "==> example inference: register the bundled MLP, submit a job, verify the result"
(cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error &&
	node demo.js "ws://127.0.0.1:$rpc_port" "$node_bin")

echo "==> the dev chain is running; connect polkadot-js Apps to ws://127.0.0.1:$rpc_port"
wait "$node_pid"
