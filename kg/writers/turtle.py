"""Turtle export: the same graph gives the same bytes, so exports diff and cache cleanly.

rdflib's Turtle serialiser sorts prefixes, subjects, predicates and objects; with no
blank nodes (see kg.iris) that order depends on nothing but the graph. It writes the
decimal ``"340"^^xsd:decimal`` (the canonical form stores such as Oxigraph keep) as ``340.0``,
which reads back as another RDF term; such decimals are written with their type instead,
so the file parses back into exactly the store's graph.
"""
from __future__ import annotations

import io
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.plugins.serializers.turtle import TurtleSerializer
from rdflib.term import Node

from ..iris import BASE
from ..model import KnowledgeGraph
from .atomic import write_atomic
from .rdf import to_rdf

__all__ = ["ExactLabels", "exact_decimal", "serialize", "write_turtle", "read_turtle"]


def exact_decimal(node: Node) -> str | None:
    """``"340"^^<…#decimal>`` for a decimal with no point, which Turtle's ``340.0`` would change; else None."""
    if isinstance(node, Literal) and node.datatype == XSD.decimal and "." not in node:
        return f'"{node}"^^<{XSD.decimal}>'
    return None


class ExactLabels:
    """Mixed into rdflib's Turtle and TriG serialisers: exact decimals, and the graph's own IRIs
    (…/id/span/<doc>/<start>-<end>) written whole without asking rdflib for a prefixed name.
    None of them has one, and rdflib's failed lookups are not cached: it searched every
    namespace seen so far for each node, quadratic in a large document's spans."""

    def label(self, node: Node, position: int) -> str:
        return exact_decimal(node) or super().label(node, position)  # type: ignore[misc]

    def get_pname(self, uri: Node, gen_prefix: bool = True) -> str | None:
        if isinstance(uri, URIRef) and uri.startswith(BASE):
            return None
        return super().get_pname(uri, gen_prefix)  # type: ignore[misc]


class _ExactTurtle(ExactLabels, TurtleSerializer):
    pass


def serialize(graph: Graph, serializer: type[TurtleSerializer] = _ExactTurtle) -> bytes:
    """``graph`` in UTF-8 through ``serializer`` (Turtle, or a TriG subclass with the same labels)."""
    buf = io.BytesIO()
    serializer(graph).serialize(buf, encoding="utf-8")
    return buf.getvalue()


def write_turtle(kg: KnowledgeGraph, path: str | Path) -> Path:
    """Write ``kg`` as Turtle (UTF-8) to ``path``, atomically."""
    return write_atomic(path, serialize(to_rdf(kg)))


def read_turtle(path: str | Path) -> Graph:
    return Graph().parse(path, format="turtle")
