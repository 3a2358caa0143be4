#!/usr/bin/env python3
"""Writes the engine benchmark's models and inputs into a directory (nothing is downloaded).

    models.py OUT_DIR

Besides the engine's fixture MLP (copied with its input), it generates, with seeded random
weights:

- `mobilenetv2`: MobileNetV2 (width 1.0) on a 1x3x224x224 image, as exported models are (batch
  norm folded into the convolutions, ReLU6 as Clip): about 300 M multiply-accumulates and 3.5 M
  parameters, an ImageNet-shape CNN under the chain's 64 MiB model limit (a ResNet-50 is 98 MiB);
- `encoder`: a transformer encoder of two layers (sequence 128, width 256, 4 heads, feed-forward
  1024) with LayerNormalization, softmax attention and GELU (via Erf), as BERT-like exports are.

Each model `NAME` is written as `NAME.onnx` with one input `NAME.input0.npy`; `models.json`
lists them. The weights are scaled (He initialisation) so activations stay in a normal range.
"""

import json
import os
import shutil
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OPSET = 17
IR_VERSION = 8
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIXTURES = os.path.join(ROOT, "node", "engine", "fixtures")


class Graph:
    """Accumulates nodes and initializers with unique names."""

    def __init__(self, seed):
        self.rng = np.random.default_rng(seed)
        self.nodes = []
        self.initializers = []
        self.count = 0

    def name(self, prefix):
        self.count += 1
        return f"{prefix}{self.count}"

    def const(self, array, prefix="w"):
        name = self.name(prefix)
        self.initializers.append(numpy_helper.from_array(np.asarray(array), name))
        return name

    def weight(self, shape, fan_in):
        scale = np.sqrt(2.0 / fan_in)
        return self.const(self.rng.normal(0.0, scale, shape).astype(np.float32))

    def op(self, op_type, inputs, **attrs):
        out = self.name(op_type.lower())
        self.nodes.append(helper.make_node(op_type, inputs, [out], **attrs))
        return out

    def model(self, name, input_name, input_shape, output, output_shape):
        graph = helper.make_graph(
            self.nodes,
            name,
            [helper.make_tensor_value_info(input_name, TensorProto.FLOAT, input_shape)],
            [helper.make_tensor_value_info(output, TensorProto.FLOAT, output_shape)],
            self.initializers,
        )
        model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)])
        model.ir_version = IR_VERSION
        onnx.checker.check_model(model)
        return model


def conv(g, x, c_in, c_out, kernel, stride, groups=1, relu6=True):
    w = g.weight((c_out, c_in // groups, kernel, kernel), c_in // groups * kernel * kernel)
    b = g.const(np.zeros(c_out, np.float32))
    pad = kernel // 2
    y = g.op("Conv", [x, w, b], strides=[stride, stride], pads=[pad] * 4, group=groups)
    if relu6:
        y = g.op("Clip", [y, g.const(np.float32(0.0)), g.const(np.float32(6.0))])
    return y


def mobilenetv2():
    g = Graph(seed=1)
    x = conv(g, "image", 3, 32, 3, 2)
    c_in = 32
    # (expansion, channels, repeats, first stride), as in the paper.
    for t, c, n, s in [(1, 16, 1, 1), (6, 24, 2, 2), (6, 32, 3, 2), (6, 64, 4, 2),
                       (6, 96, 3, 1), (6, 160, 3, 2), (6, 320, 1, 1)]:
        for i in range(n):
            stride = s if i == 0 else 1
            hidden = c_in * t
            y = conv(g, x, c_in, hidden, 1, 1) if t != 1 else x
            y = conv(g, y, hidden, hidden, 3, stride, groups=hidden)
            y = conv(g, y, hidden, c, 1, 1, relu6=False)
            x = g.op("Add", [x, y]) if stride == 1 and c_in == c else y
            c_in = c
    x = conv(g, x, c_in, 1280, 1, 1)
    x = g.op("GlobalAveragePool", [x])
    x = g.op("Flatten", [x], axis=1)
    logits = g.op("Gemm", [x, g.weight((1000, 1280), 1280), g.const(np.zeros(1000, np.float32))],
                  transB=1)
    return g.model("mobilenetv2", "image", [1, 3, 224, 224], logits, [1, 1000]), (1, 3, 224, 224)


def layer_norm(g, x, width):
    return g.op("LayerNormalization",
                [x, g.const(np.ones(width, np.float32)), g.const(np.zeros(width, np.float32))],
                axis=-1, epsilon=1e-5)


def linear(g, x, d_in, d_out):
    y = g.op("MatMul", [x, g.weight((d_in, d_out), d_in)])
    return g.op("Add", [y, g.const(np.zeros(d_out, np.float32))])


def encoder(seq=128, width=256, heads=4, ffn=1024, layers=2):
    g = Graph(seed=2)
    head = width // heads
    split = g.const(np.array([1, seq, heads, head], np.int64), "shape")
    merge = g.const(np.array([1, seq, width], np.int64), "shape")
    x = "tokens"
    for _ in range(layers):
        def heads_of(t):
            return g.op("Transpose", [g.op("Reshape", [t, split])], perm=[0, 2, 1, 3])
        q, k, v = (heads_of(linear(g, x, width, width)) for _ in range(3))
        scores = g.op("MatMul", [q, g.op("Transpose", [k], perm=[0, 1, 3, 2])])
        scores = g.op("Mul", [scores, g.const(np.float32(1.0 / np.sqrt(head)))])
        attention = g.op("MatMul", [g.op("Softmax", [scores], axis=-1), v])
        attention = g.op("Reshape", [g.op("Transpose", [attention], perm=[0, 2, 1, 3]), merge])
        x = layer_norm(g, g.op("Add", [x, linear(g, attention, width, width)]), width)
        hidden = linear(g, x, width, ffn)
        # GELU(h) = h/2 (1 + erf(h/sqrt 2)), as exporters write it before opset 20.
        erf = g.op("Erf", [g.op("Mul", [hidden, g.const(np.float32(1.0 / np.sqrt(2.0)))])])
        gelu = g.op("Mul", [g.op("Mul", [hidden, g.const(np.float32(0.5))]),
                            g.op("Add", [erf, g.const(np.float32(1.0))])])
        x = layer_norm(g, g.op("Add", [x, linear(g, gelu, ffn, width)]), width)
    shape = [1, seq, width]
    return g.model("encoder", "tokens", shape, x, shape), tuple(shape)


def main():
    if len(sys.argv) != 2:
        sys.exit(f"usage: {sys.argv[0]} OUT_DIR")
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    listed = []
    for name in ("mlp",):
        shutil.copy(os.path.join(FIXTURES, f"{name}.onnx"), os.path.join(out, f"{name}.onnx"))
        shutil.copy(os.path.join(FIXTURES, f"{name}.input0.npy"),
                    os.path.join(out, f"{name}.input0.npy"))
        listed.append(name)
    rng = np.random.default_rng(3)
    for name, build in (("mobilenetv2", mobilenetv2), ("encoder", encoder)):
        model, shape = build()
        onnx.save(model, os.path.join(out, f"{name}.onnx"))
        np.save(os.path.join(out, f"{name}.input0.npy"),
                rng.standard_normal(shape).astype(np.float32))
        listed.append(name)
    with open(os.path.join(out, "models.json"), "w") as f:
        json.dump(listed, f)
    print(f"models written to {out}: {', '.join(listed)}")


if __name__ == "__main__":
    main()
