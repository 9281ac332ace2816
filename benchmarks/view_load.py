"""How long a large kg.html takes to write, and to open in headless Chromium until it answers a click.

A synthetic graph (default 5,000 entities, 10,000 relations, grown by preferential attachment
so it has hubs like real policy graphs, with documents holding every evidence sentence) is
written with the HTML writer; the page is opened from disk in Debian's Chromium, and the
clock runs from navigation until the side panel shows the clicked node. Target: ≤ 10 s.

    python benchmarks/view_load.py [--nodes 5000] [--edges 10000] [--keep DIR]
"""
from __future__ import annotations

import argparse
import hashlib
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from kg.model import ENTITY_TYPES, PREDICATES, Document, Entity, KnowledgeGraph, Relation, Span
from kg.writers.html import PREDICATE_LABELS, write_html

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SENTENCES_PER_DOCUMENT = 200


def synthetic_graph(nodes: int, edges: int, seed: int = 1) -> KnowledgeGraph:
    """Entities of every type, relations by preferential attachment, each stated in a document sentence."""
    rng = random.Random(seed)
    kg = KnowledgeGraph()
    ids = [f"{ENTITY_TYPES[i % len(ENTITY_TYPES)]}/实体{i:05d}" for i in range(nodes)]
    for i, entity_id in enumerate(ids):
        kg.entities[entity_id] = Entity(entity_id, ENTITY_TYPES[i % len(ENTITY_TYPES)], f"实体{i:05d}",
                                        aliases={f"别名{i:05d}"} if i % 10 == 0 else set())
    ends: list[int] = []  # one entry per relation end: picking from it favours well-linked nodes
    pairs: set[tuple[int, int]] = set()
    while len(pairs) < edges:
        a = len(pairs) * nodes // edges  # every node starts some relations
        b = rng.choice(ends) if ends and rng.random() < 0.8 else rng.randrange(nodes)
        if a != b and (a, b) not in pairs:
            pairs.add((a, b))
            ends += [a, b]
    texts: dict[str, list[str]] = {}
    for n, (a, b) in enumerate(sorted(pairs)):
        doc = f"doc{n // SENTENCES_PER_DOCUMENT:04d}.txt"
        parts = texts.setdefault(doc, [])
        start = sum(len(p) for p in parts)
        predicate = PREDICATES[n % len(PREDICATES)]
        label_a, label_b = kg.entities[ids[a]].label, kg.entities[ids[b]].label
        sentence = f"据报道，{label_a}{PREDICATE_LABELS[predicate]}{label_b}，有关工作稳步推进。"
        parts.append(sentence)
        at_a = start + sentence.index(label_a)
        at_b = start + sentence.index(label_b, at_a - start + len(label_a))
        kg.entities[ids[a]].mentions.add(Span(doc, at_a, at_a + len(label_a)))
        kg.entities[ids[b]].mentions.add(Span(doc, at_b, at_b + len(label_b)))
        relation = Relation(ids[a], predicate, ids[b], evidence={Span(doc, at_a, at_b + len(label_b))})
        kg.relations[relation.key] = relation
    for name, parts in texts.items():
        text = "".join(parts)
        kg.documents[name] = Document(name, text, hashlib.sha256(text.encode()).hexdigest())
    return kg


def time_click(page_path: Path, entity_index: int, label: str) -> dict[str, float]:
    """Seconds from navigation to first drawing, and to the panel showing the clicked node."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as profile, sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS,
            viewport={"width": 1400, "height": 900})
        try:
            page = context.new_page()
            start = time.perf_counter()
            page.goto(page_path.as_uri(), wait_until="commit")
            page.wait_for_function("window.kgView && kgView.ready", timeout=120_000, polling=20)
            drawn = time.perf_counter() - start
            node = page.evaluate(f"kgView.network.canvasToDOM(kgView.network.getPosition('e{entity_index}'))")
            box = page.locator("#graph").bounding_box()
            page.mouse.click(box["x"] + node["x"], box["y"] + node["y"])
            page.wait_for_function("(label) => document.querySelector('#panel h2')?.textContent === label",
                                   arg=label, timeout=120_000, polling=20)
            answered = time.perf_counter() - start
        finally:
            context.close()
    return {"drawn": drawn, "answered": answered}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--nodes", type=int, default=5000)
    ap.add_argument("--edges", type=int, default=10_000)
    ap.add_argument("--keep", help="folder to keep the page in (default: a temporary folder)")
    args = ap.parse_args(argv)
    kg = synthetic_graph(args.nodes, args.edges)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(args.keep or scratch)
        folder.mkdir(parents=True, exist_ok=True)
        page_path = folder / "synthetic.html"
        start = time.perf_counter()
        write_html(kg, page_path)
        written = time.perf_counter() - start
        # the best-linked entity: the node a reader is most likely to click first
        links = Counter(end for r in kg.relations.values() for end in (r.subject, r.object))
        hub = min(links, key=lambda entity_id: (-links[entity_id], entity_id))
        timings = time_click(page_path, sorted(kg.entities).index(hub), kg.entities[hub].label)
        size = page_path.stat().st_size
    print(f"graph: {len(kg.entities)} entities, {len(kg.relations)} relations, {len(kg.documents)} documents")
    print(f"write kg.html: {written:.1f} s, {size / 1e6:.1f} MB")
    print(f"load -> drawn: {timings['drawn']:.1f} s")
    print(f"load -> click answered: {timings['answered']:.1f} s (target <= 10 s)")
    return 0 if timings["answered"] <= 10 else 1


if __name__ == "__main__":
    sys.exit(main())
