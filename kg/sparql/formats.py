"""Result formats by media type: content negotiation and writing, with a cap on the size written.

SELECT and ASK answers are SPARQL results (JSON, XML, CSV, TSV); CONSTRUCT and DESCRIBE
answers are graphs (Turtle, N-Triples, JSON-LD, RDF/XML). pyoxigraph writes them all; we
pick the format and stop the writing once it passes the cap.

>>> negotiate("text/csv;q=0.5, application/sparql-results+json", RESULTS).name
'json'
>>> negotiate("application/json", GRAPHS).name
'jsonld'
>>> negotiate("text/html", GRAPHS).name  # nothing acceptable: the default
'turtle'
"""
from __future__ import annotations

import io
from dataclasses import dataclass

import pyoxigraph
from pyoxigraph import QueryResultsFormat, QueryTriples, RdfFormat

from ..ontology import PREFIXES

__all__ = ["Format", "RESULTS", "GRAPHS", "ResultTooLarge", "negotiate", "accept_from_format", "write",
           "formats_for"]


@dataclass(frozen=True)
class Format:
    name: str  # the short name, as in ?format=NAME
    media_types: tuple[str, ...]  # the first is the one we answer with
    writer: QueryResultsFormat | RdfFormat

    @property
    def content_type(self) -> str:
        textual = self.media_types[0].startswith("text/")
        return self.media_types[0] + ("; charset=utf-8" if textual else "")


RESULTS: tuple[Format, ...] = (
    Format("json", ("application/sparql-results+json", "application/json"), QueryResultsFormat.JSON),
    Format("xml", ("application/sparql-results+xml", "application/xml"), QueryResultsFormat.XML),
    Format("csv", ("text/csv",), QueryResultsFormat.CSV),
    Format("tsv", ("text/tab-separated-values",), QueryResultsFormat.TSV),
)
GRAPHS: tuple[Format, ...] = (
    Format("turtle", ("text/turtle", "application/turtle", "application/x-turtle"), RdfFormat.TURTLE),
    Format("ntriples", ("application/n-triples",), RdfFormat.N_TRIPLES),
    Format("jsonld", ("application/ld+json", "application/json"), RdfFormat.JSON_LD),
    Format("rdfxml", ("application/rdf+xml", "application/xml"), RdfFormat.RDF_XML),
)
# Short names a ?format= parameter may give, each read as the media type it stands for.
_SHORT = {"json": "application/json", "xml": "application/xml", "csv": "text/csv",
          "tsv": "text/tab-separated-values", "turtle": "text/turtle", "ttl": "text/turtle",
          "nt": "application/n-triples", "ntriples": "application/n-triples",
          "jsonld": "application/ld+json", "json-ld": "application/ld+json", "rdfxml": "application/rdf+xml"}


class ResultTooLarge(Exception):
    """The answer passed the size cap while being written."""


def _accepted(accept: str) -> list[tuple[str, float]]:
    """(media range, quality) pairs of an Accept header; malformed qualities count as 1."""
    ranges = []
    for part in accept.split(","):
        fields = [f.strip() for f in part.split(";")]
        if not fields[0]:
            continue
        q = 1.0
        for param in fields[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 1.0
        ranges.append((fields[0].lower(), q))
    return ranges


def _match(media_type: str, ranges: list[tuple[str, float]]) -> tuple[float, int]:
    """Quality and specificity (2 exact, 1 ``type/*``, 0 ``*/*``) of the most specific range matching."""
    best = (0.0, -1)
    for media_range, q in ranges:
        if media_range == media_type:
            spec = 2
        elif media_range.endswith("/*") and media_type.startswith(media_range[:-1]):
            spec = 1
        elif media_range == "*/*":
            spec = 0
        else:
            continue
        if spec > best[1]:
            best = (q, spec)
    return best


def negotiate(accept: str | None, formats: tuple[Format, ...]) -> Format:
    """The format the client prefers; the first of ``formats`` when it accepts none (or says nothing)."""
    ranges = _accepted(accept or "*/*")
    scored = []
    for order, fmt in enumerate(formats):
        q, spec = max(_match(m, ranges) for m in fmt.media_types)
        if q > 0:
            scored.append((q, spec, -order, fmt))
    return max(scored, key=lambda s: s[:3])[3] if scored else formats[0]


def accept_from_format(values: list[str]) -> str:
    """``?format=`` values (short names or media types) read as an Accept header."""
    return ", ".join(_SHORT.get(v.strip().lower(), v.strip()) for v in values if v.strip())


def formats_for(result) -> tuple[Format, ...]:
    """The formats a query answer can be written in: results for SELECT and ASK, graphs otherwise."""
    return GRAPHS if isinstance(result, QueryTriples) else RESULTS


class _Capped(io.RawIOBase):
    """A byte buffer that refuses to grow past ``limit`` (``None``: no limit)."""

    def __init__(self, limit: int | None):
        super().__init__()
        self.data = bytearray()
        self.limit = limit

    def writable(self) -> bool:
        return True

    def write(self, chunk) -> int:
        if self.limit is not None and len(self.data) + len(chunk) > self.limit:
            raise ResultTooLarge(f"the answer is larger than the cap of {self.limit:,} bytes: "
                                 "narrow the query or add a LIMIT")
        self.data += chunk
        return len(chunk)


def write(result, fmt: Format, limit: int | None = None) -> bytes:
    """A query answer written in ``fmt``; raises :class:`ResultTooLarge` past ``limit`` bytes."""
    out = _Capped(limit)
    if isinstance(result, QueryTriples):
        pyoxigraph.serialize(result, out, fmt.writer, prefixes=PREFIXES)
    else:
        result.serialize(out, fmt.writer)
    return bytes(out.data)
