"""How a full build (extraction, resolution, every export) scales with one long document.

    python benchmarks/long_document.py [--sizes 1 2 4]

Builds one document made of all seeds joined, repeated 1, 2 and 4 times, and prints seconds
and seconds per 100,000 characters for each; a flat second column means linear time. A
benchmark, not a test: it asserts nothing.
"""
from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from kg.build import build, write

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1, 2, 4])
    args = ap.parse_args()
    base = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            doc = Path(tmp) / f"long{n}.txt"
            doc.write_text("\n\n".join([base] * n), encoding="utf-8")
            chars = len(doc.read_text(encoding="utf-8"))
            start = time.perf_counter()
            write(build([doc]).kg, Path(tmp) / f"out{n}")
            took = time.perf_counter() - start
            print(f"{n}x seeds: {chars:>9,} chars  {took:7.1f} s  {took / chars * 1e5:5.2f} s per 100k chars")


if __name__ == "__main__":
    main()
