"""One document's extraction, before resolution, as JSON: what an incremental build reuses.

Resolution is global (names join across documents), so an incremental build re-resolves
everything from these snapshots instead of patching the resolved graph; a document whose
content hash and extractor fingerprint are unchanged is never extracted again.
"""
from __future__ import annotations

import hashlib
import json
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from .model import Analysis, Document, Mention, MetricMention, RelationMention

FORMAT = 1
# What decides a document's extraction; writers, stores and commands do not.
_EXTRACTOR = ("extract", "lexicons", "normalize.py", "pipeline.py", "model.py", "lexicon.py", "snapshot.py")


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """A hash of the extractor's code and lexicons: a snapshot from other code is stale."""
    root = Path(__file__).parent
    h = hashlib.sha256(f"snapshot {FORMAT}".encode())
    for path in sorted(p for part in _EXTRACTOR for p in [root / part, *(root / part).rglob("*")]):
        if path.is_file() and path.suffix in (".py", ".txt"):
            h.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def _mention(m: Mention) -> dict[str, Any]:
    return {"type": m.type, "text": m.text, "start": m.start, "end": m.end,
            "subtype": m.subtype, "canonical": m.canonical}


def _relation(r: RelationMention) -> dict[str, Any]:
    return {"subject": _mention(r.subject), "predicate": r.predicate, "object": _mention(r.object),
            "start": r.start, "end": r.end, "roles": list(r.roles)}


def _metric(m: MetricMention) -> dict[str, Any]:
    return {"indicator": m.indicator, "value": str(m.value), "unit": m.unit, "start": m.start,
            "end": m.end, "measure": m.measure, "period": m.period, "qualifier": m.qualifier,
            "subject": _mention(m.subject) if m.subject else None}


def dump(a: Analysis) -> dict[str, Any]:
    """The parts of an analysis that resolution reads, with the document's text."""
    return {"format": FORMAT, "fingerprint": fingerprint(), "name": a.doc.name, "sha256": a.doc.sha256,
            "text": a.doc.text, "mentions": [_mention(m) for m in a.mentions],
            "relations": [_relation(r) for r in a.relations], "metrics": [_metric(m) for m in a.metrics]}


def load(data: dict[str, Any]) -> Analysis:
    """An analysis rebuilt from :func:`dump`; the text stages run again, extraction does not."""
    from .extract.text import date_stage, normalize_stage

    a = Analysis(Document(name=data["name"], text=data["text"], sha256=data["sha256"]))
    normalize_stage(a)
    date_stage(a)
    a.mentions = [Mention(**m) for m in data["mentions"]]
    a.relations = [RelationMention(Mention(**r["subject"]), r["predicate"], Mention(**r["object"]),
                                   r["start"], r["end"], tuple(r["roles"])) for r in data["relations"]]
    a.metrics = [MetricMention(**{**m, "value": Decimal(m["value"]),
                                  "subject": Mention(**m["subject"]) if m["subject"] else None})
                 for m in data["metrics"]]
    return a


def is_current(data: dict[str, Any], sha256: str) -> bool:
    """The snapshot was made from this very content by this very extractor."""
    return data.get("sha256") == sha256 and data.get("fingerprint") == fingerprint()


def to_bytes(data: dict[str, Any]) -> bytes:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
