"""GraphML export for Gephi, yEd and networkx: entities and metrics as nodes, facts as edges.

GraphML holds neither lists nor nulls: lists are joined with ``|`` and missing values
are left out. A metric's value is a string, so no digit of the Decimal is lost.
"""
from __future__ import annotations

import io
from pathlib import Path

import networkx as nx

from ..iris import entity_iri, metric_iri
from ..model import KnowledgeGraph, Span
from .atomic import write_atomic

__all__ = ["to_networkx", "write_graphml", "read_graphml"]

SEP = "|"


def _evidence(spans: set[Span]) -> str:
    """Spans as ``doc:start-end`` joined by ``|``, in order."""
    return SEP.join(f"{s.doc}:{s.start}-{s.end}" for s in sorted(spans))


def _present(**attrs: str | int | None) -> dict[str, str | int]:
    """Drop what GraphML cannot hold: None, and empty strings, which read back as "None"."""
    return {k: v for k, v in attrs.items() if v is not None and v != ""}


def to_networkx(kg: KnowledgeGraph) -> nx.MultiDiGraph:
    """Nodes keyed by IRI; an edge per relation (keyed by predicate) and per metric subject."""
    g = nx.MultiDiGraph()
    for e in kg.sorted_entities():
        g.add_node(str(entity_iri(e)), **_present(
            type=e.type, subtype=e.subtype, label=e.label, aliases=SEP.join(sorted(e.aliases)),
            mentions=len(e.mentions)))
    for m in kg.sorted_metrics():
        g.add_node(str(metric_iri(m)), **_present(
            type="Metric", label=m.indicator, indicator=m.indicator, value=format(m.value, "f"),
            unit=m.unit, measure=m.measure, period=m.period, qualifier=m.qualifier,
            evidence=_evidence(m.evidence)))
    for r in kg.sorted_relations():
        g.add_edge(str(entity_iri(r.subject)), str(entity_iri(r.object)), key=r.predicate, **_present(
            predicate=r.predicate, roles=SEP.join(sorted(r.roles)), evidence=_evidence(r.evidence)))
    for m in kg.sorted_metrics():
        if m.subject is not None:
            g.add_edge(str(metric_iri(m)), str(entity_iri(m.subject)), key="about", predicate="about")
    return g


def write_graphml(kg: KnowledgeGraph, path: str | Path) -> Path:
    """Write ``kg`` as GraphML (UTF-8) to ``path``, atomically and byte-stable."""
    buf = io.BytesIO()
    nx.write_graphml_xml(to_networkx(kg), buf, encoding="utf-8", named_key_ids=True)
    return write_atomic(path, buf.getvalue())


def read_graphml(path: str | Path) -> nx.MultiDiGraph:
    """The graph as ``to_networkx`` made it: nodes by IRI, edges keyed by predicate."""
    return nx.read_graphml(path, force_multigraph=True)
