"""A full build of the seeds: exports equal the committed ones, are deterministic, valid and scored."""
from __future__ import annotations

import json
import logging
import subprocess
import sys
from pathlib import Path

import pyshacl
import pytest
import rdflib

from kg.build import build, write

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXPORTS = ("kg.ttl", "kg.json", "kg.graphml", "kg.html")


@pytest.fixture(scope="module")
def seeds_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("build")
    result = build([ROOT / "seeds"])
    write(result.kg, out)
    return result, out


def test_build_exports_match_committed_exports(seeds_build):
    _, out = seeds_build
    for name in EXPORTS:
        assert (out / name).read_bytes() == (ROOT / "exports" / name).read_bytes(), \
            f"exports/{name} differs from a fresh build: run bash scripts/build.sh and commit"


def test_build_twice_is_byte_identical(seeds_build, tmp_path):
    _, out = seeds_build
    write(build([ROOT / "seeds"]).kg, tmp_path)
    for name in EXPORTS:
        assert (tmp_path / name).read_bytes() == (out / name).read_bytes(), name


def test_build_turtle_parses_without_warnings(seeds_build, caplog):
    _, out = seeds_build
    with caplog.at_level(logging.WARNING):
        g = rdflib.Graph().parse(out / "kg.ttl", format="turtle")
    assert len(g) > 1000
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


def test_build_turtle_passes_shacl_shapes(seeds_build):
    _, out = seeds_build
    data = rdflib.Graph().parse(out / "kg.ttl", format="turtle")
    shapes = rdflib.Graph().parse(ROOT / "ontology" / "shapes.ttl", format="turtle")
    ont = rdflib.Graph().parse(ROOT / "ontology" / "kg.ttl", format="turtle")
    conforms, _, text = pyshacl.validate(data, shacl_graph=shapes, ont_graph=ont, inference="none")
    assert conforms, text[:2000]


def test_build_result_has_networkx_and_rdf_views(seeds_build):
    result, _ = seeds_build
    assert result.graph.number_of_nodes() >= len(result.kg.entities)
    assert len(result.rdf) > 1000


def test_build_mentions_point_into_original_text(seeds_build):
    _, out = seeds_build
    digest = json.loads((out / "kg.json").read_text(encoding="utf-8"))
    texts = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "seeds").glob("*.txt")}
    for e in digest["entities"]:
        for m in e["mentions"]:
            span = "".join(texts[m["doc"]][m["start"]:m["end"]].split())
            names = {"".join(n.split()) for n in [e["label"], *e["aliases"]]}
            assert span.replace("“", "").replace("”", "") in {n.replace("“", "").replace("”", "") for n in names}


@pytest.mark.skipif(not (SHARED / "eval" / "score.py").exists(), reason="shared/ eval kit not beside the repo")
def test_build_scores_reach_the_seed_targets(seeds_build, tmp_path):
    """Issue 3's seed targets (entities 0.92, relations 0.85, metrics 0.95, period and role
    accuracy 0.95), relations held at the higher level reached: a regression fails here."""
    _, out = seeds_build
    report = tmp_path / "report.json"
    subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), "--gold", str(SHARED / "gold"),
                    "--pred", str(out / "kg.json"), "--docs-dir", str(ROOT / "seeds"), "--json", str(report)],
                   check=True, capture_output=True)
    rep = json.loads(report.read_text(encoding="utf-8"))
    assert rep["entities"]["all"]["f1"] >= 0.92
    assert rep["relations"]["all"]["f1"] >= 0.92
    assert rep["metrics"]["f1"] >= 0.95
    assert rep["metrics"]["period_accuracy"] >= 0.95
    assert rep["relations"]["holds_post_role_accuracy"] >= 0.95
    assert rep["provenance"] == {"entities_with_mentions": 1.0, "facts_with_evidence": 1.0,
                                 "mention_spans_valid": 1.0}


def _f1(table: str, row: str) -> float:
    return float(next(line.split()[-4] for line in table.splitlines() if line.startswith(row)))


@pytest.mark.parametrize("name, floor", [("CLUENER dev", 0.65), ("Resume NER dev", 0.79)])
def test_public_ner_sets_hold_their_level(name, floor):
    """Person/Organization/Location F1 on the public NER sets, scored as kg eval scores them."""
    from kg.evaluate import evaluate

    table = evaluate(SHARED, ROOT / "seeds", ROOT / "eval" / "genre", [name])[name]
    assert _f1(table, "ent all") >= floor


def test_genre_set_meets_the_unseen_document_targets():
    """The six genre documents written for the project: entities, relations and metrics above
    the issue's targets for documents the extractor was not written against (0.85, 0.70, 0.90)."""
    from kg.evaluate import evaluate

    table = evaluate(SHARED, ROOT / "seeds", ROOT / "eval" / "genre", ["genre"])["genre"]
    assert _f1(table, "ent all") >= 0.95  # held at the level reached (0.967, 0.944, 0.958)
    assert _f1(table, "rel all") >= 0.92
    assert _f1(table, "metrics") >= 0.94


def test_relation_evidence_is_a_sentence_not_a_document(seeds_build):
    """A report's default issuer is named far away: the evidence is the stating sentence."""
    result, _ = seeds_build
    spans = [s for r in result.kg.relations.values() for s in r.evidence]
    assert spans and max(s.end - s.start for s in spans) <= 300
