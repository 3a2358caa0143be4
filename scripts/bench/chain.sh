#!/usr/bin/env bash
# Prints the figures of a sustained load of a fresh chain, from one run each: balance transfers
# and inference jobs per second at saturation (and their ratio), blocks and seconds from a job's
# inclusion to its end (median, 95th percentile), what the blocks carried, and the nodes' CPU
# and peak memory while loaded (`tests/e2e/load.js` does the load).
# Usage: scripts/bench/chain.sh [dev|testnet|both]   (default dev)
#   dev      one `--dev` node, jobs at redundancy 1
#   testnet  the three validators of scripts/local-testnet.sh (its ports), jobs at redundancy 3
#   both     dev, then testnet
# OPG_NODE                  the opg-node binary; if unset, it is built (profile of scripts/env.sh,
#                           feature fast-runtime: 3 s blocks)
# OPG_LOAD_ACCOUNTS         accounts sending at once (default 64)
# OPG_LOAD_TRANSFER_BLOCKS  blocks of the transfer phase (default 10)
# OPG_LOAD_JOB_BLOCKS       blocks of the job phase (default 30)
# OPG_LOAD_JOB_RATE         jobs offered per block (default: as many as keep the pool full)
# OPG_LOAD_LOGS             a directory to keep the nodes' logs in (default: removed)
set -euo pipefail
cd "$(dirname "$0")/../.."

target="${1:-dev}"
case "$target" in
dev | testnet | both) ;;
*)
	echo "usage: $0 [dev|testnet|both]" >&2
	exit 2
	;;
esac
accounts="${OPG_LOAD_ACCOUNTS:-64}"
transfer_blocks="${OPG_LOAD_TRANSFER_BLOCKS:-10}"
job_blocks="${OPG_LOAD_JOB_BLOCKS:-30}"
job_rate="${OPG_LOAD_JOB_RATE:-}"
logs="${OPG_LOAD_LOGS:-}"
dev_rpc_port="${OPG_RPC_PORT:-9966}"
stop_grace_seconds=30

# shellcheck source=scripts/env.sh
source scripts/env.sh
if [ -z "${OPG_NODE:-}" ]; then
	./scripts/setup.sh
	cargo build --locked --profile "$OPG_PROFILE" -p opg-node --features fast-runtime
	OPG_NODE="$(opg_node_bin)"
fi
export OPG_NODE
(cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error >/dev/null)

# The run's processes and directories, for the trap.
main_pid=""
node_pids=()
base=""
cleanup() {
	[ -z "$main_pid" ] || opg_stop "$stop_grace_seconds" "$main_pid"
	if [ -n "$base" ]; then
		[ -z "$logs" ] || { mkdir -p "$logs" && find "$base" -name '*.log' -exec cp --backup=numbered -t "$logs" {} +; }
		rm -rf "$base"
	fi
	main_pid=""
	node_pids=()
	base=""
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Waits until the RPC on port $1 answers; fails with the log $2's tail if $main_pid exits first.
wait_for_rpc() {
	local port=$1 log=$2
	for _ in $(seq 1 120); do
		curl -sf -H 'Content-Type: application/json' \
			-d '{"id":1,"jsonrpc":"2.0","method":"system_health","params":[]}' \
			"http://127.0.0.1:$port" >/dev/null 2>&1 && return 0
		kill -0 "$main_pid" 2>/dev/null || {
			tail -20 "$log" >&2
			return 1
		}
		sleep 1
	done
	echo "chain: the RPC on port $port did not answer within 120 s" >&2
	return 1
}

# CPU ticks (utime + stime, /proc/<pid>/stat fields 14 and 15) of every node, summed.
cpu_ticks() {
	local total=0 pid fields
	for pid in "${node_pids[@]}"; do
		# The fields after the command name, which may hold spaces, start after its ")".
		read -ra fields <<<"$(sed 's/^.*) //' "/proc/$pid/stat")"
		total=$((total + fields[11] + fields[12]))
	done
	echo "$total"
}

# Runs the load against ws://127.0.0.1:$1 at redundancy $2 and prints the nodes' CPU (cores used
# on average while it ran, of $(nproc)) and peak resident memory (VmHWM) each.
measure() {
	local port=$1 redundancy=$2 ticks_before started ticks elapsed pid
	ticks_before="$(cpu_ticks)"
	started="$(date +%s%N)"
	(cd tests/e2e && OPG_LOAD_PIDS="${node_pids[*]}" node load.js "ws://127.0.0.1:$port" \
		"$redundancy" "$accounts" "$transfer_blocks" "$job_blocks" "$job_rate")
	ticks=$(($(cpu_ticks) - ticks_before))
	elapsed=$((($(date +%s%N) - started) / 1000000))
	awk -v t="$ticks" -v hz="$(getconf CLK_TCK)" -v ms="$elapsed" -v n="$(nproc)" 'BEGIN {
		printf "nodes: CPU %.2f cores of %d on average over the %.0f s of the load\n", t / hz / (ms / 1000), n, ms / 1000
	}'
	for pid in "${node_pids[@]}"; do
		printf 'node %s: peak memory %s\n' "$pid" "$(grep VmHWM "/proc/$pid/status" | awk '{ printf "%.0f MiB", $2 / 1024 }')"
	done
}

run_dev() {
	echo "== dev chain, redundancy 1"
	base="$(mktemp -d)"
	"$OPG_NODE" --dev --base-path "$base" --rpc-port "$dev_rpc_port" --no-telemetry --no-prometheus \
		--port 0 --inference-port 0 >"$base/node.log" 2>&1 &
	main_pid=$!
	node_pids=("$main_pid")
	wait_for_rpc "$dev_rpc_port" "$base/node.log"
	measure "$dev_rpc_port" 1
	cleanup
}

run_testnet() {
	echo "== local testnet (three validators), redundancy 3"
	base="$(mktemp -d)"
	OPG_TESTNET_DIR="$base" ./scripts/local-testnet.sh >"$base/testnet.log" 2>&1 &
	main_pid=$!
	wait_for_rpc 9944 "$base/testnet.log"
	wait_for_rpc 9945 "$base/testnet.log"
	wait_for_rpc 9946 "$base/testnet.log"
	# The validators are local-testnet.sh's children.
	mapfile -t node_pids < <(pgrep -P "$main_pid")
	if [ "${#node_pids[@]}" -ne 3 ]; then
		echo "chain: expected three validators under local-testnet.sh, found ${#node_pids[@]}" >&2
		exit 1
	fi
	measure 9944 3
	cleanup
}

case "$target" in
dev) run_dev ;;
testnet) run_testnet ;;
both)
	run_dev
	run_testnet
	;;
esac
