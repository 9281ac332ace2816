"""Stable IRIs for everything the writers emit, so every export names a thing the same way.

Scheme, under ``https://w3id.org/kg-cn/id/``:

- entity    ``<Entity.id>``                  e.g. ``Organization/工业和信息化部``
- document  ``doc/<name>``
- span      ``span/<doc>/<start>-<end>``    (a mention or a piece of evidence)
- selector  ``<span IRI>#position`` / ``#quote``
- statement ``statement/<predicate>/<hash of subject, predicate, object>``
- role      ``role/<title>``
- metric    ``metric/<Metric.id>``

Entity ids start with a capitalised type name, so they never meet the lower-case
prefixes above. Chinese stays readable; only what an IRI (or Turtle) cannot hold is
percent-encoded, plus ``%``, ``#`` and ``?`` so an id never turns into a query or fragment.
Names that are a single segment (documents, titles) also encode ``/``.
"""
from __future__ import annotations

import hashlib

from rdflib import URIRef

from .model import Entity, Metric, Relation, Span

BASE = "https://w3id.org/kg-cn/id/"
GRAPH_BASE = "https://w3id.org/kg-cn/graph/"

_ASCII_KEPT = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@")

# RFC 3987 ucschar: the non-ASCII code points an IRI may hold as they are.
_UCSCHAR = ((0xA0, 0xD7FF), (0xF900, 0xFDCF), (0xFDF0, 0xFFEF)) + tuple(
    (plane, plane + 0xFFFD) for plane in range(0x10000, 0xE0000, 0x10000)
) + ((0xE1000, 0xEFFFD),)


def _kept(ch: str, slash: bool) -> bool:
    if ch in _ASCII_KEPT or (slash and ch == "/"):
        return True
    cp = ord(ch)
    return any(lo <= cp <= hi for lo, hi in _UCSCHAR)


def encode(text: str, slash: bool = False) -> str:
    """Percent-encode what an IRI path cannot hold; keep ``/`` only when ``slash`` is set."""
    return "".join(
        ch if _kept(ch, slash) else "".join(f"%{b:02X}" for b in ch.encode("utf-8", "surrogatepass"))
        for ch in text
    )


def entity_iri(entity: Entity | str) -> URIRef:
    """The IRI of an entity, from its id (``Organization/工业和信息化部``)."""
    eid = entity.id if isinstance(entity, Entity) else entity
    return URIRef(BASE + encode(eid, slash=True))


def document_iri(name: str) -> URIRef:
    return URIRef(f"{BASE}doc/{encode(name)}")


def graph_iri(name: str) -> URIRef:
    """The named graph holding what one document says (outside the id space: a graph is not a thing)."""
    return URIRef(f"{GRAPH_BASE}{encode(name)}")


def span_iri(span: Span) -> URIRef:
    """A stretch of a document: the same span is one node, whoever points at it."""
    return URIRef(f"{BASE}span/{encode(span.doc)}/{span.start}-{span.end}")


def position_selector_iri(span: Span) -> URIRef:
    return URIRef(f"{span_iri(span)}#position")


def quote_selector_iri(span: Span) -> URIRef:
    return URIRef(f"{span_iri(span)}#quote")


def statement_iri(relation: Relation) -> URIRef:
    """The reified relation; hashed because entity ids may hold any character, ``/`` included."""
    digest = hashlib.sha256("\x1f".join(relation.key).encode("utf-8")).hexdigest()[:16]
    return URIRef(f"{BASE}statement/{encode(relation.predicate)}/{digest}")


def role_iri(title: str) -> URIRef:
    return URIRef(f"{BASE}role/{encode(title)}")


def metric_iri(metric: Metric | str) -> URIRef:
    mid = metric.id if isinstance(metric, Metric) else metric
    return URIRef(f"{BASE}metric/{encode(mid, slash=True)}")
