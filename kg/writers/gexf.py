"""GEXF export for Gephi: the same nodes, edges and attributes as the GraphML export.

networkx stamps the day into ``<meta lastmodifieddate>``; it is left out, so the same graph
gives the same bytes on any day. Edges are keyed by predicate, as in ``to_networkx``.
"""
from __future__ import annotations

import io
from pathlib import Path

import networkx as nx
from networkx.readwrite.gexf import GEXFWriter

from ..model import KnowledgeGraph
from .atomic import write_atomic
from .graphml import to_networkx

__all__ = ["write_gexf", "read_gexf"]


def write_gexf(kg: KnowledgeGraph, path: str | Path) -> Path:
    """Write ``kg`` as GEXF 1.2 (UTF-8) to ``path``, atomically and byte-stable."""
    writer = GEXFWriter(encoding="utf-8")
    writer.xml.find("meta").attrib.pop("lastmodifieddate")
    writer.add_graph(to_networkx(kg))
    buf = io.BytesIO()
    writer.write(buf)
    return write_atomic(path, buf.getvalue())


def read_gexf(path: str | Path) -> nx.MultiDiGraph:
    """The graph as ``to_networkx`` made it (GEXF's own edge ids dropped)."""
    read = nx.read_gexf(path)
    g = nx.MultiDiGraph()
    g.add_nodes_from(read.nodes(data=True))
    for u, v, data in read.edges(data=True):
        attrs = {k: val for k, val in data.items() if k != "id"}
        g.add_edge(u, v, key=attrs["predicate"], **attrs)
    return g
