"""Prints the worst cases of generated `weights.rs` files as a Markdown table.

For every benchmarked function: its components' ranges and the ref time at the smallest and at
the largest components: execution plus the runtime's database weights (`ParityDbWeight`: 8 us a
read, 50 us a write).

Usage: python3 weights_table.py WEIGHTS_RS...
"""

import pathlib
import re
import sys

READ_PS = 8_000_000
WRITE_PS = 50_000_000

FUNCTION = re.compile(
    r"((?:\t/// [^\n]*\n)*)\tfn (\w+)\(([^)]*)\) -> Weight \{\n(.*?)\n\t\}", re.S
)
RANGE = re.compile(r"The range of component `(\w+)` is `\[(\d+), (\d+)\]`")
BASE = re.compile(r"Weight::from_parts\(([\d_]+), [\d_]+\)\n")
SLOPE = re.compile(r"Weight::from_parts\(([\d_]+), 0\)\.saturating_mul\((\w+)\.into\(\)\)")
DB = re.compile(r"(reads|writes)\(([\d_]+)_u64\)")
DB_SLOPE = re.compile(r"(reads|writes)\(\(([\d_]+)_u64\)\.saturating_mul\((\w+)\.into\(\)\)\)")


def number(text: str) -> int:
    return int(text.replace("_", ""))


def ref_time(body: str, components: dict) -> int:
    """The function's ref time in picoseconds with its components set to `components`."""
    total = number(BASE.search(body).group(1))
    for slope, name in SLOPE.findall(body):
        total += number(slope) * components[name]
    for kind, count in DB.findall(body):
        total += number(count) * (READ_PS if kind == "reads" else WRITE_PS)
    for kind, count, name in DB_SLOPE.findall(body):
        total += number(count) * components[name] * (READ_PS if kind == "reads" else WRITE_PS)
    return total


def rows(path: pathlib.Path):
    text = path.read_text()
    # The first implementation is the runtime's (`SubstrateWeight`); the second, for tests, repeats it.
    implementation = text.split("impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T>", 1)[1]
    implementation = implementation.split("\n}\n", 1)[0]
    for docs, name, _, body in FUNCTION.findall(implementation):
        ranges = {c: (int(lo), int(hi)) for c, lo, hi in RANGE.findall(docs)}
        low = ref_time(body, {c: lo for c, (lo, _) in ranges.items()})
        high = ref_time(body, {c: hi for c, (_, hi) in ranges.items()})
        shown = ", ".join(f"{c} in [{lo}, {hi}]" for c, (lo, hi) in ranges.items()) or "-"
        yield name, shown, low, high


def main() -> None:
    print("| function | components | smallest, us | largest, us |")
    print("|---|---|---|---|")
    for path in map(pathlib.Path, sys.argv[1:]):
        pallet = path.parts[-3]
        for name, shown, low, high in rows(path):
            print(f"| {pallet}::{name} | {shown} | {low / 1e6:.1f} | {high / 1e6:.1f} |")


if __name__ == "__main__":
    main()
