#!/usr/bin/env python3
"""Writes runtime/src/configs/bag_thresholds.rs: the voter bags of pallet-bags-list.

Thresholds form a geometric series from 1 to u64::MAX (the range of a staking vote weight, which
pallet-staking scales into u64 whatever the issuance), so every bag spans the same ratio of stake.
"""
import pathlib
import sys

BAGS = 200
MAX = 2**64 - 1

def thresholds(n: int) -> list[int]:
    ratio = MAX ** (1 / (n - 1))
    out, value = [], 1.0
    for _ in range(n - 1):
        t = int(value) + 1 if value != int(value) else int(value)
        if out and t <= out[-1]:
            t = out[-1] + 1
        out.append(t)
        value *= ratio
    out.append(MAX)
    return out

def main() -> None:
    ts = thresholds(BAGS)
    ratio = MAX ** (1 / (BAGS - 1))
    body = "\n".join(f"\t{t}," for t in ts)
    text = f"""//! Voter bag thresholds for `pallet-bags-list`, written by `scripts/generate-bags.py`.
//!
//! {BAGS} bags in a geometric series from 1 to `u64::MAX`; each bag's upper bound is about
//! {ratio:.4} times the previous one.

/// Upper score bound of each bag.
pub const THRESHOLDS: [u64; {BAGS}] = [
{body}
];
"""
    out = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "runtime/src/configs/bag_thresholds.rs")
    out.write_text(text)

if __name__ == "__main__":
    main()
