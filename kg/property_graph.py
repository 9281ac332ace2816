"""The knowledge graph as a property graph: the one mapping behind every Cypher-side export.

The Cypher script, the neo4j-admin CSV files and ``kg push --cypher`` all consume the rows
made here, so a node or relationship looks the same whichever way it reaches a database.
ontology/property-graph.md documents the mapping for users.

- An entity is a node labelled ``Entity``, its ontology class (``Person`` …) and, for an
  organisation, its subtype class (``GovernmentBody`` …); a metric is a ``Metric`` node with
  an ``ABOUT`` relationship to its subject; a relation is a relationship typed by its
  predicate in upper case (``HOLDS_POST``).
- Every node is keyed by ``iri``, the IRI the RDF exports give it, so the two views join.
- Spans are parallel lists (``*_docs``, ``*_starts``, ``*_ends`` and, for facts, the
  sentence text): property graphs hold lists of scalars, not lists of maps.
- Missing values and empty lists are left out: a property graph has no nulls.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Union

from .iris import entity_iri, metric_iri, statement_iri
from .model import Entity, KnowledgeGraph, Metric, Relation, Span
from .ontology import SUBTYPE_CLASSES, TYPE_CLASSES

__all__ = ["KEY", "ENTITY", "METRIC", "ABOUT", "CLASS_LABELS", "NODE_PROPERTIES", "RELATION_PROPERTIES",
           "Node", "Edge", "nodes", "edges", "relationship_type"]

Value = Union[str, int, float, list[str], list[int]]

KEY = "iri"
ENTITY = "Entity"
METRIC = "Metric"
ABOUT = "ABOUT"

_SPAN_LISTS = (("docs", "string[]"), ("starts", "int[]"), ("ends", "int[]"))
_EVIDENCE = tuple((f"evidence_{name}", kind) for name, kind in _SPAN_LISTS) + (("evidence_sentences", "string[]"),)

# Every property a node or relationship may carry, in column order, with its neo4j-admin type.
NODE_PROPERTIES: dict[str, tuple[tuple[str, str], ...]] = {
    ENTITY: (("iri", "string"), ("id", "string"), ("type", "string"), ("subtype", "string"), ("label", "string"),
             ("aliases", "string[]")) + tuple((f"mention_{name}", kind) for name, kind in _SPAN_LISTS),
    METRIC: (("iri", "string"), ("id", "string"), ("indicator", "string"), ("value", "double"),
             ("value_decimal", "string"), ("unit", "string"), ("measure", "string"), ("period", "string"),
             ("qualifier", "string")) + _EVIDENCE,
}
RELATION_PROPERTIES: tuple[tuple[str, str], ...] = (("iri", "string"), ("roles", "string[]")) + _EVIDENCE
# ABOUT relationships carry no properties.


@dataclass(frozen=True)
class Node:
    iri: str
    labels: tuple[str, ...]  # the key label (Entity or Metric) first
    properties: dict[str, Value]  # ``iri`` included


@dataclass(frozen=True)
class Edge:
    type: str
    start: str  # the start node's iri
    start_label: str  # its key label
    end: str
    end_label: str
    properties: dict[str, Value]


def _class_name(iri: str) -> str:
    return iri.rsplit("#", 1)[-1]


# Every label an entity may carry besides Entity, so a push can take off the ones it no longer has.
CLASS_LABELS: tuple[str, ...] = tuple(sorted(_class_name(c) for c in (*TYPE_CLASSES.values(),
                                                                       *SUBTYPE_CLASSES.values())))


def relationship_type(predicate: str) -> str:
    """``holds_post`` → ``HOLDS_POST``, the relationship-type convention of Neo4j and FalkorDB."""
    return predicate.upper()


def _present(**props: Value | None) -> dict[str, Value]:
    return {k: v for k, v in props.items() if v is not None and v != "" and v != []}


def _spans(prefix: str, spans: set[Span]) -> dict[str, list]:
    ordered = sorted(spans)
    return {f"{prefix}_docs": [s.doc for s in ordered], f"{prefix}_starts": [s.start for s in ordered],
            f"{prefix}_ends": [s.end for s in ordered]}


def _evidence(kg: KnowledgeGraph, spans: set[Span]) -> dict[str, list]:
    """Evidence spans with the text of each one's sentence ("" where the document text is unknown)."""
    sentences = []
    for s in sorted(spans):
        doc = kg.documents.get(s.doc)
        if doc is None:
            sentences.append("")
        else:
            sentence = doc.sentence_of(s)
            sentences.append(doc.text[sentence.start:sentence.end])
    return {**_spans("evidence", spans), "evidence_sentences": sentences}


def _entity(e: Entity) -> Node:
    labels = (ENTITY, _class_name(TYPE_CLASSES[e.type])) + (
        (_class_name(SUBTYPE_CLASSES[e.subtype]),) if e.subtype else ())
    iri = str(entity_iri(e))
    return Node(iri, labels, _present(iri=iri, id=e.id, type=e.type, subtype=e.subtype, label=e.label,
                                      aliases=sorted(e.aliases - {e.label}), **_spans("mention", e.mentions)))


def _metric(kg: KnowledgeGraph, m: Metric) -> Node:
    iri = str(metric_iri(m))
    return Node(iri, (METRIC,), _present(
        iri=iri, id=m.id, indicator=m.indicator, value=float(m.value), value_decimal=format(m.value, "f"),
        unit=m.unit, measure=m.measure, period=m.period, qualifier=m.qualifier, **_evidence(kg, m.evidence)))


def _relation(kg: KnowledgeGraph, r: Relation) -> Edge:
    return Edge(relationship_type(r.predicate), str(entity_iri(r.subject)), ENTITY, str(entity_iri(r.object)), ENTITY,
                _present(iri=str(statement_iri(r)), roles=sorted(r.roles), **_evidence(kg, r.evidence)))


def nodes(kg: KnowledgeGraph) -> list[Node]:
    """Entities, then metrics, each sorted by id."""
    return [_entity(e) for e in kg.sorted_entities()] + [_metric(kg, m) for m in kg.sorted_metrics()]


def edges(kg: KnowledgeGraph) -> list[Edge]:
    """Relations sorted by (subject, predicate, object), then each metric's ABOUT its subject."""
    about = [Edge(ABOUT, str(metric_iri(m)), METRIC, str(entity_iri(m.subject)), ENTITY, {})
             for m in kg.sorted_metrics() if m.subject is not None]
    return [_relation(kg, r) for r in kg.sorted_relations()] + about
