"""RDF and Turtle: parse back cleanly, same bytes every time, valid under the shapes."""
from __future__ import annotations

import logging
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pyshacl
import pytest
from rdflib import BNode, Graph, Literal
from rdflib import namespace  # not XSD by name: pytest probes module globals, XSD warns
from rdflib.namespace import RDF

import sample_graph
from kg.iris import (document_iri, entity_iri, graph_iri, metric_iri, position_selector_iri, quote_selector_iri,
                     span_iri)
from kg.model import Document, Entity, KnowledgeGraph, Span
from kg.ontology import KGO, OA
from kg.writers.rdf import document_graphs, to_rdf
from kg.writers.turtle import write_turtle

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def shapes() -> tuple[Graph, Graph]:
    return (Graph().parse(ROOT / "ontology" / "shapes.ttl", format="turtle"),
            Graph().parse(ROOT / "ontology" / "kg.ttl", format="turtle"))


def _validate(g: Graph, shapes: tuple[Graph, Graph]) -> tuple[bool, str]:
    conforms, _, text = pyshacl.validate(g, shacl_graph=shapes[0], ont_graph=shapes[1])
    return conforms, text


def test_rdf_turtle_parses_back_without_warnings(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    kg = sample_graph.build()
    with caplog.at_level(logging.WARNING):
        write_turtle(kg, tmp_path / "kg.ttl")
        back = Graph().parse(tmp_path / "kg.ttl", format="turtle")
    assert [r.getMessage() for r in caplog.records] == []
    assert len(back) == len(to_rdf(kg)) > 0
    assert (entity_iri(f"Organization/{sample_graph.HOSTILE}"), RDF.type, KGO.Organization) in back


def test_rdf_turtle_is_byte_identical_across_writes(tmp_path: Path) -> None:
    write_turtle(sample_graph.build(), tmp_path / "a.ttl")
    write_turtle(sample_graph.build(), tmp_path / "b.ttl")
    assert (tmp_path / "a.ttl").read_bytes() == (tmp_path / "b.ttl").read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.ttl", "b.ttl"]  # no temp files left


def test_rdf_turtle_is_byte_identical_across_processes(tmp_path: Path) -> None:
    """Set and dict order must not leak in: another hash seed gives the same bytes."""
    write_turtle(sample_graph.build(), tmp_path / "here.ttl")
    script = ("import sys, sample_graph; from kg.writers.turtle import write_turtle; "
              "write_turtle(sample_graph.build(), sys.argv[1])")
    env = {**os.environ, "PYTHONHASHSEED": "12345",
           "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "tests")])}
    subprocess.run([sys.executable, "-c", script, str(tmp_path / "there.ttl")], env=env, check=True)
    assert (tmp_path / "here.ttl").read_bytes() == (tmp_path / "there.ttl").read_bytes()


def test_rdf_has_no_blank_nodes() -> None:
    g = to_rdf(sample_graph.build())
    assert not [t for triple in g for t in triple if isinstance(t, BNode)]


def test_rdf_conforms_to_shapes(shapes: tuple[Graph, Graph]) -> None:
    conforms, text = _validate(to_rdf(sample_graph.build()), shapes)
    assert conforms, text


def _without_mention(kg: KnowledgeGraph) -> None:
    kg.entities["Location/北京"].mentions.clear()


def _wrong_signature(kg: KnowledgeGraph) -> None:
    kg.entities["Location/北京"].type = "Industry"  # 会议 located_in an Industry


def _empty_span(kg: KnowledgeGraph) -> None:
    kg.entities["Person/金壮龙"].mentions = {Span(sample_graph.DOC, 5, 5)}


def _relation_without_evidence(kg: KnowledgeGraph) -> None:
    kg.relations[("Person/金壮龙", "holds_post", "Organization/工业和信息化部")].evidence.clear()


def _metric_without_evidence(kg: KnowledgeGraph) -> None:
    kg.metrics["新能源汽车产量/2023"].evidence.clear()


@pytest.mark.parametrize("breaking", [_without_mention, _wrong_signature, _empty_span,
                                      _relation_without_evidence, _metric_without_evidence])
def test_rdf_shapes_reject_broken_graph(breaking, shapes: tuple[Graph, Graph]) -> None:
    kg = sample_graph.build()
    breaking(kg)
    conforms, text = _validate(to_rdf(kg), shapes)
    assert not conforms
    assert "Constraint Violation" in text


def test_rdf_shapes_reject_float_metric_value(shapes: tuple[Graph, Graph]) -> None:
    g = to_rdf(sample_graph.build())
    node = metric_iri("新能源汽车产量/2023")
    g.set((node, KGO.value, Literal(9587000.0)))
    assert not _validate(g, shapes)[0]


def test_rdf_sparql_goes_from_relation_to_evidence_span() -> None:
    g = to_rdf(sample_graph.build())
    rows = list(g.query("""
        SELECT ?role ?doc ?start ?end ?text WHERE {
            ?stmt rdf:subject ?person ; rdf:predicate kgo:holdsPost ; rdf:object ?org ;
                  kgo:role ?role ; kgo:evidence ?span .
            ?person skos:prefLabel "金壮龙"@zh .
            ?span oa:hasSource/kgo:fileName ?doc ;
                  oa:hasSelector [ a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end ] ;
                  oa:hasSelector [ a oa:TextQuoteSelector ; oa:exact ?text ] .
        }"""))
    assert len(rows) == 1
    role, doc, start, end, text = (t.toPython() for t in rows[0])
    expected = sample_graph.sentence(0)
    assert (role, doc, start, end) == ("部长", expected.doc, expected.start, expected.end)
    assert text == sample_graph.TEXT[start:end]


def test_rdf_direct_triple_matches_statement() -> None:
    g = to_rdf(sample_graph.build())
    person, org = entity_iri("Person/金壮龙"), entity_iri("Organization/工业和信息化部")
    assert (person, KGO.holdsPost, org) in g
    assert (None, RDF.subject, person) in g


def test_rdf_metric_value_is_the_exact_decimal() -> None:
    kg = sample_graph.build()
    back = Graph().parse(data=to_rdf(kg).serialize(format="turtle"), format="turtle")
    for metric in kg.metrics.values():
        value = back.value(metric_iri(metric), KGO.value)
        assert isinstance(value, Literal) and value.datatype == namespace.XSD.decimal
        assert value.toPython() == metric.value
    assert back.value(metric_iri('工业增加值 增长 4.60% #"q"'), KGO.value).toPython() == Decimal("4.60")


def test_rdf_mentions_quote_the_original_text() -> None:
    kg = sample_graph.build()
    g = to_rdf(kg)
    spans = {s for e in kg.entities.values() for s in e.mentions}
    for span in spans:
        assert g.value(quote_selector_iri(span), OA.exact) == Literal(
            kg.documents[span.doc].text[span.start:span.end])
        assert g.value(span_iri(span), OA.hasSource) == document_iri(span.doc)


def _long_sentence_graph(filler: int) -> KnowledgeGraph:
    """One sentence, ``filler`` characters between its two names, then a second sentence."""
    text = "工业和信息化部" + "甲" * filler + "金壮龙出席会议。北京召开。"
    doc = Document("long.txt", text, "0" * 64)
    ministry, person = Span("long.txt", 0, 7), Span("long.txt", 7 + filler, 10 + filler)
    place = Span("long.txt", text.index("北京"), text.index("北京") + 2)
    kg = KnowledgeGraph(documents={"long.txt": doc})
    for e in (Entity("Organization/工业和信息化部", "Organization", "工业和信息化部", "GovernmentBody", mentions={ministry}),
              Entity("Person/金壮龙", "Person", "金壮龙", mentions={person}),
              Entity("Location/北京", "Location", "北京", mentions={place})):
        kg.entities[e.id] = e
    return kg


def test_rdf_sentence_node_is_the_whole_sentence_with_its_position() -> None:
    kg = sample_graph.build()
    g = to_rdf(kg)
    first = sample_graph.sentence(0)
    node = span_iri(first)
    assert (node, RDF.type, KGO.Sentence) in g
    assert g.value(node, OA.hasSource) == document_iri(first.doc)
    position = g.value(position_selector_iri(first), OA.start), g.value(position_selector_iri(first), OA.end)
    assert position == (Literal(first.start), Literal(first.end))
    assert set(g.objects(node, KGO.names)) == {entity_iri("Person/金壮龙"), entity_iri("Organization/工业和信息化部"),
                                               entity_iri("Event/全国工业和信息化工作会议")}


def test_rdf_every_span_is_in_its_sentence() -> None:
    kg = sample_graph.build()
    g = to_rdf(kg)
    spans = {s for e in kg.entities.values() for s in e.mentions}
    spans |= {s for fact in (*kg.relations.values(), *kg.metrics.values()) for s in fact.evidence}
    for span in spans:
        sentence = g.value(span_iri(span), KGO.inSentence)
        assert sentence == span_iri(kg.documents[span.doc].sentence_of(span, reach=None)), span
        assert (sentence, RDF.type, KGO.Sentence) in g
    assert len(set(g.subjects(KGO.inSentence, None))) == len(spans)
    assert g.value(span_iri(sample_graph.span("新能源汽车", nth=1)), KGO.sentence) is not None  # the literal stays


def test_rdf_sparql_goes_from_evidence_to_all_named_in_its_sentence() -> None:
    g = to_rdf(sample_graph.build())
    rows = g.query("""
        SELECT DISTINCT ?name WHERE {
            ?stmt rdf:predicate kgo:targets ; kgo:evidence/kgo:inSentence/kgo:names ?e .
            ?e skos:prefLabel ?name .
        }""")
    assert {str(r[0]) for r in rows} == {"工业和信息化部", "新能源汽车产业发展规划", "新能源汽车"}


def test_rdf_two_mentions_of_one_long_sentence_meet_at_one_node() -> None:
    kg = _long_sentence_graph(filler=1000)
    g = to_rdf(kg)
    ministry, person = (next(iter(kg.entities[i].mentions)) for i in ("Organization/工业和信息化部", "Person/金壮龙"))
    node = g.value(span_iri(ministry), KGO.inSentence)
    assert node == g.value(span_iri(person), KGO.inSentence) == span_iri(Span("long.txt", 0, 1015))
    assert set(g.objects(node, KGO.names)) == {entity_iri("Organization/工业和信息化部"), entity_iri("Person/金壮龙")}
    assert g.value(span_iri(ministry), KGO.sentence) != g.value(span_iri(person), KGO.sentence)  # bounded windows
    assert len(set(g.subjects(RDF.type, KGO.Sentence))) == 2


def test_rdf_huge_one_line_document_is_one_sentence_and_keeps_bounded_text() -> None:
    kg = _long_sentence_graph(filler=2_000_000)
    g = to_rdf(kg)
    whole = span_iri(Span("long.txt", 0, 2_000_015))
    assert {g.value(span_iri(s), KGO.inSentence) for e in kg.entities.values() for s in e.mentions} == {
        whole, span_iri(Span("long.txt", 2_000_015, 2_000_020))}
    assert max(len(o) for o in g.objects(None, KGO.sentence)) <= 410


def test_rdf_per_document_graphs_have_sentence_nodes() -> None:
    kg = sample_graph.build()
    merged = to_rdf(kg)
    sentences = set(merged.subjects(RDF.type, KGO.Sentence))
    per_document = {iri: graph for iri, graph in document_graphs(kg)}
    assert set().union(*(g.subjects(RDF.type, KGO.Sentence) for g in per_document.values())) == sentences
    hostile = per_document[graph_iri(sample_graph.HOSTILE_DOC)]
    assert {(s, o) for s, o in hostile.subject_objects(KGO.names)} == {
        (s, o) for s, o in merged.subject_objects(KGO.names) if (s, OA.hasSource, document_iri(sample_graph.HOSTILE_DOC)) in merged}


def test_rdf_shapes_reject_a_sentence_naming_a_non_entity_or_without_source(shapes: tuple[Graph, Graph]) -> None:
    g = to_rdf(sample_graph.build())
    node = span_iri(sample_graph.sentence(3))  # a sentence only, not also a piece of evidence
    assert (node, RDF.type, KGO.Sentence) in g and (node, RDF.type, KGO.Mention) not in g
    g.add((node, KGO.names, metric_iri("新能源汽车产量/2023")))
    assert not _validate(g, shapes)[0]
    g = to_rdf(sample_graph.build())
    g.remove((node, OA.hasSource, None))
    assert not _validate(g, shapes)[0]
