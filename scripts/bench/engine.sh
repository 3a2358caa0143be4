#!/usr/bin/env bash
# Prints the engine's per-inference latency, in process and through the inference service
# over HTTP, against raw tract and onnxruntime (one thread and every core) on the fixture MLP,
# an ImageNet-shape MobileNetV2 and a transformer encoder, all generated with random weights by
# scripts/bench/models.py. Medians and spread of RUNS runs after a warm-up, and each runner's
# ratio to raw tract.
# Usage: scripts/bench/engine.sh [RUNS=21]
# The Rust side builds with cargo's `bench` profile (optimised as `release`), not the tests'
# `testnet` profile, whose opt-level 1 would misstate tract's speed.
set -euo pipefail
cd "$(dirname "$0")/../.."
./scripts/setup.sh
# shellcheck source=scripts/env.sh
source scripts/env.sh

runs="${1:-21}"
venv="$HOME/.cache/opg-chain/bench-venv"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check onnx onnxruntime numpy

models="$(mktemp -d)"
trap 'rm -rf "$models"' EXIT INT TERM
"$venv/bin/python" scripts/bench/models.py "$models"
results="$models/results.jsonl"
cargo bench --locked --quiet -p opg-inference-engine --bench engine_latency -- "$models" "$runs" \
	>>"$results"
# The deterministic mode in a process of its own (tract selects its kernels once per process).
cargo bench --locked --quiet -p opg-inference-engine --bench engine_latency -- "$models" "$runs" \
	deterministic >>"$results"
cargo bench --locked --quiet -p opg-inference-service --bench service_latency -- "$models" "$runs" \
	>>"$results"
"$venv/bin/python" scripts/bench/onnxruntime_latency.py "$models" "$runs" >>"$results"

echo
echo "Per-inference latency, ms: median [min, max] of $runs runs; ratio of medians to raw tract"
echo "($(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs);" \
	"tract $(grep -A1 'name = "tract-onnx"' Cargo.lock | sed -n 's/version = "\(.*\)"/\1/p')," \
	"onnxruntime $("$venv/bin/python" -c 'import onnxruntime; print(onnxruntime.__version__)'))"
"$venv/bin/python" - "$results" <<'EOF'
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1])]
runners = list(dict.fromkeys(r["runner"] for r in rows))
by = {(r["model"], r["runner"]): r for r in rows}
print("| model | " + " | ".join(runners) + " |")
print("|---|" + "---|" * len(runners))
for model in dict.fromkeys(r["model"] for r in rows):
    raw = by[(model, "raw-tract")]["median_ms"]
    cells = []
    for runner in runners:
        r = by[(model, runner)]
        if "refused" in r:
            cells.append("refused")
            continue
        cells.append(f"{r['median_ms']:.3f} [{r['min_ms']:.3f}, {r['max_ms']:.3f}] "
                     f"x{r['median_ms'] / raw:.2f}")
    print(f"| {model} | " + " | ".join(cells) + " |")
EOF
