"""The saved questions (queries/*.rq) on a 1,000,000-triple graph: the store against rdflib.

    python benchmarks/sparql_store.py [--triples 1000000] [--runs 5] [--rdflib-runs 3]

The graph is the seeds' graph grown by copies, so it has our shape: each copy is another set
of documents, with its own mentions, sentences, statements, metrics and less-known entities, while
entities the seeds name in two or more documents (工业和信息化部, 新能源汽车, 5G, 金壮龙 …)
stay one node that gains mentions and facts, as they would in a larger corpus. The store is
an Oxigraph store in a kg output folder, opened read-only as ``kg query`` and ``kg serve``
open it; rdflib is an in-memory Graph of the same triples. Each question is timed until all
its rows are read; a run's median is printed per engine with the ratio. Prints numbers,
asserts nothing; target: a median of at most 100 ms per question on the store.
"""
from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASE = "https://w3id.org/kg-cn/id/"
_IRI = re.compile(r"<https://w3id\.org/kg-cn/id/([^>#]*)(#[^>]*)?>")
_LABEL = re.compile(r'^(<[^>]*>) (<http://www\.w3\.org/2004/02/skos/core#(?:pref|alt)Label>) "(.*)"@zh \.$')
_SENTENCE = re.compile(r'^(<[^>]*> <https://w3id\.org/kg-cn/ontology#sentence>) "(.*)"@zh \.$')
_FILE_NAME = re.compile(r'^(.*<https://w3id\.org/kg-cn/ontology#fileName>) "(.*)" \.$')


def seed_lines() -> tuple[list[str], set[str], set[str]]:
    """The seeds' merged graph as N-Triples lines, the entities named in 2+ documents (kept as
    one node across copies), and the statements joining two such entities."""
    from rdflib import RDF

    from kg.build import build
    from kg.iris import entity_iri
    from kg.writers.rdf import to_rdf

    kg = build([ROOT / "seeds"]).kg
    graph = to_rdf(kg)
    hubs = {str(entity_iri(e)) for e in kg.entities.values() if len({s.doc for s in e.mentions}) >= 2}
    ends: dict[str, set[str]] = {}
    for predicate in (RDF.subject, RDF.object):
        for statement, node in graph.subject_objects(predicate):
            ends.setdefault(str(statement), set()).add(str(node))
    shared = {s for s, nodes in ends.items() if nodes <= hubs}
    lines = sorted(graph.serialize(format="nt", encoding="utf-8").decode("utf-8").splitlines())
    return [line for line in lines if line.strip()], hubs, shared


def copy_line(line: str, k: int, hubs: set[str], shared: set[str]) -> str:
    """``line`` as copy ``k`` of the corpus says it: new documents, spans, metrics, lesser entities."""
    def iri(m: re.Match) -> str:
        path, fragment = m[1], m[2] or ""
        full = BASE + path
        kind, _, rest = path.partition("/")
        if kind == "role" or full in hubs or (kind == "statement" and full in shared):
            return m[0]
        if kind in ("doc", "span"):
            return f"<{BASE}{kind}/c{k}_{rest}{fragment}>"
        return f"<{BASE}{path}~{k}{fragment}>"

    label = _LABEL.match(line)
    if label and label[1][1:-1] not in hubs and "/role/" not in label[1]:
        line = f'{label[1]} {label[2]} "{label[3]}~{k}"@zh .'
    sentence = _SENTENCE.match(line)
    if sentence:
        line = f'{sentence[1]} "{sentence[2]}~{k}"@zh .'
    name = _FILE_NAME.match(line)
    if name:
        line = f'{name[1]} "c{k}_{name[2]}" .'
    return _IRI.sub(iri, line)


def synthetic(target: int, path: Path) -> int:
    """Write ``target`` distinct triples shaped like ours to ``path``; returns how many."""
    lines, hubs, shared = seed_lines()
    seen: set[str] = set()
    with path.open("w", encoding="utf-8") as out:
        k = 0
        while len(seen) < target:
            for line in lines:
                new = copy_line(line, k, hubs, shared) if k else line
                if new not in seen:
                    seen.add(new)
                    out.write(new + "\n")
                    if len(seen) == target:
                        break
            k += 1
    return len(seen)


def timed(run, times: int) -> tuple[float, int]:
    """Median seconds of ``times`` runs of ``run`` (which returns a row count), and the rows."""
    seconds, rows = [], 0
    for _ in range(times):
        t0 = time.perf_counter()
        rows = run()
        seconds.append(time.perf_counter() - t0)
    return statistics.median(seconds), rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=5, help="timed runs per question on the store (default 5)")
    ap.add_argument("--rdflib-runs", type=int, default=3, help="timed runs per question on rdflib (default 3)")
    args = ap.parse_args()

    from pyoxigraph import RdfFormat, Store
    from rdflib import Graph

    from kg.ontology import PREFIXES
    from kg.sparql.execute import run_query
    from kg.sparql.questions import load_questions
    from kg.store import DATABASE_DIR, DOCUMENTS_DIR, open_store, store_path

    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        out, nt = Path(tmp) / "out", Path(tmp) / "graph.nt"
        t0 = time.perf_counter()
        count = synthetic(args.triples, nt)
        print(f"graph: {count:,} triples ({nt.stat().st_size / 1e6:.0f} MB of N-Triples) made in "
              f"{time.perf_counter() - t0:.1f} s", flush=True)
        t0 = time.perf_counter()
        (store_path(out) / DOCUMENTS_DIR).mkdir(parents=True)
        loader = Store(str(store_path(out) / DATABASE_DIR))
        loader.bulk_load(path=str(nt), format=RdfFormat.N_TRIPLES)
        loader.flush()
        del loader
        store = open_store(out)
        print(f"store:  bulk load {time.perf_counter() - t0:.1f} s, opened read-only", flush=True)
        t0 = time.perf_counter()
        graph = Graph()
        graph.parse(nt, format="nt")
        print(f"rdflib: parse {time.perf_counter() - t0:.1f} s ({len(graph):,} triples in memory)", flush=True)

        print(f"\n{'question':<32} {'rows':>6} {'store ms':>9} {'rdflib ms':>10} {'ratio':>8}")
        store_ms, ratios = [], []
        for q in load_questions():
            run_query(store, q.text)  # parse once untimed, as a warm cache would have it
            s, rows = timed(lambda: sum(1 for _ in run_query(store, q.text)), args.runs)
            r, rdflib_rows = timed(lambda: len(list(graph.query(q.text, initNs=PREFIXES))), args.rdflib_runs)
            same = "" if rows == rdflib_rows else f"  (rdflib: {rdflib_rows} rows)"
            print(f"{q.name:<32} {rows:>6} {s * 1e3:>9.1f} {r * 1e3:>10.1f} {r / s:>7.0f}x{same}", flush=True)
            store_ms.append(s * 1e3)
            ratios.append(r / s)
        within = sum(ms <= 100 for ms in store_ms)
        print(f"\nstore:  median {statistics.median(store_ms):.1f} ms per question, slowest {max(store_ms):.1f} ms; "
              f"{within} of {len(store_ms)} questions within the 100 ms target")
        print(f"ratio:  rdflib / store, median {statistics.median(ratios):.0f}x, geometric mean "
              f"{statistics.geometric_mean(ratios):.0f}x")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
