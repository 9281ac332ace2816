"""Turtle export: the same graph gives the same bytes, so exports diff and cache cleanly.

rdflib's Turtle serialiser sorts prefixes, subjects, predicates and objects; with no
blank nodes (see kg.iris) that order depends on nothing but the graph.
"""
from __future__ import annotations

from pathlib import Path

from ..model import KnowledgeGraph
from .atomic import write_atomic
from .rdf import to_rdf

__all__ = ["write_turtle"]


def write_turtle(kg: KnowledgeGraph, path: str | Path) -> Path:
    """Write ``kg`` as Turtle (UTF-8) to ``path``, atomically."""
    return write_atomic(path, to_rdf(kg).serialize(format="turtle", encoding="utf-8"))
