#!/usr/bin/env bash
# ONNX's own backend node test cases run through `opg-node infer`, compared with their
# reference outputs and checked against scripts/conformance/expected.txt (docs/conformance.md).
# Usage: scripts/conformance/run.sh [OPG_NODE] [--update] [conformance.py options]
#   OPG_NODE defaults to $OPG_NODE, else the test build's binary (scripts/env.sh).
#   --update rewrites expected.txt with this run's classes.
# Installs nothing outside its venv (~/.cache/opg-chain/conformance-venv), builds nothing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=scripts/env.sh disable=SC1091
source "$here/../env.sh"

node="${OPG_NODE:-$(opg_node_bin)}"
if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then
	node="$1"
	shift
fi

venv="$HOME/.cache/opg-chain/conformance-venv"
python="$(command -v python3.11 || command -v python3)"
[ -x "$venv/bin/python" ] || "$python" -m venv "$venv"
# Reinstall only when the pinned requirements change.
stamp="$venv/requirements.txt"
if ! cmp -s "$here/requirements.txt" "$stamp"; then
	"$venv/bin/pip" install --quiet --disable-pip-version-check -r "$here/requirements.txt"
	cp "$here/requirements.txt" "$stamp"
fi
exec "$venv/bin/python" "$here/conformance.py" --node "$node" "$@"
