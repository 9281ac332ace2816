"""Throughput of the whole extraction against plain jieba.lcut, on the seeds repeated to >= 2 MB.

    python benchmarks/throughput.py [--mb 2]

Prints chars/s for kg's extraction (every pipeline stage plus corpus resolution) and for
jieba.lcut over the same text, and their ratio. A benchmark, not a test: it asserts nothing.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

import jieba

from kg.model import Analysis, Document
from kg.pipeline import run
from kg.resolve import resolve

ROOT = Path(__file__).resolve().parents[1]


def corpus(min_bytes: int) -> list[Document]:
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    docs: list[Document] = []
    size, copy = 0, 0
    while size < min_bytes:
        for path in seeds:
            text = path.read_text(encoding="utf-8")
            docs.append(Document(f"{copy:03d}_{path.name}", text, ""))
            size += len(text.encode("utf-8"))
        copy += 1
    return docs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=2.0, help="corpus size in MB of UTF-8 text (default 2)")
    args = ap.parse_args()
    docs = corpus(int(args.mb * 1024 * 1024))
    chars = sum(len(d.text) for d in docs)
    jieba.lcut("预热")  # load the dictionary outside the timed region
    run(Analysis(Document("warm.txt", "工业和信息化部部长金壮龙表示，增长4.6%。", "")))
    t0 = time.perf_counter()
    for d in docs:
        jieba.lcut(d.text)
    t_jieba = time.perf_counter() - t0
    t0 = time.perf_counter()
    kg = resolve([run(Analysis(d)) for d in docs])
    t_kg = time.perf_counter() - t0
    mb = sum(len(d.text.encode("utf-8")) for d in docs) / 1024 / 1024
    print(f"corpus: {len(docs)} documents, {chars:,} chars, {mb:.2f} MB")
    print(f"jieba.lcut:      {chars / t_jieba:12,.0f} chars/s  ({t_jieba:.1f} s)")
    print(f"kg extraction:   {chars / t_kg:12,.0f} chars/s  ({t_kg:.1f} s; {len(kg.entities)} entities, "
          f"{len(kg.relations)} relations, {len(kg.metrics)} metrics)")
    print(f"ratio jieba/kg:  {t_kg / t_jieba:.1f}x slower than plain segmentation")


if __name__ == "__main__":
    main()
