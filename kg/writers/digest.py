"""The graph digest ``kg.json`` that the scorer reads (GUIDE.md, "Prediction format").

Ids are the same IRIs as in the Turtle export, so a digest row can be looked up there.
Lists and keys are sorted, so the same graph gives the same bytes.
"""
from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..iris import entity_iri, metric_iri
from ..model import KnowledgeGraph, Span
from .atomic import write_atomic

__all__ = ["to_digest", "write_digest", "read_digest"]


def _spans(spans: set[Span]) -> list[dict[str, Any]]:
    return [{"doc": s.doc, "start": s.start, "end": s.end} for s in sorted(spans)]


def _number(value: Decimal) -> int | float:
    """A JSON number: int when integral (9587000, not 9587000.0), else the nearest float."""
    return int(value) if value == value.to_integral_value() else float(value)


def to_digest(kg: KnowledgeGraph) -> dict[str, list[dict[str, Any]]]:
    """The digest as plain data, ready for ``json.dumps``."""
    entities = [
        {
            "id": str(entity_iri(e)),
            "type": e.type,
            "subtype": e.subtype,
            "label": e.label,
            "aliases": sorted(e.aliases),
            "mentions": _spans(e.mentions),
        }
        for e in kg.entities.values()
    ]
    relations = [
        {
            "subject": str(entity_iri(r.subject)),
            "predicate": r.predicate,
            "object": str(entity_iri(r.object)),
            "roles": sorted(r.roles),
            "evidence": _spans(r.evidence),
        }
        for r in kg.relations.values()
    ]
    metrics = [
        {
            "id": str(metric_iri(m)),
            "indicator": m.indicator,
            "value": _number(m.value),
            "unit": m.unit,
            "measure": m.measure,
            "period": m.period,
            "qualifier": m.qualifier,
            "subject": None if m.subject is None else str(entity_iri(m.subject)),
            "evidence": _spans(m.evidence),
        }
        for m in kg.metrics.values()
    ]
    return {
        "entities": sorted(entities, key=lambda e: e["id"]),
        "relations": sorted(relations, key=lambda r: (r["subject"], r["predicate"], r["object"])),
        "metrics": sorted(metrics, key=lambda m: m["id"]),
    }


def write_digest(kg: KnowledgeGraph, path: str | Path) -> Path:
    """Write the digest as UTF-8 JSON to ``path``, atomically."""
    text = json.dumps(to_digest(kg), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    return write_atomic(path, text.encode("utf-8"))


def read_digest(path: str | Path) -> dict[str, list[dict[str, Any]]]:
    """The digest as ``to_digest`` made it (values as JSON gives them: numbers, not Decimals)."""
    return json.loads(Path(path).read_text(encoding="utf-8"))
