#!/usr/bin/env bash
# The benchmark suite in one run: the engine against raw tract and onnxruntime, the chain's jobs
# and transfers per second (a dev chain at redundancy 1, the three-validator local testnet at
# redundancy 3), and the FRAME benchmarks, which regenerate the pallets' weights.rs. Prints every
# table and writes them, with the machine and the date, into docs/benchmarks.md.
# Usage: scripts/bench/run.sh [ENGINE_RUNS=51] [WEIGHT_STEPS=20] [WEIGHT_REPEAT=10]
# Takes about 50 minutes on 2 cores, most of it the FRAME benchmarks; WEIGHT_STEPS=0 keeps the
# committed weights.rs and only tabulates them.
set -euo pipefail
cd "$(dirname "$0")/../.."

engine_runs="${1:-51}"
weight_steps="${2:-20}"
weight_repeat="${3:-10}"
run="$(mktemp -d)"
trap 'rm -rf "$run"' EXIT INT TERM

section() { printf '\n==> %s (%ss)\n' "$1" "$SECONDS"; }

section "machine"
{
	echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)),"
	echo "$(awk '/MemTotal/ { printf "%.0f", $2 / 1048576 }' /proc/meminfo) GiB, $(uname -sr);" \
		"run on $(date -u +%Y-%m-%d) by \`./scripts/bench/run.sh $engine_runs $weight_steps $weight_repeat\`" \
		"at commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- || echo ' with local changes')."
} | tee "$run/machine.md"

# The weights first: the chain benchmarks then run on the runtime they describe.
if [ "$weight_steps" -gt 0 ]; then
	section "FRAME benchmarks (steps $weight_steps, repeat $weight_repeat)"
	./scripts/benchmark-pallets.sh "$weight_steps" "$weight_repeat"
fi
python3 scripts/bench/weights_table.py \
	pallets/inference/src/weights.rs pallets/attestation-economics/src/weights.rs | tee "$run/weights.md"

section "engine ($engine_runs runs a model)"
./scripts/bench/engine.sh "$engine_runs" | tee "$run/engine.log"
sed -n '/^| model/,$p' "$run/engine.log" >"$run/engine.md"

section "chain"
./scripts/bench/chain.sh both | tee "$run/chain.log"
{ echo '```'; grep -E '^(== |transfers|jobs|nodes|node [0-9])' "$run/chain.log"; echo '```'; } >"$run/chain.md"

python3 scripts/bench/report.py "$run" docs/benchmarks.md
section "docs/benchmarks.md written"
