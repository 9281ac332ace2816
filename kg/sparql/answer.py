"""What ``kg query`` prints: an answer as an aligned table, or as SPARQL results in CSV, TSV or JSON.

A graph (CONSTRUCT, DESCRIBE) prints as subject/predicate/object rows, sorted, in every
format but JSON, where it is JSON-LD.
"""
from __future__ import annotations

from pyoxigraph import Quad, QueryBoolean, QuerySolutions, QueryTriples, Store

from .formats import GRAPHS, RESULTS, write
from .table import render, term_text

__all__ = ["answer_bytes"]

_RESULTS = {f.name: f for f in RESULTS}
_JSON_LD = next(f for f in GRAPHS if f.name == "jsonld")


def _as_rows(triples: QueryTriples) -> QuerySolutions:
    """A graph as solutions of ``?subject ?predicate ?object``, in a stable order."""
    store = Store()
    store.extend(Quad(t.subject, t.predicate, t.object) for t in triples)
    return store.query("SELECT ?subject ?predicate ?object WHERE { ?subject ?predicate ?object } "
                       "ORDER BY ?subject ?predicate ?object")


def _ended(data: bytes) -> bytes:
    return data if data.endswith(b"\n") else data + b"\n"


def answer_bytes(result: QuerySolutions | QueryBoolean | QueryTriples, fmt: str, width: int = 0) -> tuple[bytes, str]:
    """The answer in ``fmt`` (table, csv, tsv, json) and a note for stderr (how many rows)."""
    if isinstance(result, QueryTriples):
        if fmt == "json":
            return _ended(write(result, _JSON_LD)), ""
        result = _as_rows(result)
    if isinstance(result, QueryBoolean):
        return (_ended(write(result, _RESULTS[fmt])) if fmt != "table" else
                (b"true\n" if bool(result) else b"false\n")), ""
    if fmt != "table":
        return _ended(write(result, _RESULTS[fmt])), ""
    header = [v.value for v in result.variables]
    rows = [[term_text(term) for term in solution] for solution in result]
    note = f"{len(rows)} row" + ("" if len(rows) == 1 else "s")
    return (render(header, rows, width) + "\n").encode("utf-8"), note
