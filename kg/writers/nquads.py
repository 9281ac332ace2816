"""N-Quads export: one named graph per document (``kg.iris.graph_iri``), one quad a line, sorted.

For stores that bulk-load quads (Oxigraph, GraphDB, Virtuoso, Neptune) and keep each
document's statements apart, so a document can be replaced or dropped on its own.
"""
from __future__ import annotations

from pathlib import Path

from rdflib import Dataset

from ..model import KnowledgeGraph
from .atomic import write_atomic
from .ntriples import sorted_lines
from .rdf import to_dataset

__all__ = ["write_nquads", "read_nquads"]


def write_nquads(kg: KnowledgeGraph, path: str | Path) -> Path:
    """Write the per-document dataset as N-Quads (UTF-8), atomically."""
    return write_atomic(path, sorted_lines(to_dataset(kg).serialize(format="nquads", encoding="utf-8")))


def read_nquads(path: str | Path) -> Dataset:
    return Dataset(default_union=False).parse(path, format="nquads")
