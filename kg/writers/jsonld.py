"""JSON-LD export of the merged graph, compacted with the context kept in ontology/context.jsonld.

The context is written into the file, so it reads with no network; its short terms
(``label``, ``evidence``, ``holdsPost`` …) make the file read like plain JSON. rdflib lists
nodes and values in set order, so they are sorted here: same graph, same bytes.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rdflib import Graph

from ..model import KnowledgeGraph
from .atomic import write_atomic
from .rdf import to_rdf

__all__ = ["CONTEXT_PATH", "context", "write_jsonld", "read_jsonld"]

# ontology/context.jsonld, reached through the package's resources link so installs carry it
CONTEXT_PATH = Path(__file__).resolve().parents[1] / "resources" / "context.jsonld"


def context() -> dict[str, Any]:
    """The ``@context`` object of ontology/context.jsonld."""
    return json.loads(CONTEXT_PATH.read_text(encoding="utf-8"))["@context"]


def _key(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _sorted(node: dict[str, Any]) -> dict[str, Any]:
    """A node with every multi-valued property's values in order (JSON-LD values are a set)."""
    return {k: sorted(v, key=_key) if isinstance(v, list) else v for k, v in node.items()}


def write_jsonld(kg: KnowledgeGraph, path: str | Path) -> Path:
    """Write the merged graph as compact JSON-LD (UTF-8), atomically."""
    ctx = context()
    doc = json.loads(to_rdf(kg).serialize(format="json-ld", context=ctx, auto_compact=True))
    nodes = doc.get("@graph", [doc] if "@id" in doc else [])
    out = {"@context": ctx, "@graph": sorted((_sorted(n) for n in nodes), key=lambda n: n["@id"])}
    return write_atomic(path, (json.dumps(out, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8"))


def read_jsonld(path: str | Path) -> Graph:
    return Graph().parse(path, format="json-ld")
