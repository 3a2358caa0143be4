"""ONNX's backend node test cases run through `opg-node infer` (docs/conformance.md).

Every case of the installed onnx package (`onnx/backend/test/data/node/<case>/model.onnx` with
`test_data_set_*/input_*.pb` and `output_*.pb`; onnx >= 1.20 builds them in memory, and they are
written out once in that layout under --cache) is run with `opg-node infer`, which reads the
`TensorProto` inputs as they are and writes its outputs as `.npy`; the outputs are compared with
the reference ones as onnx's backend tests do (same dtype and shape; floats within the case's
rtol/atol, 1e-3/1e-7, NaN equal to NaN; integers and bools exact). Each case gets one class:

  pass              every output matches
  refused           a limit of our own refuses the model (float results made discrete, the
                    resource bounds, a signature without inputs, tensor size or rank, a
                    configuration tract computes wrong)
  unsupported_type  an input or output has an element type the canonical Tensor cannot carry
                    (string, float16, bfloat16, float8, int4, uint16/32/64, complex) or is not
                    a tensor (sequence, optional)
  tract_error       tract cannot load, optimise or run it (unsupported operator, ...)
  wrong_result      outputs of the wrong dtype or shape, or values off the tolerance
  timeout           no answer within --timeout seconds, or the engine's own time limit
  crash             the CLI died on a signal, panicked uncaught, or tract panicked (contained)

With --deterministic, every case runs with `opg-node infer --deterministic` (the engine's
deterministic mode: portable kernels, the same bits on every CPU), is compared with the same
tolerance, and is checked against scripts/conformance/expected-deterministic.txt. That mode has
one more class:

  not_deterministic an operator, attribute or element type outside the deterministic mode's
                    operators (NOT_DETERMINISTIC, code 10)

A case that tract refuses because a parameter (axes, shape, pads, scales, ...) is a graph input
instead of a constant is run again with its inputs but the first made initializers, as real
models have them; that outcome is reported (`constant_parameters`), not classified.

The run compares the classes with scripts/conformance/expected.txt and exits 1 when a case
expected to pass does not, or when the CLI crashed (a signal or an uncaught panic: the node must
never crash on a model). Cases that now pass but are listed otherwise are printed, with the
command that updates the file. Needs only onnx and numpy (scripts/conformance/run.sh).
"""

from __future__ import annotations

import argparse
import collections
import concurrent.futures
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, numpy_helper

HERE = Path(__file__).resolve().parent
EXPECTED = HERE / "expected.txt"
EXPECTED_DETERMINISTIC = HERE / "expected-deterministic.txt"
CLASSES = [
    "pass",
    "refused",
    "unsupported_type",
    "tract_error",
    "wrong_result",
    "timeout",
    "crash",
]
# The first lines of expected.txt and expected-deterministic.txt.
HEADER = """\
# The class each ONNX backend node test case is expected to get from `opg-node infer`
# (docs/conformance.md). Written by `scripts/conformance/run.sh --update`; a case listed
# `pass` that stops passing fails the test run.
"""
DETERMINISTIC_HEADER = """\
# The class each ONNX backend node test case is expected to get from
# `opg-node infer --deterministic` (docs/conformance.md, "The deterministic mode").
# Written by `scripts/conformance/run.sh --update`; a case listed `pass` that stops
# passing fails the test run.
"""
# The deterministic mode's classes: its refusal of what its portable kernels do not cover
# (EngineError::NotDeterministic, node/engine/src/portable.rs) is a class of its own.
DETERMINISTIC_CLASSES = CLASSES[:2] + ["not_deterministic"] + CLASSES[2:]
NOT_DETERMINISTIC = re.compile(
    r"node .*? \(([^)]+)\) is outside the deterministic mode's operators: (.*)", re.S
)
# The element types of the canonical Tensor (pallets/inference/primitives), as ONNX TensorProto
# data types.
CANONICAL_ONNX_TYPES = {
    TensorProto.FLOAT,
    TensorProto.DOUBLE,
    TensorProto.INT8,
    TensorProto.UINT8,
    TensorProto.INT16,
    TensorProto.INT32,
    TensorProto.INT64,
    TensorProto.BOOL,
}
# Operators tract implements that the engine refuses as unsupported, since their outputs are
# random (RANDOM_OPERATORS in node/engine/src/compile.rs).
RANDOM_OPERATORS = {
    "Multinomial", "RandomNormal", "RandomNormalLike", "RandomUniform", "RandomUniformLike"
}
# The job limits of the pallet (docs/inference.md), which `opg-node infer` does not apply:
# reported per case, not used to classify.
MAX_INPUT_BYTES = 64 << 10
MAX_OUTPUT_BYTES = 16 << 10
DEFAULT_CACHE = Path.home() / ".cache" / "opg-chain" / "conformance-data"


# ------------------------------------------------------------------------------------------
# The cases on disk.


def shipped_node_dir() -> Path | None:
    """onnx < 1.20 ships the node cases as files."""
    path = Path(onnx.__file__).parent / "backend" / "test" / "data" / "node"
    return path if any(path.glob("*/model.onnx")) else None


def serialise(value, value_info) -> bytes:
    """A test value as onnx's cmd_tools writes it (tensor, sequence, optional or map)."""
    field = value_info.type.WhichOneof("value")
    if field == "sequence_type":
        return numpy_helper.from_list(value, value_info.name).SerializeToString()
    if field == "optional_type":
        return numpy_helper.from_optional(value, value_info.name).SerializeToString()
    if field == "map_type":
        return numpy_helper.from_dict(value, value_info.name).SerializeToString()
    if isinstance(value, TensorProto):
        return value.SerializeToString()
    return numpy_helper.from_array(np.asarray(value), value_info.name).SerializeToString()


def write_node_cases(dest: Path) -> None:
    """Writes onnx's in-memory node cases (onnx >= 1.20) in the traditional on-disk layout."""
    from onnx.backend.test.loader import load_model_tests

    tmp = Path(tempfile.mkdtemp(prefix=dest.name + ".", dir=dest.parent))
    tolerances = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        cases = load_model_tests(kind="node")
    for case in cases:
        case_dir = tmp / case.name
        case_dir.mkdir()
        (case_dir / "model.onnx").write_bytes(case.model.SerializeToString())
        tolerances[case.name] = [case.rtol, case.atol]
        for i, (inputs, outputs) in enumerate(case.data_sets):
            data_dir = case_dir / f"test_data_set_{i}"
            data_dir.mkdir()
            graph = case.model.graph
            for prefix, values, infos in (
                ("input", inputs, graph.input),
                ("output", outputs, graph.output),
            ):
                for j, value in enumerate(values):
                    (data_dir / f"{prefix}_{j}.pb").write_bytes(serialise(value, infos[j]))
    (tmp / "tolerances.json").write_text(json.dumps(tolerances, sort_keys=True))
    tmp.rename(dest)


def node_cases_dir(cache: Path) -> Path:
    shipped = shipped_node_dir()
    if shipped is not None:
        return shipped
    dest = cache / f"onnx-{onnx.__version__}" / "node"
    if not dest.is_dir():
        dest.parent.mkdir(parents=True, exist_ok=True)
        started = time.monotonic()
        print(f"writing onnx {onnx.__version__}'s node test cases to {dest} ...", flush=True)
        write_node_cases(dest)
        print(f"  done in {time.monotonic() - started:.0f} s", flush=True)
    return dest


# ------------------------------------------------------------------------------------------
# One case.


def type_name(value_info) -> str:
    """`float16`, `string`, `sequence`, ... for a graph input or output."""
    field = value_info.type.WhichOneof("value")
    if field != "tensor_type":
        return (field or "unknown").removesuffix("_type")
    elem = value_info.type.tensor_type.elem_type
    return TensorProto.DataType.Name(elem).lower() if elem else "undefined"


def non_canonical_types(model: onnx.ModelProto) -> list[str]:
    """The graph inputs' and outputs' types that the canonical Tensor cannot carry."""
    found = []
    for infos in (model.graph.input, model.graph.output):
        for info in infos:
            field = info.type.WhichOneof("value")
            elem = info.type.tensor_type.elem_type if field == "tensor_type" else None
            # An undeclared element type (0) is tract's to infer.
            if field != "tensor_type" or elem not in CANONICAL_ONNX_TYPES | {0}:
                found.append(type_name(info))
    return sorted(set(found))


def read_value(path: Path):
    """A reference tensor as a numpy array, or None for a sequence, optional or map."""
    proto = TensorProto()
    try:
        proto.ParseFromString(path.read_bytes())
        return numpy_helper.to_array(proto)
    except Exception:
        return None


def rust_unescape(text: str) -> str:
    """Undoes Rust's `{:?}` escaping of a string."""
    simple = {"n": "\n", "t": "\t", "r": "\r", "0": "\0", "\\": "\\", '"': '"', "'": "'"}

    def replace(match: re.Match) -> str:
        escape = match.group(1)
        if escape.startswith("u{"):
            return chr(int(escape[2:-1], 16))
        return simple.get(escape, escape)

    return re.sub(r"\\(u\{[0-9a-fA-F]+\}|.)", replace, text)


def cli_message(stderr: str) -> str:
    """The error `opg-node infer` printed: `Error: Input("...")` on its last line."""
    for line in reversed(stderr.strip().splitlines()):
        match = re.fullmatch(r'Error: \w+\("(.*)"\)', line.strip())
        if match:
            return rust_unescape(match.group(1))
    lines = stderr.strip().splitlines()
    return lines[-1] if lines else ""


def classify_failure(message: str, model: onnx.ModelProto) -> tuple[str, str]:
    """(class, cause) of a clean failure of `opg-node infer`."""
    if message.startswith("inference engine panicked"):
        return "crash", "tract panicked (contained by the engine)"
    if message.startswith("timed out after"):
        return "timeout", "the engine's time limit"
    match = NOT_DETERMINISTIC.match(message)
    if match:
        # Only the deterministic mode refuses so. The cause is the operator (`input` or
        # `initializer` for a graph value), the reason up to the advice after it.
        return "not_deterministic", f"{match.group(1)}: {match.group(2).split('; rewrite')[0]}"
    types = non_canonical_types(model)
    if types:
        return "unsupported_type", ", ".join(types)
    match = re.match(r"unsupported operator: (\S+)", message)
    # Configurations tract computes wrong, refused by the engine (node/engine/src/known_wrong.rs);
    # a run on inputs that would hit one fails with "model execution failed".
    if match and "would agree on the wrong result" in message:
        return "refused", f"known wrong result ({match.group(1)})"
    if message.startswith("model execution failed") and "refused before running" in message:
        return "refused", "known wrong result (inputs checked before the run)"
    if match and match.group(1) in RANDOM_OPERATORS:
        return "refused", f"random operator ({match.group(1)}): outputs differ between runs"
    if match:
        return "tract_error", f"unsupported operator ({match.group(1)})"
    match = re.match(r"node .*? \((\w+)\) turns the result of float arithmetic", message)
    if match:
        return "refused", f"float_to_discrete ({match.group(1)})"
    if message.startswith("model exceeds the engine's resource bounds"):
        detail = message.split(": ", 1)[-1]
        if "cannot be bounded" in detail or "depends on" in detail or "unbounded" in detail:
            return "refused", "resource_bound (size computed from values)"
        return "refused", "resource_bound"
    if re.match(r"inputs hold \d+ elements", message) or message.startswith("model is "):
        return "refused", "input or model size limit"
    if message.startswith("invalid signature"):
        return "refused", "invalid signature"
    if "unsupported element type" in message or "unsupported TensorProto data_type" in message:
        return "unsupported_type", "element type inside the model"
    if re.search(r"invalid (tensor|input|output): .*(rank|too large|bytes|limit)", message):
        return "refused", "canonical tensor limits (rank <= 8, 1 MiB)"
    return "tract_error", tract_cause(message)


def tract_op(name: str) -> str:
    """tract's operator name without its version or variant: `Reduce13` -> `Reduce`."""
    return re.sub(r"(<.*>|\d+)$", "", name)


def tract_cause(message: str) -> str:
    """What kind of tract failure `message` is, and on which (tract) operator."""
    match = re.search(r'Translating node #\d+ "[^"]*" (\S+) ToTypedTranslator: (.*)', message)
    if match:
        op, rest = tract_op(match.group(1)), match.group(2)
        # ONNX feeds axes, shapes, pads, scales, ... as graph inputs; tract wants constants.
        wants_constant = r"const|variable|known scalar|determined|Neither sizes nor scales"
        if re.search(wants_constant, rest, re.I):
            return f"parameter input must be a constant ({op})"
        return f"typing failed ({op})"
    match = re.search(r"Building node\s+\((\w+)\): (.*)", message)
    if match:
        op, rest = match.group(1), match.group(2).removeprefix(match.group(1) + ": ")
        if "has no type" in rest:
            rest = "sub-graph input without a type"
        return f"unsupported attribute, input or mode ({op}: {rest})"
    match = re.search(r'running pass (\w+): \w+ node #\d+ "[^"]*" (\S+):', message)
    if match:
        return f"optimisation failed ({tract_op(match.group(2))})"
    match = re.search(r'Failed analyse for node #\d+ "[^"]*" (\S+):', message)
    if match:
        return f"analysis failed ({tract_op(match.group(1))})"
    match = re.search(r'Evaluating #\d+ "[^"]*" (\S+):', message)
    if match:
        return f"execution failed ({tract_op(match.group(1))})"
    match = re.search(r'node #\d+ "[^"]*" (\S+)', message)
    op = f" ({tract_op(match.group(1))})" if match else ""
    if message.startswith("model outputs do not match the signature"):
        return f"output signature: tract types the outputs otherwise{op}"
    if message.startswith("model inputs do not match the signature") or message.startswith(
        "invalid input"
    ):
        return "input signature"
    if message.startswith("model execution failed"):
        return f"execution failed{op}"
    if message.startswith("invalid output"):
        return "invalid output"
    return f"load or optimisation failed{op}"


def float_ulps(a: np.ndarray, b: np.ndarray) -> int:
    """Largest distance between finite a and b on the IEEE-754 bit line."""
    finite = np.isfinite(a) & np.isfinite(b)
    if not finite.any():
        return 0
    bits = {4: np.int32, 8: np.int64}[a.dtype.itemsize]

    def ordered(x: np.ndarray) -> list[int]:
        ints = x[finite].view(bits).astype(object)
        sign = 1 << (8 * a.dtype.itemsize - 1)
        return [i if i >= 0 else -(i + sign) for i in ints]

    return max(abs(x - y) for x, y in zip(ordered(a), ordered(b)))


def compare(actual: np.ndarray, expected: np.ndarray, rtol: float, atol: float) -> dict | None:
    """None when `actual` matches `expected`, else what differs."""
    if actual.dtype != expected.dtype:
        return {"kind": "dtype differs", "what": f"dtype {actual.dtype}, expected {expected.dtype}"}
    if actual.shape != expected.shape:
        return {"kind": "shape differs",
                "what": f"shape {list(actual.shape)}, expected {list(expected.shape)}"}
    if actual.dtype.kind == "f":
        close = np.isclose(actual, expected, rtol=rtol, atol=atol, equal_nan=True)
        if close.all():
            return None
        a, e = actual.astype(np.float64), expected.astype(np.float64)
        both = np.isfinite(a) & np.isfinite(e)
        diff = np.abs(a - e)[both]
        scale = np.abs(e[both]).max() if diff.size else 0.0
        kind = "float values off the tolerance"
        if (~close == ~close & both).all() and diff.size and diff.max() <= 1e-5 * scale:
            # Off by rounding where values cancel to near zero: atol 1e-7 is below float32's
            # resolution at the output's magnitude. Still counted, but told apart.
            kind += " (rounding near zero: within 1e-5 of the largest output)"
        return {
            "kind": kind,
            "what": f"{int((~close).sum())} of {close.size} values off",
            "max_abs_diff": float(diff.max()) if diff.size else None,
            "max_ulp_diff": float_ulps(actual, expected),
            "nonfinite_mismatch": int((~close & ~both).sum()),
        }
    if np.array_equal(actual, expected):
        return None
    wrong = actual != expected
    result = {"kind": f"{actual.dtype.kind in 'iu' and 'integer' or 'bool'} values differ",
              "what": f"{int(wrong.sum())} of {wrong.size} values differ"}
    if actual.dtype.kind in "iu":
        diff = np.abs(actual.astype(object) - expected.astype(object))
        result["max_abs_diff"] = int(diff.max())
    return result


def job_bytes(arrays) -> int:
    """Tensor data bytes of values, a zero-length axis counted as 1 (the pallet's measure)."""
    total = 0
    for x in arrays:
        x = np.asarray(x)
        total += int(np.prod([max(d, 1) for d in x.shape], dtype=np.int64)) * x.dtype.itemsize
    return total


def run_case(node: str, case_dir: Path, tolerance, timeout: float, deterministic: bool) -> dict:
    started = time.monotonic()
    result = {"name": case_dir.name}
    try:
        result.update(run_case_unguarded(node, case_dir, tolerance, timeout, deterministic))
    except Exception as error:  # a bug of this script, not of the node: stop the run
        raise RuntimeError(f"{case_dir.name}: conformance.py failed: {error!r}") from error
    result["seconds"] = round(time.monotonic() - started, 3)
    return result


def infer_once(node, model_path, model, inputs, expected, tolerance, timeout,
               deterministic) -> dict:
    """Runs `opg-node infer` on one data set and classifies the outcome."""
    with tempfile.TemporaryDirectory(prefix="opg-conformance-") as tmp:
        command = [node, "infer", "--model", str(model_path)]
        for path in inputs:
            command += ["--input", str(path)]
        command += ["--output", os.path.join(tmp, "out.npy")]
        if deterministic:
            command.append("--deterministic")
        try:
            proc = subprocess.run(
                command,
                capture_output=True,
                text=True,
                timeout=timeout,
                env={**os.environ, "RUST_BACKTRACE": "0"},
            )
        except subprocess.TimeoutExpired:
            return {"class": "timeout", "cause": f"no answer within {timeout:g} s"}
        if proc.returncode < 0:
            name = signal.Signals(-proc.returncode).name
            return {"class": "crash", "cause": f"killed by {name}", "fatal": True,
                    "detail": proc.stderr[-2000:]}
        uncaught = proc.returncode == 101 or (
            "panicked at" in proc.stderr and "inference engine panicked" not in proc.stderr
        )
        if uncaught:
            return {"class": "crash", "cause": "uncaught panic", "fatal": True,
                    "detail": proc.stderr[-2000:]}
        if proc.returncode != 0:
            message = cli_message(proc.stderr)
            klass, cause = classify_failure(message, model)
            return {"class": klass, "cause": cause, "detail": message[:1000]}
        written = [Path(line) for line in proc.stdout.split("\n") if line.strip()]
        actual = [np.load(p, allow_pickle=False) for p in written]
    if len(actual) != len(expected):
        return {"class": "wrong_result",
                "cause": f"{len(actual)} outputs, expected {len(expected)}"}
    for index, (a, e) in enumerate(zip(actual, expected)):
        if e is None:
            return {"class": "unsupported_type", "cause": "non-tensor reference output"}
        diff = compare(a, e, *tolerance)
        if diff is not None:
            kind, what = diff.pop("kind"), diff.pop("what")
            return {"class": "wrong_result", "cause": kind, "detail": f"output {index}: {what}",
                    **diff}
    return {"class": "pass"}


def with_constant_parameters(model: onnx.ModelProto, inputs: list[Path], dest: Path):
    """The model with every input but the first made an initializer holding the test's value
    (ONNX's cases feed axes, shapes, pads, scales, ... as graph inputs, where real models
    have initializers), and the inputs left to give."""
    variant = onnx.ModelProto()
    variant.CopyFrom(model)
    graph = variant.graph
    initialised = {t.name for t in graph.initializer}
    real = [i for i in graph.input if i.name not in initialised]
    for info, path in list(zip(real, inputs))[1:]:
        tensor = TensorProto()
        tensor.ParseFromString(path.read_bytes())
        tensor.name = info.name
        graph.initializer.append(tensor)
    keep = [i for i in graph.input if i.name not in {t.name for t in graph.initializer}]
    del graph.input[:]
    graph.input.extend(keep)
    dest.write_bytes(variant.SerializeToString())
    return dest, inputs[:1]


def run_case_unguarded(node: str, case_dir: Path, tolerance, timeout: float,
                       deterministic: bool) -> dict:
    model_path = case_dir / "model.onnx"
    model = onnx.load(str(model_path))
    initialised = {t.name for t in model.graph.initializer}
    graph_inputs = [i for i in model.graph.input if i.name not in initialised]
    not_tensors = [
        type_name(i) for i in graph_inputs if i.type.WhichOneof("value") != "tensor_type"
    ]
    if not_tensors:
        # Nothing to give the CLI: the canonical encoding has no sequences nor optionals.
        return {"class": "unsupported_type", "cause": ", ".join(sorted(set(not_tensors))),
                "ran": False}
    if not graph_inputs:
        return {
            "class": "refused",
            "cause": "no inputs (a model signature needs at least one)",
            "ran": False,
        }
    outcome = {"class": "pass", "ran": True}
    for data_set in sorted(case_dir.glob("test_data_set_*")):
        inputs = sorted(data_set.glob("input_*.pb"), key=lambda p: int(p.stem.split("_")[1]))
        outputs = sorted(data_set.glob("output_*.pb"), key=lambda p: int(p.stem.split("_")[1]))
        expected = [read_value(p) for p in outputs]
        result = infer_once(node, model_path, model, inputs, expected, tolerance, timeout,
                            deterministic)
        if result["class"] == "tract_error" and result["cause"].startswith("parameter input"):
            # Would it run with the parameters as constants, as in real models?
            with tempfile.TemporaryDirectory(prefix="opg-conformance-") as tmp:
                variant_path, variant_inputs = with_constant_parameters(
                    model, inputs, Path(tmp) / "model.onnx"
                )
                variant = infer_once(node, variant_path, model, variant_inputs, expected,
                                     tolerance, timeout, deterministic)
            result["constant_parameters"] = variant
            if variant.get("fatal"):
                result.update({"fatal": True, "fatal_detail": variant.get("detail", ""),
                               "cause": result["cause"] + "; crashed with constant parameters: "
                               + variant["cause"]})
        if result["class"] != "pass":
            return {**result, "ran": True}
        outcome["fits_job_limits"] = outcome.get("fits_job_limits", True) and (
            job_bytes(read_value(p) for p in inputs) <= MAX_INPUT_BYTES
            and job_bytes(expected) <= MAX_OUTPUT_BYTES
        )
    return outcome


# ------------------------------------------------------------------------------------------
# Expectations and report.


class Mode:
    """The engine's execution mode a run uses, with its expected file and classes."""

    def __init__(self, deterministic: bool):
        self.deterministic = deterministic
        self.expected = EXPECTED_DETERMINISTIC if deterministic else EXPECTED
        self.classes = DETERMINISTIC_CLASSES if deterministic else CLASSES
        self.command = "opg-node infer --deterministic" if deterministic else "opg-node infer"
        self.json = Path.home() / ".cache/opg-chain/conformance" / (
            "results-deterministic.json" if deterministic else "results.json"
        )


def read_expected(mode: Mode) -> dict[str, str]:
    path = mode.expected
    expected = {}
    if not path.exists():
        return expected
    for number, line in enumerate(path.read_text().splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        name, klass = line.split()
        if klass not in mode.classes:
            sys.exit(f"{path}:{number}: unknown class {klass!r} "
                     f"(one of {', '.join(mode.classes)})")
        expected[name] = klass
    return expected


def write_expected(mode: Mode, results: list[dict], previous: dict[str, str],
                   partial: bool) -> None:
    classes = dict(previous) if partial else {}
    classes.update({r["name"]: r["class"] for r in results})
    header = DETERMINISTIC_HEADER if mode.deterministic else HEADER
    lines = [f"{name} {klass}" for name, klass in sorted(classes.items())]
    mode.expected.write_text(header + "\n".join(lines) + "\n")


def print_summary(mode: Mode, results: list[dict], seconds: float) -> None:
    counts = collections.Counter(r["class"] for r in results)
    total = len(results)
    print()
    print(f"{'class':<18}{'cases':>7}")
    for klass in mode.classes:
        print(f"{klass:<18}{counts.get(klass, 0):>7}")
    print(f"{'total':<18}{total:>7}")
    print()
    for klass in mode.classes[1:]:
        causes = collections.Counter(r.get("cause", "") for r in results if r["class"] == klass)
        if not causes:
            continue
        if klass == "not_deterministic":
            operators = collections.Counter(c.split(":")[0] for c in causes.elements())
            print(f"{klass}: operators (the refused node's; input or initializer for a graph "
                  "value)")
            for op, count in operators.most_common(15):
                print(f"  {count:>5}  {op}")
            if len(operators) > 15:
                rest = sum(operators.values()) - sum(c for _, c in operators.most_common(15))
                print(f"  {rest:>5}  ({len(operators) - 15} other operators)")
            print(f"{klass}: most common causes")
        elif klass == "unsupported_type":
            # A case counts once for each type it has.
            causes = collections.Counter(
                t for r in results if r["class"] == klass for t in r["cause"].split(", ")
            )
            print(f"{klass}: cases per type (an input or output of it)")
        elif klass == "tract_error":
            kinds = collections.Counter(c.split(" (")[0] for c in causes.elements())
            print(f"{klass}: kinds")
            for kind, count in kinds.most_common():
                print(f"  {count:>5}  {kind}")
            print(f"{klass}: most common causes")
        else:
            print(f"{klass}: most common causes")
        top = 12
        for cause, count in causes.most_common(top):
            print(f"  {count:>5}  {cause}")
        if len(causes) > top:
            rest = sum(causes.values()) - sum(c for _, c in causes.most_common(top))
            print(f"  {rest:>5}  ({len(causes) - top} other causes)")
    folded = [r for r in results if "constant_parameters" in r]
    if folded:
        tally = collections.Counter(r["constant_parameters"]["class"] for r in folded)
        print(f"the {len(folded)} cases whose parameters (axes, shapes, pads, scales, ...) tract "
              "wants constant, rerun with them as initializers: "
              + ", ".join(f"{count} {klass}" for klass, count in tally.most_common()))
    wrong = [r for r in results if r["class"] in ("wrong_result", "crash")]
    wrong += [
        {**r["constant_parameters"], "name": r["name"] + " (constant parameters)"}
        for r in folded if r["constant_parameters"]["class"] in ("wrong_result", "crash")
    ]
    if wrong:
        print()
        print("wrong results and crashes:")
        for r in sorted(wrong, key=lambda r: r["name"]):
            extra = ""
            if r.get("max_abs_diff") is not None:
                extra += f", max abs diff {r['max_abs_diff']:.3g}"
            if r.get("max_abs_diff") is not None and r.get("max_ulp_diff") is not None:
                extra += f", max {r['max_ulp_diff']} ulps"
            if r.get("nonfinite_mismatch"):
                extra += f", {r['nonfinite_mismatch']} NaN or infinity mismatches"
            detail = f" ({r['detail']})" if r["class"] == "wrong_result" and r.get("detail") else ""
            print(f"  {r['name']}: {r['class']}: {r.get('cause', '')}{detail}{extra}")
    passed = [r for r in results if r["class"] == "pass"]
    too_large = sum(1 for r in passed if not r.get("fits_job_limits", True))
    if too_large:
        print(f"\n{too_large} of the {len(passed)} passing cases have inputs above the pallet's "
              f"MaxInputBytes ({MAX_INPUT_BYTES >> 10} KiB) or outputs above MaxOutputBytes "
              f"({MAX_OUTPUT_BYTES >> 10} KiB): a job could not carry them")
    if mode.deterministic:
        print_against_fastest(results)
    ran = sum(1 for r in results if r.get("ran"))
    print()
    print(f"pass count{' (deterministic mode)' if mode.deterministic else ''}: "
          f"{counts.get('pass', 0)} of {total} ONNX backend node cases "
          f"(onnx {onnx.__version__}); {ran} run through {mode.command} in {seconds:.0f} s")


def print_against_fastest(results: list[dict]) -> None:
    """The deterministic classes of the cases the fastest mode passes (expected.txt): a case
    the fastest mode passes and the deterministic mode neither passes nor refuses as not
    deterministic is a bug of the deterministic mode."""
    fastest = read_expected(Mode(False))
    if not fastest:
        return
    both = [r for r in results if r["name"] in fastest]
    passing = [r for r in both if fastest[r["name"]] == "pass"]
    tally = collections.Counter(r["class"] for r in passing)
    print()
    print(f"the {len(passing)} of these cases listed pass in {EXPECTED.name} (fastest mode), "
          "here: " + ", ".join(f"{count} {klass}" for klass, count in tally.most_common()))
    gained = collections.Counter(
        fastest[r["name"]] for r in both if r["class"] == "pass" and fastest[r["name"]] != "pass"
    )
    if gained:
        print(f"{sum(gained.values())} cases pass here and not in the fastest mode (listed "
              + ", ".join(f"{count} {klass}" for klass, count in gained.most_common()) + ")")
    broken = [r for r in passing if r["class"] not in ("pass", "not_deterministic")]
    if broken:
        print(f"{len(broken)} cases pass in the fastest mode and fail in the deterministic mode "
              "(bugs of the deterministic mode):")
        for r in broken:
            detail = f" ({r['detail'][:300]})" if r.get("detail") else ""
            print(f"  {r['name']}: {r['class']}: {r.get('cause', '')}{detail}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--node", required=True, help="the opg-node binary")
    parser.add_argument("--deterministic", action="store_true",
                        help="run with `opg-node infer --deterministic`, checked against "
                        "expected-deterministic.txt")
    parser.add_argument("--update", action="store_true",
                        help="rewrite expected.txt (expected-deterministic.txt with "
                        "--deterministic)")
    parser.add_argument("--jobs", type=int, default=2, help="cases run at once (at most 2)")
    parser.add_argument("--timeout", type=float, default=60, help="seconds per opg-node infer")
    parser.add_argument("--filter", help="run only the cases whose name matches this regex")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE,
                        help="where to write onnx's node cases when it does not ship them")
    parser.add_argument("--json", type=Path,
                        help="the per-case results (default ~/.cache/opg-chain/conformance/"
                        "results.json, results-deterministic.json with --deterministic)")
    args = parser.parse_args()
    mode = Mode(args.deterministic)
    args.json = args.json or mode.json
    node = shutil.which(args.node) or args.node
    if not os.access(node, os.X_OK):
        print(f"error: {args.node} is not an executable opg-node binary", file=sys.stderr)
        return 2
    jobs = max(1, min(args.jobs, 2))

    started = time.monotonic()
    root = node_cases_dir(args.cache)
    tolerances_file = root / "tolerances.json"
    tolerances = json.loads(tolerances_file.read_text()) if tolerances_file.exists() else {}
    case_dirs = sorted(p.parent for p in root.glob("*/model.onnx"))
    if args.filter:
        case_dirs = [d for d in case_dirs if re.search(args.filter, d.name)]
    print(f"{len(case_dirs)} cases from {root}, {jobs} at a time, with {node}"
          + (" --deterministic" if mode.deterministic else ""), flush=True)

    results = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        futures = [
            pool.submit(run_case, node, d, tolerances.get(d.name, (1e-3, 1e-7)), args.timeout,
                        mode.deterministic)
            for d in case_dirs
        ]
        for done, future in enumerate(concurrent.futures.as_completed(futures), 1):
            if future.exception() is not None:
                pool.shutdown(cancel_futures=True)
            results.append(future.result())
            if done % 250 == 0:
                elapsed = time.monotonic() - started
                print(f"  {done}/{len(futures)} cases ({elapsed:.0f} s)", flush=True)
    results.sort(key=lambda r: r["name"])
    seconds = time.monotonic() - started

    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps({
        "onnx": onnx.__version__,
        "node": node,
        **({"mode": "deterministic"} if mode.deterministic else {}),
        "seconds": round(seconds, 1),
        "counts": dict(collections.Counter(r["class"] for r in results)),
        "cases": results,
    }, indent=1) + "\n")

    print_summary(mode, results, seconds)
    print(f"per-case results: {args.json}")

    expected = read_expected(mode)
    failures = []
    fatal = [r for r in results if r.get("fatal")]
    for r in fatal:
        failures.append(f"{r['name']}: opg-node crashed ({r['cause']}); the node must never "
                        "crash on a model")
    regressions = [r for r in results if expected.get(r["name"]) == "pass" and r["class"] != "pass"
                   and not r.get("fatal")]
    for r in regressions:
        failures.append(f"{r['name']}: expected to pass, got {r['class']}: {r.get('cause', '')}")
    improved = [
        r for r in results if r["class"] == "pass" and expected.get(r["name"], "pass") != "pass"
    ]
    new = [r for r in results if r["name"] not in expected]
    changed = [r for r in results if r["name"] in expected and r not in regressions
               and r not in improved and expected[r["name"]] != r["class"]]
    names = {r["name"] for r in results}
    gone = [] if args.filter else sorted(n for n in expected if n not in names)

    if args.update:
        write_expected(mode, results, expected, partial=bool(args.filter))
        print(f"\nwrote {mode.expected}")
    else:
        notes = []
        for r in improved:
            notes.append(f"{r['name']}: now passes (listed {expected[r['name']]})")
        for r in changed:
            notes.append(f"{r['name']}: now {r['class']} (listed {expected[r['name']]}): "
                         f"{r.get('cause', '')}")
        for r in new:
            notes.append(f"{r['name']}: not listed, got {r['class']}")
        for name in gone:
            notes.append(f"{name}: listed but not among the cases")
        if notes:
            print(f"\n{len(notes)} case(s) differ from {mode.expected.name} without failing the "
                  "run:")
            for note in notes:
                print(f"  {note}")
            print("update the file with: scripts/conformance/run.sh --update")
    if failures:
        print(f"\nFAILED: {len(failures)} case(s) (per-case results: {args.json})", file=sys.stderr)
        for failure in failures:
            print(f"  {failure}", file=sys.stderr)
        return 1
    print("\nconformance" + (" (deterministic mode)" if mode.deterministic else "")
          + ": no regression, no crash")
    return 0


if __name__ == "__main__":
    sys.exit(main())
