"""IRIs: readable Chinese, nothing an IRI or Turtle cannot hold, one IRI per thing."""
from __future__ import annotations

import logging
from urllib.parse import unquote

import pytest
from rdflib import Graph, URIRef

from kg.iris import (BASE, document_iri, entity_iri, metric_iri, position_selector_iri, span_iri,
                     statement_iri)
from kg.model import Relation, Span

HOSTILE = ['a b', 'say "hi"', "<script>alert(1)</script>", "100%", "#1", "why?", "{a|b}", "\\^`",
           "tab\there", "nl\nthere", "\x00\x7f", "\ufffe\U000f0000"]


def test_iris_entity_keeps_chinese_readable() -> None:
    assert entity_iri("Organization/工业和信息化部") == URIRef(BASE + "Organization/工业和信息化部")


def test_iris_document_is_one_segment() -> None:
    assert document_iri("a/b.txt") == URIRef(BASE + "doc/a%2Fb.txt")


@pytest.mark.parametrize("label", HOSTILE)
def test_iris_hostile_characters_are_percent_encoded(label: str) -> None:
    iri = entity_iri(f"Organization/{label}")
    path = iri[len(BASE):]
    assert not set(path) & set('<>" {}|\\^`#?')
    assert all(ord(ch) > 0x20 and ord(ch) != 0x7F for ch in path)
    assert unquote(path) == f"Organization/{label}"


@pytest.mark.parametrize("label", HOSTILE)
def test_iris_rdflib_does_not_warn(label: str, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        iris = [entity_iri(f"Person/{label}"), document_iri(label), span_iri(Span(label, 0, 1)),
                metric_iri(label), statement_iri(Relation(label, "part_of", label))]
        g = Graph()
        for iri in iris:
            g.add((iri, iri, iri))
        back = Graph().parse(data=g.serialize(format="turtle"), format="turtle")
    assert [r.getMessage() for r in caplog.records] == []
    assert set(back) == set(g)


def test_iris_distinct_ids_give_distinct_iris() -> None:
    ids = ["Location/a b", "Location/a%20b", "Location/a#b", "Location/a%23b", "Location/a?b"]
    assert len({entity_iri(i) for i in ids}) == len(ids)


def test_iris_span_and_selector_are_deterministic() -> None:
    span = Span("000_示例.txt", 3, 9)
    assert span_iri(span) == URIRef(BASE + "span/000_示例.txt/3-9")
    assert position_selector_iri(span) == URIRef(BASE + "span/000_示例.txt/3-9#position")
    assert span_iri(Span("000_示例.txt", 3, 9)) == span_iri(span)


def test_iris_statement_depends_on_subject_predicate_object_only() -> None:
    a = Relation("Person/甲", "holds_post", "Organization/乙", {"部长"})
    b = Relation("Person/甲", "holds_post", "Organization/乙", {"主任"}, {Span("d", 0, 1)})
    c = Relation("Person/甲", "participates_in", "Organization/乙")
    assert statement_iri(a) == statement_iri(b) != statement_iri(c)
