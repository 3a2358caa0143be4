#!/usr/bin/env bash
# Bit-exact inference across CPUs: x86-64 against aarch64, on one x86-64 machine.
#
# Why: a model registered under the deterministic comparison policy is compared bit for bit
# between validators, so the engine's deterministic execution mode (tract-linalg's portable
# generic kernels only, no SIMD kernel chosen by CPU) must give the same output bits on every
# CPU the validators run. Comparing SIMD tiers of one x86-64 CPU (tests/engine/isa.rs) cannot
# show that: the other architecture's compiler, libm and kernel tree can. This script builds the
# engine's integration test binary natively and for aarch64-unknown-linux-gnu, runs its child
# test (which prints every output of the deterministic test set as hex) natively and under
# qemu-aarch64 user-mode emulation, and requires the two to be identical: 0 ULP.
#
# Needs what scripts/setup.sh installs: qemu-user, gcc-aarch64-linux-gnu, libc6-dev-arm64-cross
# and the rustup target aarch64-unknown-linux-gnu. The cross build shares CARGO_TARGET_DIR (under
# its aarch64-unknown-linux-gnu/ folder); cold, it compiles the engine's dependency tree (tract)
# once more for aarch64.
#
# Usage: scripts/engine-determinism.sh
#   OPG_DETERMINISM_TEST, OPG_DETERMINISM_ENV override the child test and the variable that
#   enables it, e.g. `OPG_DETERMINISM_TEST=isa::isa_child OPG_DETERMINISM_ENV=OPG_ENGINE_ISA_CHILD`
#   (fast mode: its float outputs differ between the architectures; it only exercises the
#   harness). QEMU_CPU picks the emulated CPU (qemu's default: max).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/env.sh
source scripts/env.sh

# The child test of node/engine/tests/engine/ and the variable without which it does nothing.
CHILD_TEST="${OPG_DETERMINISM_TEST:-deterministic::deterministic_child}"
CHILD_ENV="${OPG_DETERMINISM_ENV:-OPG_ENGINE_DETERMINISTIC_CHILD}"
CROSS_TARGET=aarch64-unknown-linux-gnu
CROSS_SYSROOT=/usr/aarch64-linux-gnu

ENGINE_DIR="$PWD/node/engine"
OUT_DIR="$CARGO_TARGET_DIR/engine-determinism"
mkdir -p "$OUT_DIR"
# The engine needs no runtime Wasm; the child selects its kernels itself, and an inherited
# TRACT_CPU_ISA names features of one architecture only (tract aborts on the other's).
export SKIP_WASM_BUILD=1
unset TRACT_CPU_ISA
export CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_LINKER=aarch64-linux-gnu-gcc
# tract-linalg's build script assembles its aarch64 kernels with the C compiler of the target.
export CC_aarch64_unknown_linux_gnu=aarch64-linux-gnu-gcc
export AR_aarch64_unknown_linux_gnu=aarch64-linux-gnu-ar

for tool in qemu-aarch64 aarch64-linux-gnu-gcc python3; do
	command -v "$tool" >/dev/null 2>&1 || {
		echo "engine-determinism: $tool not found; run scripts/setup.sh" >&2
		exit 1
	}
done

# Builds the engine's `engine` test binary (extra cargo arguments: the target) and prints its
# path, from cargo's JSON messages (diagnostics are rendered to stderr).
build_tests() {
	cargo test --locked --profile "$OPG_PROFILE" -p opg-inference-engine --test engine --no-run \
		--message-format=json-render-diagnostics "$@" |
		python3 -c '
import json, sys
paths = [m["executable"] for m in map(json.loads, sys.stdin)
         if m.get("reason") == "compiler-artifact" and m.get("executable")
         and m["target"]["name"] == "engine" and m["profile"]["test"]]
if len(paths) != 1:
    sys.exit(f"expected one test executable, got {paths}")
print(paths[0])'
}

# Runs the child test: `run_child NAME [RUNNER...] EXECUTABLE`; writes NAME.log (stdout and
# stderr) and NAME.txt (its OUTPUT lines) in OUT_DIR.
run_child() {
	local name="$1"
	shift
	local log="$OUT_DIR/$name.log" lines="$OUT_DIR/$name.txt" status=0
	# The fixtures are read at run time from CARGO_MANIFEST_DIR/fixtures (tests/engine/support.rs).
	env "$CHILD_ENV=1" CARGO_MANIFEST_DIR="$ENGINE_DIR" RUST_BACKTRACE=1 \
		"$@" --exact "$CHILD_TEST" --ignored --nocapture --test-threads=1 >"$log" 2>&1 || status=$?
	grep '^OUTPUT ' "$log" >"$lines" || true
	if [ "$status" -ne 0 ] || [ ! -s "$lines" ]; then
		echo "engine-determinism: the $name child ($CHILD_TEST) exited with $status and printed" \
			"$(wc -l <"$lines") OUTPUT lines; its log ($log) ends with:" >&2
		tail -n 30 "$log" >&2
		if ! grep -q '1 passed' "$log"; then
			echo "engine-determinism: no test named $CHILD_TEST ran (is it in the test binary?)" >&2
		fi
		exit 1
	fi
}

started=$SECONDS
echo "==> native build (profile $OPG_PROFILE)"
native_exe="$(build_tests)"
native_build=$((SECONDS - started))

started=$SECONDS
echo "==> $CROSS_TARGET build (profile $OPG_PROFILE)"
cross_exe="$(build_tests --target "$CROSS_TARGET")"
cross_build=$((SECONDS - started))

started=$SECONDS
echo "==> native run: $CHILD_TEST"
run_child native "$native_exe"
native_run=$((SECONDS - started))

started=$SECONDS
echo "==> aarch64 run under qemu-aarch64: $CHILD_TEST"
run_child aarch64 qemu-aarch64 -L "$CROSS_SYSROOT" "$cross_exe"
cross_run=$((SECONDS - started))

echo "builds: native ${native_build}s, $CROSS_TARGET ${cross_build}s;" \
	"runs: native ${native_run}s, qemu-aarch64 ${cross_run}s"

# Compares the OUTPUT lines (`OUTPUT <model> <index> <type> <dims> <hex>`): identical lines are
# identical bits. On a difference, names each differing output with its largest ULP distance.
python3 - "$OUT_DIR/native.txt" "$OUT_DIR/aarch64.txt" <<'EOF'
import struct
import sys

SIZES = {"f32": 4, "f64": 8, "i8": 1, "u8": 1, "i16": 2, "i32": 4, "i64": 8, "bool": 1}


def read(path):
    outputs = {}
    for line in open(path):
        _, model, index, element_type, dims, data = line.rstrip("\n").split(" ")
        outputs[(model, int(index))] = (element_type, dims, bytes.fromhex(data))
    return outputs


def ordinal(bits, width):
    sign = 1 << (width - 1)
    return -(bits & (sign - 1)) if bits & sign else bits


def distance(element_type, a, b):
    """(differing elements, elements, largest ULP or integer step)."""
    size = SIZES[element_type]
    code = {"f32": "<I", "f64": "<Q"}.get(element_type)
    differing, largest = 0, 0
    for i in range(0, len(a), size):
        x, y = a[i:i + size], b[i:i + size]
        if x == y:
            continue
        differing += 1
        if code:
            width = size * 8
            step = abs(ordinal(struct.unpack(code, x)[0], width)
                       - ordinal(struct.unpack(code, y)[0], width))
        else:
            signed = element_type[0] == "i"
            step = abs(int.from_bytes(x, "little", signed=signed)
                       - int.from_bytes(y, "little", signed=signed))
        largest = max(largest, step)
    return differing, len(a) // size, largest


native, aarch64 = read(sys.argv[1]), read(sys.argv[2])
models = sorted({model for model, _ in native} | {model for model, _ in aarch64})
failures = []
for key in sorted(native.keys() | aarch64.keys()):
    name = f"{key[0]} output {key[1]}"
    if key not in native or key not in aarch64:
        failures.append(f"{name}: only on {'x86-64' if key in native else 'aarch64'}")
        continue
    (ta, da, a), (tb, db, b) = native[key], aarch64[key]
    if (ta, da, len(a)) != (tb, db, len(b)):
        failures.append(f"{name}: {ta} [{da}] on x86-64, {tb} [{db}] on aarch64")
    elif a != b:
        differing, total, largest = distance(ta, a, b)
        failures.append(f"{name} ({ta} [{da}]): {differing} of {total} elements differ, "
                        f"largest {largest} ULP")
print(f"compared {len(models)} models ({', '.join(models)}), "
      f"{len(native.keys() | aarch64.keys())} outputs, x86-64 against aarch64")
if failures:
    print("FAILED: x86-64 and aarch64 outputs differ (bit-exact, 0 ULP, required):",
          file=sys.stderr)
    for failure in failures:
        print(f"  {failure}", file=sys.stderr)
    print(f"  the OUTPUT lines: {sys.argv[1]} and {sys.argv[2]}", file=sys.stderr)
    sys.exit(1)
print("ok: every output is bit-identical (0 ULP)")
EOF
