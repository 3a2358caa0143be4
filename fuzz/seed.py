#!/usr/bin/env python3
"""Seeds of the fuzz targets, from the engine's fixtures and hostile corpus.

    python3 fuzz/seed.py            # rewrite fuzz/seeds/, then fill fuzz/corpus/
    python3 fuzz/seed.py --corpus   # only fill fuzz/corpus/ from seeds/ and regressions/

fuzz/seeds/<target>/ is committed and written only by this script (deterministically: running it
again changes nothing unless the fixtures changed). fuzz/corpus/<target>/ is the working corpus
libFuzzer grows; it is not committed. The seeds and fuzz/regressions/<target>/ are also replayed
as ordinary tests by `cargo test` (see fuzz/README.md).

Only the standard library is needed: the encodings are written by hand, following the
byte-level layouts documented in pallets/inference/primitives/src/lib.rs.
"""

import argparse
import ast
import hashlib
import json
import shutil
import struct
import sys
from pathlib import Path

FUZZ = Path(__file__).resolve().parent
ROOT = FUZZ.parent
FIXTURES = ROOT / "node" / "engine" / "fixtures"
HOSTILE = FIXTURES / "hostile"
TARGETS = ["model_load", "tensor_decode", "infer_request_decode", "comparison_policy"]

TYPES = ["f32", "f64", "i8", "u8", "i16", "i32", "i64", "bool"]
NPY_TYPES = {"f4": "f32", "f8": "f64", "i1": "i8", "u1": "u8", "i2": "i16", "i4": "i32",
             "i8": "i64", "b1": "bool"}
SIZES = {"f32": 4, "f64": 8, "i8": 1, "u8": 1, "i16": 2, "i32": 4, "i64": 8, "bool": 1}

# Failure codes (primitives' error_code).
TIMEOUT = 6
FLOAT_TO_DISCRETE = 8


# --- SCALE -------------------------------------------------------------------------------

def compact(n):
    if n < 1 << 6:
        return bytes([n << 2])
    if n < 1 << 14:
        return struct.pack("<H", (n << 2) | 1)
    if n < 1 << 30:
        return struct.pack("<I", (n << 2) | 2)
    raise ValueError(n)


def tensor(element_type, shape, data):
    """The canonical encoding of a Tensor."""
    return (bytes([TYPES.index(element_type)]) + compact(len(shape))
            + b"".join(struct.pack("<I", d) for d in shape) + compact(len(data)) + data)


def tensors(items):
    return compact(len(items)) + b"".join(tensor(*t) for t in items)


def spec(element_type, shape):
    """A TensorSpec: `None` is a dynamic axis."""
    dims = b"".join(b"\x01" if d is None else b"\x00" + struct.pack("<I", d) for d in shape)
    return bytes([TYPES.index(element_type)]) + compact(len(shape)) + dims


def signature(sig):
    return b"".join(compact(len(sig[side])) + b"".join(spec(*s) for s in sig[side])
                    for side in ("inputs", "outputs"))


# ResourceBounds::OPG: max_tensor_bytes, max_macs, max_input_elements.
OPG_BOUNDS = (2 << 30, 1 << 36, 4 << 20)


def infer_request(onnx, sig, inputs, uri=None, bounds=OPG_BOUNDS, deterministic=False):
    body = hashlib.blake2b(onnx, digest_size=32).digest() + struct.pack("<I", len(onnx))
    body += signature(sig) + struct.pack("<3Q", *bounds)
    # ExecutionMode: 0 Fastest, 1 Deterministic.
    body += b"\x01" if deterministic else b"\x00"
    body += b"\x00" if uri is None else b"\x01" + compact(len(uri)) + uri
    return body + tensors(inputs)


# --- fixtures ----------------------------------------------------------------------------

def read_npy(path):
    raw = path.read_bytes()
    assert raw[:6] == b"\x93NUMPY", path
    if raw[6] == 1:
        (header_len,) = struct.unpack("<H", raw[8:10])
        start = 10
    else:
        (header_len,) = struct.unpack("<I", raw[8:12])
        start = 12
    header = ast.literal_eval(raw[start:start + header_len].decode("latin1"))
    assert not header["fortran_order"], path
    element_type = NPY_TYPES[header["descr"][1:]]
    shape = list(header["shape"])
    count = 1
    for d in shape:
        count *= d
    data = raw[start + header_len:]
    assert len(data) == count * SIZES[element_type], path
    return element_type, shape, data


def parse_signature(value):
    side = lambda specs: [(s["type"], s["shape"]) for s in specs]
    return {"inputs": side(value["inputs"]), "outputs": side(value["outputs"])}


def fixtures():
    """(name, onnx bytes, signature, policy or None, inputs, outputs) of every model."""
    manifest = json.loads((FIXTURES / "fixtures.json").read_text())
    for m in manifest["models"]:
        yield (m["name"], (FIXTURES / m["file"]).read_bytes(), parse_signature(m["signature"]),
               m["policy"], [read_npy(FIXTURES / f) for f in m["inputs"]],
               [read_npy(FIXTURES / f) for f in m["outputs"]])
    # The helper models of node/engine/tests/engine/support.rs and failures.rs.
    helpers = [
        ("argmax", [("f32", [1, 8])], [("i64", [1])]),
        ("threshold", [("f32", [1, 4])], [("bool", [1, 4])]),
        ("slow", [("f32", [1, 8])], [("f32", [1, 1])]),
        ("unsupported", [("f32", [2, 2])], [("f32", [])]),
    ]
    for name, inputs, outputs in helpers:
        yield (name, (FIXTURES / f"{name}.onnx").read_bytes(),
               {"inputs": inputs, "outputs": outputs}, None, [], [])
    manifest = json.loads((HOSTILE / "manifest.json").read_text())
    for m in manifest["models"]:
        run = m.get("run") or {}
        yield (f"hostile-{m['name']}", (HOSTILE / m["file"]).read_bytes(),
               parse_signature(m["signature"]), None,
               [read_npy(HOSTILE / f) for f in run.get("inputs", [])],
               [read_npy(HOSTILE / f) for f in run.get("outputs", [])])


# --- model_load --------------------------------------------------------------------------

def model_load_header(sig):
    """The signature header of node/engine/tests/engine/fuzz_model_load.rs."""
    out = bytes([len(sig["inputs"]) | len(sig["outputs"]) << 4])
    for element_type, shape in sig["inputs"] + sig["outputs"]:
        out += bytes([TYPES.index(element_type) | len(shape) << 3])
        for d in shape:
            if d is None:
                out += b"\xff"
            elif d < 0xfe:
                out += bytes([d])
            else:
                out += b"\xfe" + struct.pack("<I", d)
    return out


def model_load_seeds():
    for name, onnx, sig, *_ in fixtures():
        yield name, model_load_header(sig) + onnx
    mlp = next(f for f in fixtures() if f[0] == "mlp")
    dynamic = {"inputs": [("f32", [None, 8])], "outputs": [("f32", [None, 4])] * 2}
    yield "mlp-dynamic-batch", model_load_header(dynamic) + mlp[1]
    yield "mlp-wrong-signature", model_load_header({"inputs": [("i64", [1])],
                                                    "outputs": [("f32", [1])]}) + mlp[1]
    yield "no-inputs", model_load_header({"inputs": [], "outputs": [("f32", [1])]}) + mlp[1]


# --- tensor_decode -----------------------------------------------------------------------

def tensor_decode_seeds():
    npys = sorted(FIXTURES.glob("*.npy")) + sorted(HOSTILE.glob("*.npy"))
    for path in npys:
        prefix = "hostile-" if path.parent == HOSTILE else ""
        yield f"tensor-{prefix}{path.stem}", tensor(*read_npy(path))
    for name, _, _, _, inputs, outputs in fixtures():
        if outputs:
            yield f"tensors-{name}-outputs", tensors(outputs)
            yield f"outcome-{name}", b"\x00" + tensors(outputs)
    yield "outcome-failure-timeout", b"\x01" + struct.pack("<H", TIMEOUT)
    yield "outcome-empty-success", b"\x00" + tensors([])
    # The examples of the crate documentation.
    yield "doc-f32-pair", tensor("f32", [2], struct.pack("<2f", 1.0, -2.0))
    yield "doc-u8-scalar", tensor("u8", [], b"\x07")
    # Edge cases: empty axes, maximal rank, compact forms, invalid values.
    yield "zero-axis", tensor("f32", [0, 4], b"")
    yield "rank-8", tensor("i16", [1] * 8, b"\x01\x80")
    yield "two-byte-compact", tensor("f64", [8], struct.pack("<8d", *range(8)))
    yield "nan-payloads-and-signed-zeros", tensor(
        "f32", [4], struct.pack("<4I", 0x7fc0_1234, 0xffc0_0001, 0x8000_0000, 0x7f80_0000))
    yield "invalid-bool", tensor("bool", [3], b"\x00\x01\x02")
    yield "invalid-length", tensor("i32", [2], b"\x01\x00\x00\x00")
    yield "invalid-shape-overflow", tensor("u8", [65536, 65536], b"")
    yield "invalid-too-large", tensor("f64", [1 << 18], b"")
    yield "noncanonical-rank-compact", bytes([3, 0x01, 0x00, 0x04, 7])
    yield "nine-tensors", compact(9) + tensor("u8", [], b"\x00") * 9


# --- infer_request_decode ----------------------------------------------------------------

def infer_request_seeds():
    for name, onnx, sig, _, inputs, _ in fixtures():
        if inputs:
            yield f"request-{name}", infer_request(onnx, sig, inputs)
    mlp = next(f for f in fixtures() if f[0] == "mlp")
    _, onnx, sig, _, inputs, _ = mlp
    yield "request-mlp-uri", infer_request(onnx, sig, inputs, b"ipfs://bafybeigdyrztexample")
    yield "request-mlp-https-uri", infer_request(onnx, sig, inputs,
                                                 b"https://models.example/mlp.onnx")
    yield "request-mlp-wrong-input-type", infer_request(onnx, sig, [("i32", [1, 8], bytes(32))])
    yield "request-mlp-wrong-input-count", infer_request(onnx, sig, [])
    yield "request-invalid-bool-input", infer_request(
        onnx, {"inputs": [("bool", [2])], "outputs": [("f32", [1])]},
        [("bool", [2], b"\x01\x05")])
    yield "request-mlp-zero-bounds", infer_request(onnx, sig, inputs, bounds=(0, 0, 0))
    yield "request-mlp-deterministic", infer_request(onnx, sig, inputs, deterministic=True)
    yield "request-no-outputs", infer_request(
        onnx, {"inputs": [("f32", [1, 8])], "outputs": []}, inputs)


# --- comparison_policy -------------------------------------------------------------------

def policy_bytes(policy):
    """The policy encoding of the comparison_policy reader (fuzz_properties/comparison_policy.rs)."""
    kind = policy["kind"]
    if kind == "exact":
        return b"\x00"
    if kind == "ulps":
        return b"\x01" + struct.pack("<I", policy["max_ulps"])
    # 5 % 3 == 2 is AbsRel; bit 2 takes rel_e9 modulo TOLERANCE_SCALE + 1.
    return b"\x05" + struct.pack("<QI", policy["abs_e9"], policy["rel_e9"])


def reader_tensor(element_type, shape, data, damage=0):
    out = bytes([TYPES.index(element_type), len(shape)])
    for d in shape:
        out += bytes([d]) if d < 0xff else b"\xff" + struct.pack("<I", d)
    return out + bytes([damage]) + data


def reader_tensors(items):
    return bytes([len(items)]) + b"".join(reader_tensor(*t) for t in items)


def comparison_seeds():
    for name, _, _, policy, _, outputs in fixtures():
        if not outputs or policy is None:
            continue
        first = policy_bytes(policy) + reader_tensors(outputs)
        yield f"{name}-identical", first + b"\x00" + b"\x00" * len(outputs)
        # Mode 1: one byte XORed, at offset 0, with 0x01 (one ULP of a float's lowest byte).
        flip = b"\x01\x01\x00\x00\x01"
        yield f"{name}-last-bit", first + b"\x00" + flip + b"\x00" * (len(outputs) - 1)
        yield f"{name}-retyped", first + b"\x00" + b"\x03\x05" * len(outputs)
        yield f"{name}-one-fewer", first + b"\x80" + b"\x00" * len(outputs)
    nan = read_npy(HOSTILE / "nan_inputs.input0.npy")
    for policy in ({"kind": "exact"}, {"kind": "ulps", "max_ulps": 4},
                   {"kind": "abs_rel", "abs_e9": 1000, "rel_e9": 1000}):
        yield f"nan-{policy['kind']}", policy_bytes(policy) + reader_tensors([nan]) + b"\x00\x00"
    ints = [("i64", [3], struct.pack("<3q", -(1 << 63), 0, (1 << 63) - 1)),
            ("u8", [2], b"\x00\xff"), ("bool", [2], b"\x00\x01")]
    yield "integers-abs-rel", (b"\x05" + struct.pack("<QI", 10**9, 10**9) + reader_tensors(ints)
                               + b"\x00" + b"\x01\x01\x00\x00\x80" * 3)
    yield "invalid-policy", (b"\x02" + struct.pack("<QI", 0, 2 * 10**9)
                             + reader_tensors(ints) + b"\x00" * 4)
    yield "invalid-tensors", (b"\x01" + struct.pack("<I", 1)
                              + reader_tensors([("f32", [2], b"\x00" * 9, 1),
                                                ("bool", [1], b"\x07", 2)]) + b"\x00" * 3)


# --- main --------------------------------------------------------------------------------

SEEDS = {
    "model_load": model_load_seeds,
    "tensor_decode": tensor_decode_seeds,
    "infer_request_decode": infer_request_seeds,
    "comparison_policy": comparison_seeds,
}


def write_seeds():
    for target, seeds in SEEDS.items():
        directory = FUZZ / "seeds" / target
        shutil.rmtree(directory, ignore_errors=True)
        directory.mkdir(parents=True)
        for name, data in seeds():
            path = directory / name
            assert not path.exists(), f"duplicate seed {target}/{name}"
            path.write_bytes(data)


def fill_corpus():
    for target in TARGETS:
        corpus = FUZZ / "corpus" / target
        corpus.mkdir(parents=True, exist_ok=True)
        for kind in ("seeds", "regressions"):
            for path in sorted((FUZZ / kind / target).glob("*")):
                if path.is_file():
                    shutil.copyfile(path, corpus / f"{kind}-{path.name}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", action="store_true",
                        help="only fill fuzz/corpus/ from the committed seeds and regressions")
    args = parser.parse_args()
    if not args.corpus:
        write_seeds()
    fill_corpus()
    total = sum(p.stat().st_size for p in (FUZZ / "seeds").rglob("*") if p.is_file())
    print(f"seeds: {total} bytes; corpus in {FUZZ / 'corpus'}", file=sys.stderr)


if __name__ == "__main__":
    main()
