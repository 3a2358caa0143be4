#!/usr/bin/env bash
# Runs a three-validator OPG local testnet (`--chain local`: Alice, Bob, Charlie) on 127.0.0.1
# until Ctrl-C, then stops all three.
#
#   Alice:   p2p 30333, RPC ws://127.0.0.1:9944, Prometheus 9615
#   Bob:     p2p 30334, RPC ws://127.0.0.1:9945, Prometheus 9616
#   Charlie: p2p 30335, RPC ws://127.0.0.1:9946, Prometheus 9617
#
# OPG_NODE         the opg-node binary; if unset, it is built with the profile of scripts/env.sh.
# OPG_TESTNET_DIR  base paths, node keys and logs (default /tmp/opg-local-testnet). The chain
#                  continues from there on the next run; remove the directory to start afresh.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${OPG_TESTNET_DIR:-/tmp/opg-local-testnet}"
names=(alice bob charlie)
stop_grace_seconds=20
pids=()

# shellcheck source=scripts/env.sh
source "$repo/scripts/env.sh"
if [ -z "${OPG_NODE:-}" ]; then
	echo "local-testnet: building opg-node (profile $OPG_PROFILE)" >&2
	(cd "$repo" && cargo build --profile "$OPG_PROFILE" -p opg-node)
	OPG_NODE="$(opg_node_bin)"
fi
if [ ! -x "$OPG_NODE" ]; then
	echo "local-testnet: $OPG_NODE is not an executable file" >&2
	exit 1
fi

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

for i in "${!names[@]}"; do
	for port in $((30333 + i)) $((9944 + i)) $((9615 + i)) $((9955 + i)); do
		if port_in_use "$port"; then
			echo "local-testnet: port $port on 127.0.0.1 is already in use" >&2
			exit 1
		fi
	done
done

# Validators of a non-dev chain refuse to invent a node key: each gets a fixed one, so Alice's
# identity (the others' bootnode) is known in advance.
node_key_file() {
	local i=$1 file="$dir/${names[$1]}/node-key"
	mkdir -p "$(dirname "$file")"
	printf '%064x' $((i + 1)) >"$file"
	echo "$file"
}

peer_id() { "$OPG_NODE" key inspect-node-key --file "$1"; }

# Starts validator $1 (an index of names) in the background; $2 is a bootnode, or empty.
start_node() {
	local i=$1 bootnode=$2 name=${names[$1]}
	local args=(
		--chain local --"$name" --validator
		--base-path "$dir/$name/base"
		--node-key-file "$dir/$name/node-key"
		--listen-addr "/ip4/127.0.0.1/tcp/$((30333 + i))"
		--rpc-port $((9944 + i))
		--prometheus-port $((9615 + i))
		--inference-port $((9955 + i))
		--no-mdns --no-telemetry
	)
	[ -z "$bootnode" ] || args+=(--bootnodes "$bootnode")
	"$OPG_NODE" "${args[@]}" >>"$dir/$name/node.log" 2>&1 &
	pids+=($!)
}

# SIGTERM to every node, SIGKILL to those still running after the grace period.
stop_all() {
	trap - INT TERM
	echo "local-testnet: stopping the validators" >&2
	opg_stop "$stop_grace_seconds" "${pids[@]}"
}

trap 'stop_all; exit 0' INT TERM

bootnode=""
for i in "${!names[@]}"; do
	key_file="$(node_key_file "$i")"
	identity="$(peer_id "$key_file")"
	start_node "$i" "$bootnode"
	[ -n "$bootnode" ] || bootnode="/ip4/127.0.0.1/tcp/30333/p2p/$identity"
	printf '%-8s rpc ws://127.0.0.1:%d  identity %s  log %s\n' \
		"${names[$i]}" $((9944 + i)) "$identity" "$dir/${names[$i]}/node.log"
done
echo "local-testnet: running in $dir; Ctrl-C stops it"

# Returns when a node exits on its own; a signal runs the trap instead.
wait -n "${pids[@]}" || true
echo "local-testnet: a validator exited; see the logs above" >&2
stop_all
exit 1
