"""The graph store: Oxigraph with a named graph per document, and incremental builds into it."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pyoxigraph import DefaultGraph, NamedNode
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.build import build, write
from kg.errors import KgError
from kg.iris import graph_iri
from kg.store import load_graph, load_snapshots, open_store
from kg.writers.rdf import to_rdf

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def _kg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True)


def _default_graph(out: Path) -> Graph:
    """The store's merged graph, read back through rdflib for comparison."""
    store = open_store(out)
    g = Graph()
    g.parse(data="\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in
                           store.quads_for_pattern(None, None, None, DefaultGraph())), format="nt")
    return g


@pytest.fixture(scope="module")
def full(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("full")
    result = build(SEEDS)
    write(result.kg, out, snapshots=result.snapshots)
    return out


def test_store_holds_the_merged_graph_and_one_named_graph_per_document(full):
    store = open_store(full)
    assert sorted(g.value for g in store.named_graphs()) == sorted(str(graph_iri(p.name)) for p in SEEDS)
    merged = _default_graph(full)
    assert isomorphic(merged, to_rdf(build(SEEDS).kg))
    union = set()
    for g in store.named_graphs():
        union |= {(q.subject, q.predicate, q.object) for q in store.quads_for_pattern(None, None, None, g)}
    assert len(union) == len(merged)


def test_store_answers_sparql_per_document(full):
    store = open_store(full)
    q = ("SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { GRAPH ?g { ?p a <https://w3id.org/kg-cn/ontology#Person> } }")
    assert int(next(iter(store.query(q)))["n"].value) > 10
    one = NamedNode(str(graph_iri(SEEDS[0].name)))
    assert store.contains_named_graph(one)


def test_load_graph_gives_back_the_built_graph(full):
    assert isomorphic(to_rdf(load_graph(full)), to_rdf(build(SEEDS).kg))
    assert set(load_graph(full).documents) == {p.name for p in SEEDS}


def test_incremental_build_equals_full_build(full, tmp_path):
    out = tmp_path / "inc"
    assert _kg("build", *map(str, SEEDS[:3]), "-o", str(out), "-q").returncode == 0
    r = _kg("build", "--into", str(out), *map(str, SEEDS[3:]))
    assert r.returncode == 0, r.stderr
    assert "extracted: 2 of 5" in r.stderr
    assert isomorphic(_default_graph(out), _default_graph(full))
    for name in ("kg.ttl", "kg.json", "kg.graphml", "kg.html"):
        assert (out / name).read_bytes() == (full / name).read_bytes(), name
    before = {n: (out / n).read_bytes() for n in ("kg.ttl", "kg.json")}
    again = _kg("build", "--into", str(out), *map(str, SEEDS[3:]))
    assert again.returncode == 0 and "extracted: 0 of 5" in again.stderr
    assert {n: (out / n).read_bytes() for n in before} == before
    assert isomorphic(_default_graph(out), _default_graph(full))


def test_changed_document_replaces_its_own_facts(full, tmp_path):
    out = tmp_path / "changed"
    shutil.copytree(full, out)
    changed = tmp_path / SEEDS[0].name
    changed.write_text("工业和信息化部部长李明出席会议并讲话。", encoding="utf-8")
    r = _kg("build", "--into", str(out), str(changed))
    assert r.returncode == 0, r.stderr
    assert "extracted: 1 of 5" in r.stderr
    kg = load_graph(out)
    assert kg.documents[SEEDS[0].name].text.startswith("工业和信息化部部长李明")
    assert "Person/李明" in kg.entities
    old_spans = {s for e in kg.entities.values() for s in e.mentions if s.doc == SEEDS[0].name}
    assert all(s.end <= len(changed.read_text(encoding="utf-8")) for s in old_spans)
    assert isomorphic(to_rdf(kg), to_rdf(build([changed, *SEEDS[1:]]).kg))


def test_missing_or_damaged_store_is_a_clear_error(tmp_path):
    with pytest.raises(KgError, match="E008"):
        open_store(tmp_path)
    r = _kg("build", "--into", str(tmp_path), str(SEEDS[0]))
    assert r.returncode == 2 and "E008" in r.stderr and "Traceback" not in r.stderr
    (tmp_path / "store" / "documents").mkdir(parents=True)
    (tmp_path / "store" / "oxigraph").mkdir()
    (tmp_path / "store" / "documents" / "x.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(KgError, match="damaged"):
        load_snapshots(tmp_path)


def test_malformed_snapshot_in_an_incremental_build_is_a_clear_error(full, tmp_path):
    out = tmp_path / "bad"
    shutil.copytree(full, out)
    (out / "store" / "documents" / "zz.txt.json").write_text('{"name":"zz.txt","sha256":"x"}', encoding="utf-8")
    r = _kg("build", "--into", str(out), str(SEEDS[0]))
    assert r.returncode == 2 and "E008" in r.stderr and "Traceback" not in r.stderr
    from kg.snapshot import fingerprint

    (out / "store" / "documents" / "zz.txt.json").write_text(
        '{"name":"zz.txt","sha256":"x","text":"t","mentions":[{"oops":1}],"relations":[],"metrics":[],'
        f'"fingerprint":"{fingerprint()}"}}', encoding="utf-8")
    r = _kg("build", "--into", str(out), str(SEEDS[0]))
    assert r.returncode == 2 and "E008" in r.stderr and "Traceback" not in r.stderr
