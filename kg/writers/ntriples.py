"""N-Triples export of the merged graph: one triple a line, lines sorted, so it diffs and splits.

A line-based format is what bulk loaders and ``split``/``grep`` want; sorting makes the
file the same bytes for the same graph (rdflib writes triples in set order).
"""
from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from ..model import KnowledgeGraph
from .atomic import write_atomic
from .rdf import to_rdf

__all__ = ["sorted_lines", "write_ntriples", "read_ntriples"]


def sorted_lines(data: bytes) -> bytes:
    """The lines of a line-based RDF serialisation, sorted and deduplicated, blank lines dropped."""
    return b"".join(line + b"\n" for line in sorted(set(data.splitlines())) if line.strip())


def write_ntriples(kg: KnowledgeGraph, path: str | Path) -> Path:
    """Write the merged graph as N-Triples (UTF-8), atomically."""
    return write_atomic(path, sorted_lines(to_rdf(kg).serialize(format="nt", encoding="utf-8")))


def read_ntriples(path: str | Path) -> Graph:
    return Graph().parse(path, format="nt")
