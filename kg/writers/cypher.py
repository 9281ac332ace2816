"""A Cypher script that loads the graph into Neo4j, Memgraph or FalkorDB, and can be run twice.

Every statement is ``UNWIND rows MERGE … SET x = row.props``: nodes are merged on their key
label and ``iri``, relationships on their two ends and type, and properties are replaced
whole (and class labels a node no longer has removed), so running the script again changes
nothing. ``kg push --cypher`` runs the same
statements with ``$rows`` as a parameter; the script writes the rows as literals, every string
escaped and every label and type in backticks (Chinese ones included), so no name from a
document can end a string or start a clause.

    >>> literal({"name": "a'}) DETACH DELETE n //"})
    "{name: 'a\\\\'}) DETACH DELETE n //'}"
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path
from typing import Any

from ..model import KnowledgeGraph
from ..property_graph import CLASS_LABELS, ENTITY, KEY, Edge, Node, edges, nodes
from .atomic import write_atomic

__all__ = ["Statement", "statements", "node_statements", "edge_statements", "render", "identifier", "literal", "write_cypher"]

BATCH = 200  # rows per statement: small enough for any server's query size, large enough to be quick

_PLAIN = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_ESCAPES = {"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


@dataclass(frozen=True)
class Statement:
    query: str  # reads its rows from ``$rows``
    rows: list[dict[str, Any]]


def identifier(name: str) -> str:
    """A label, type or key in backticks, a backtick inside doubled: ```人物```, ```a``b```."""
    return "`" + name.replace("`", "``") + "`"


def _string(text: str) -> str:
    """Quote and backslash escaped; other control characters stay raw (FalkorDB reads no ``\\u`` escapes)."""
    return "'" + "".join(_ESCAPES.get(ch, ch) for ch in text) + "'"


def literal(value: Any) -> str:
    """A Cypher literal for a string, number, list or map of them."""
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, bool) or value is None:
        raise TypeError(f"no literal for {value!r}")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value).replace("e+", "e")
    if isinstance(value, list):
        return "[" + ", ".join(literal(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k if _PLAIN.match(k) else identifier(k)}: {literal(v)}"
                               for k, v in value.items()) + "}"
    raise TypeError(f"no literal for {value!r}")


def _labels(labels: tuple[str, ...]) -> str:
    return ":".join(identifier(label) for label in labels)


def node_statements(rows: list[Node]) -> list[Statement]:
    out = []
    ordered = sorted(rows, key=lambda n: (n.labels, n.iri))
    for labels, group in groupby(ordered, key=lambda n: n.labels):
        stale = [label for label in CLASS_LABELS if label not in labels] if labels[0] == ENTITY else []
        query = (f"UNWIND $rows AS row MERGE (n:{identifier(labels[0])} {{{KEY}: row.{KEY}}}) "
                 f"SET n = row.props" + (f", n:{_labels(labels[1:])}" if labels[1:] else "")
                 + (f" REMOVE n:{_labels(tuple(stale))}" if stale else ""))
        out += _batches(query, [{KEY: n.iri, "props": n.properties} for n in group])
    return out


def edge_statements(rows: list[Edge]) -> list[Statement]:
    out = []
    shape = (lambda e: (e.type, e.start_label, e.end_label))
    for (rel, start, end), group in groupby(sorted(rows, key=lambda e: (shape(e), e.start, e.end)), key=shape):
        query = (f"UNWIND $rows AS row MATCH (a:{identifier(start)} {{{KEY}: row.start}}), "
                 f"(b:{identifier(end)} {{{KEY}: row.end}}) MERGE (a)-[r:{identifier(rel)}]->(b) SET r = row.props")
        out += _batches(query, [{"start": e.start, "end": e.end, "props": e.properties} for e in group])
    return out


def _batches(query: str, rows: list[dict[str, Any]]) -> list[Statement]:
    return [Statement(query, rows[i:i + BATCH]) for i in range(0, len(rows), BATCH)]


def statements(kg: KnowledgeGraph) -> list[Statement]:
    """Nodes first (grouped by label set), then relationships (grouped by type), in batches."""
    return node_statements(nodes(kg)) + edge_statements(edges(kg))


def render(statement: Statement) -> str:
    """The statement with its rows written in as a literal list, one row a line."""
    rows = ",\n".join("  " + literal(row) for row in statement.rows)
    return statement.query.replace("UNWIND $rows", "UNWIND [\n" + rows + "\n]", 1) + ";"


def write_cypher(kg: KnowledgeGraph, path: str | Path) -> Path:
    """Write the script (UTF-8, one statement per block, ``;`` ended), atomically."""
    head = ("// The kg knowledge graph as idempotent MERGE statements (mapping: ontology/property-graph.md)\n"
            "// On Neo4j, for speed, first: CREATE CONSTRAINT IF NOT EXISTS FOR (n:Entity) REQUIRE n.iri IS UNIQUE\n"
            "// and the same for (n:Metric)\n")
    body = "\n\n".join(render(s) for s in statements(kg))
    return write_atomic(path, (head + "\n" + body + "\n").encode("utf-8"))
