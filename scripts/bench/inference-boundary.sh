#!/usr/bin/env bash
# Prints the per-inference cost of running models in an inference worker process rather than
# in the service's own: each fixture model run by the engine in process and through a worker.
# Usage: scripts/bench/inference-boundary.sh [runs=200]
set -euo pipefail
cd "$(dirname "$0")/../.."
./scripts/setup.sh
# shellcheck source=scripts/env.sh
source scripts/env.sh

cargo build --locked --profile "$OPG_PROFILE" -p opg-inference-service --bins --examples
"$CARGO_TARGET_DIR/$OPG_PROFILE/examples/worker_boundary" \
	"$CARGO_TARGET_DIR/$OPG_PROFILE/opg-inference-worker" "${1:-200}"
