"""kg.json: exactly the fields of GUIDE.md's "Prediction format", stable bytes."""
from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

import sample_graph
from kg.iris import entity_iri, metric_iri
from kg.writers.digest import to_digest, write_digest
from kg.writers.rdf import to_rdf

ENTITY_KEYS = {"id", "type", "subtype", "label", "aliases", "mentions"}
RELATION_KEYS = {"subject", "predicate", "object", "roles", "evidence"}
METRIC_KEYS = {"id", "indicator", "value", "unit", "measure", "period", "qualifier", "subject", "evidence"}
SPAN_KEYS = {"doc", "start", "end"}


@pytest.fixture(scope="module")
def digest() -> dict:
    return to_digest(sample_graph.build())


def test_digest_has_the_guide_fields(digest: dict) -> None:
    assert set(digest) == {"entities", "relations", "metrics"}
    for row in digest["entities"]:
        assert set(row) == ENTITY_KEYS
        assert all(set(m) == SPAN_KEYS for m in row["mentions"])
    for row in digest["relations"]:
        assert set(row) == RELATION_KEYS
        assert all(set(m) == SPAN_KEYS for m in row["evidence"])
    for row in digest["metrics"]:
        assert set(row) == METRIC_KEYS
        assert all(set(m) == SPAN_KEYS for m in row["evidence"])


def test_digest_entity_row(digest: dict) -> None:
    org = next(e for e in digest["entities"] if e["label"] == "工业和信息化部")
    assert org == {
        "id": str(entity_iri("Organization/工业和信息化部")), "type": "Organization",
        "subtype": "GovernmentBody", "label": "工业和信息化部", "aliases": ["工信部"],
        "mentions": [{"doc": sample_graph.DOC, "start": 0, "end": 7},
                     {"doc": sample_graph.DOC, "start": 35, "end": 42},
                     {"doc": sample_graph.HOSTILE_DOC, "start": 50, "end": 53}],
    }
    person = next(e for e in digest["entities"] if e["type"] == "Person")
    assert person["subtype"] is None and person["aliases"] == []


def test_digest_relation_row_uses_guide_predicates_and_iris(digest: dict) -> None:
    assert {r["predicate"] for r in digest["relations"]} == {
        "holds_post", "part_of", "issues", "targets", "located_in", "participates_in"}
    post = next(r for r in digest["relations"] if r["predicate"] == "holds_post")
    s = sample_graph.sentence(0)
    assert post == {"subject": str(entity_iri("Person/金壮龙")), "predicate": "holds_post",
                    "object": str(entity_iri("Organization/工业和信息化部")), "roles": ["部长"],
                    "evidence": [{"doc": s.doc, "start": s.start, "end": s.end}]}


def test_digest_metric_value_is_a_json_number(digest: dict) -> None:
    by_indicator = {m["indicator"]: m for m in digest["metrics"]}
    output = by_indicator["新能源汽车产量"]
    assert output["value"] == 9587000 and isinstance(output["value"], int)
    assert output["subject"] == str(entity_iri("Industry/新能源汽车"))
    assert output["id"] == str(metric_iri("新能源汽车产量/2023"))
    growth = by_indicator["工业增加值"]
    assert growth["value"] == 4.6 and isinstance(growth["value"], float)
    assert growth["subject"] is None and growth["period"] is None and growth["unit"] == "%"


def test_digest_ids_are_the_turtle_iris(digest: dict) -> None:
    subjects = {str(s) for s in to_rdf(sample_graph.build()).subjects()}
    assert {e["id"] for e in digest["entities"]} <= subjects
    assert {m["id"] for m in digest["metrics"]} <= subjects


def test_digest_rows_are_sorted(digest: dict) -> None:
    ids = [e["id"] for e in digest["entities"]]
    assert ids == sorted(ids)
    keys = [(r["subject"], r["predicate"], r["object"]) for r in digest["relations"]]
    assert keys == sorted(keys)
    for e in digest["entities"]:
        assert e["mentions"] == sorted(e["mentions"], key=lambda m: (m["doc"], m["start"], m["end"]))


def test_digest_write_is_stable_readable_json(tmp_path: Path) -> None:
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    write_digest(sample_graph.build(), a)
    write_digest(sample_graph.build(), b)
    data = a.read_bytes()
    assert data == b.read_bytes()
    assert data.endswith(b"}\n") and "工业和信息化部".encode() in data  # ensure_ascii=False
    assert json.loads(data) == to_digest(sample_graph.build())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json", "b.json"]


def test_digest_value_of_scaled_decimal_is_integral() -> None:
    kg = sample_graph.build()
    kg.metrics["新能源汽车产量/2023"].value = Decimal("9.5870E+6")
    row = next(m for m in to_digest(kg)["metrics"] if m["indicator"] == "新能源汽车产量")
    assert row["value"] == 9587000 and isinstance(row["value"], int)
