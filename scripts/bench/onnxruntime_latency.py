#!/usr/bin/env python3
"""Times onnxruntime (CPU execution provider) on the engine benchmark's models.

    onnxruntime_latency.py MODELS_DIR RUNS

For each model listed in `MODELS_DIR/models.json`, one session with one intra-op thread and one
with every core, each warmed up once then run RUNS times on the model's input; prints one JSON
line per measurement, as the Rust side (`cargo bench --bench engine_latency`) does:
`{"model", "runner", "runs", "median_ms", "min_ms", "max_ms"}`.
"""

import json
import os
import statistics
import sys
import time

import numpy as np
import onnxruntime as ort


def timed(session, feeds, runs):
    session.run(None, feeds)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        session.run(None, feeds)
        times.append((time.perf_counter() - start) * 1e3)
    return times


def main():
    if len(sys.argv) != 3:
        sys.exit(f"usage: {sys.argv[0]} MODELS_DIR RUNS")
    directory, runs = sys.argv[1], int(sys.argv[2])
    with open(os.path.join(directory, "models.json")) as f:
        models = json.load(f)
    for model in models:
        path = os.path.join(directory, f"{model}.onnx")
        tensor = np.load(os.path.join(directory, f"{model}.input0.npy"))
        for runner, threads in (("onnxruntime-1-thread", 1), ("onnxruntime-all-threads", 0)):
            options = ort.SessionOptions()
            options.intra_op_num_threads = threads
            options.inter_op_num_threads = 1
            session = ort.InferenceSession(path, options, providers=["CPUExecutionProvider"])
            feeds = {session.get_inputs()[0].name: tensor}
            times = timed(session, feeds, runs)
            print(json.dumps({
                "model": model, "runner": runner, "runs": runs,
                "median_ms": statistics.median(times), "min_ms": min(times), "max_ms": max(times),
            }), flush=True)


if __name__ == "__main__":
    main()
