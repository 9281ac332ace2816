"""TriG export: one named graph per document (``kg.iris.graph_iri``), readable like Turtle.

The same dataset as the N-Quads export, with prefixes. Graphs come sorted by IRI; within
each, rdflib sorts subjects and predicates as its Turtle serialiser does, and decimals keep
their exact form (see :mod:`.turtle`), so the same graph gives the same bytes and parses
back to the same terms.
"""
from __future__ import annotations

from pathlib import Path

from rdflib import Dataset
from rdflib.plugins.serializers.trig import TrigSerializer

from ..model import KnowledgeGraph
from .atomic import write_atomic
from .rdf import to_dataset
from .turtle import ExactLabels, serialize

__all__ = ["write_trig", "read_trig"]


class _ExactTrig(ExactLabels, TrigSerializer):
    def __init__(self, store: Dataset):
        super().__init__(store)
        self.contexts.sort(key=lambda graph: str(graph.identifier))  # rdflib keeps them in set order


def write_trig(kg: KnowledgeGraph, path: str | Path) -> Path:
    """Write the per-document dataset as TriG (UTF-8), atomically."""
    return write_atomic(path, serialize(to_dataset(kg), _ExactTrig))


def read_trig(path: str | Path) -> Dataset:
    return Dataset(default_union=False).parse(path, format="trig")
