#!/usr/bin/env bash
# ONNX's own backend node test cases run through `opg-node infer`, compared with their
# reference outputs and checked against scripts/conformance/expected.txt (docs/conformance.md).
# Every case runs twice: in the engine's fastest mode, checked against expected.txt, then in its
# deterministic mode (`opg-node infer --deterministic`), checked against expected-deterministic.txt.
# Usage: scripts/conformance/run.sh [OPG_NODE] [--update] [--fastest | --deterministic]
#                                   [conformance.py options]
#   OPG_NODE defaults to $OPG_NODE, else the test build's binary (scripts/env.sh).
#   --update rewrites the expected file of each mode run with this run's classes.
#   --fastest, --deterministic run only that mode.
#   --json PATH is the fastest mode's per-case results; the deterministic mode's go beside it,
#   with -deterministic before the extension (defaults: ~/.cache/opg-chain/conformance/).
#   Exits 1 when either mode fails (both still run), 2 on a usage error.
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

# The modes to run, and each one's options: --json PATH becomes PATH-deterministic.EXT for the
# deterministic mode.
fastest=1 deterministic=1
fastest_args=() deterministic_args=()
while [ $# -gt 0 ]; do
	case "$1" in
	--fastest) deterministic=0 ;;
	--deterministic) fastest=0 ;;
	--json | --json=*)
		if [ "$1" = --json ]; then
			[ $# -gt 1 ] || { echo "error: --json needs a path" >&2; exit 2; }
			path="$2"
			shift
		else
			path="${1#--json=}"
		fi
		fastest_args+=(--json "$path")
		base="${path##*/}"
		if [ "${base%.*}" != "$base" ] && [ -n "${base%.*}" ]; then
			deterministic_args+=(--json "${path%.*}-deterministic.${path##*.}")
		else
			deterministic_args+=(--json "$path-deterministic")
		fi
		;;
	*)
		fastest_args+=("$1")
		deterministic_args+=("$1")
		;;
	esac
	shift
done
if [ "$fastest" = 0 ] && [ "$deterministic" = 0 ]; then
	echo "error: --fastest and --deterministic together: give neither to run both modes" >&2
	exit 2
fi

status=0
if [ "$fastest" = 1 ]; then
	"$venv/bin/python" "$here/conformance.py" --node "$node" ${fastest_args[@]+"${fastest_args[@]}"} \
		|| status=$?
	# A binary or option the script refuses: the other mode would refuse it too.
	[ "$status" -ne 2 ] || exit 2
fi
if [ "$deterministic" = 1 ]; then
	[ "$fastest" = 0 ] || printf '\n== deterministic mode (opg-node infer --deterministic) ==\n'
	deterministic_status=0
	"$venv/bin/python" "$here/conformance.py" --node "$node" --deterministic \
		${deterministic_args[@]+"${deterministic_args[@]}"} || deterministic_status=$?
	[ "$status" -ne 0 ] || status=$deterministic_status
fi
exit "$status"
