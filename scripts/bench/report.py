"""Writes one benchmark run's output into docs/benchmarks.md.

The document keeps its prose; each generated part sits between `<!-- bench:NAME -->` and
`<!-- /bench:NAME -->`, and is replaced whole by the file NAME.md of the run's directory.

Usage: python3 report.py RUN_DIR DOC
"""

import pathlib
import re
import sys


def main() -> None:
    run_dir, doc = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    text = doc.read_text()
    for part in sorted(run_dir.glob("*.md")):
        name = part.stem
        pattern = re.compile(
            rf"(<!-- bench:{re.escape(name)} -->\n).*?(<!-- /bench:{re.escape(name)} -->)", re.S
        )
        if not pattern.search(text):
            sys.exit(f"{doc} has no `<!-- bench:{name} -->` section for {part}")
        body = part.read_text().rstrip("\n") + "\n"
        text = pattern.sub(lambda m: m.group(1) + body + m.group(2), text)
    doc.write_text(text)


if __name__ == "__main__":
    main()
