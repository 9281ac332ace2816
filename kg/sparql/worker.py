"""One query worker: a process that opens the store read-only and answers requests over a socket.

Started by :class:`kg.sparql.pool.QueryPool` as ``python -m kg.sparql.worker FD OUT MAX_BYTES``
(FD: its end of a socket pair). A plain subprocess rather than multiprocessing: nothing of
the parent's ``__main__`` is imported again, and killing it is all it takes to cut a query.
"""
from __future__ import annotations

import signal
import sys
from dataclasses import dataclass
from multiprocessing.connection import Connection

from ..errors import KgError

__all__ = ["Request", "Answer", "execute"]

_TEXT = "text/plain; charset=utf-8"


@dataclass(frozen=True)
class Request:
    query: str
    accept: str | None = None  # an Accept header: which result format to write
    default_graphs: tuple[str, ...] = ()  # IRIs of graphs to query as the default graph
    named_graphs: tuple[str, ...] = ()  # IRIs of the graphs GRAPH may reach


@dataclass(frozen=True)
class Answer:
    status: int  # an HTTP status code
    content_type: str
    body: bytes

    @classmethod
    def text(cls, status: int, message: str) -> "Answer":
        return cls(status, _TEXT, (message + "\n").encode("utf-8"))


def execute(store, request: Request, max_bytes: int | None) -> Answer:
    """Run ``request`` on ``store`` and write its answer in the negotiated format."""
    from pyoxigraph import NamedNode

    from .execute import run_query
    from .formats import ResultTooLarge, formats_for, negotiate, write

    options = {}
    try:
        if request.default_graphs:
            options["default_graph"] = [NamedNode(iri) for iri in request.default_graphs]
        if request.named_graphs:
            options["named_graphs"] = [NamedNode(iri) for iri in request.named_graphs]
    except ValueError as exc:
        return Answer.text(400, f"bad graph IRI: {exc}")
    try:
        result = run_query(store, request.query, **options)
        fmt = negotiate(request.accept, formats_for(result))
        return Answer(200, fmt.content_type, write(result, fmt, max_bytes))
    except KgError as exc:
        return Answer.text(400, str(exc))
    except ResultTooLarge as exc:
        return Answer.text(422, str(exc))
    except (OSError, ValueError, TypeError) as exc:  # evaluation errors pyoxigraph reports
        return Answer.text(500, f"the query failed: {exc}")


def serve(conn: Connection, out: str, max_bytes: int | None) -> None:
    """Open the store, say so, then answer requests until the socket closes."""
    from ..store import open_store

    try:
        store = open_store(out)
    except KgError as exc:
        conn.send(("failed", str(exc)))
        return
    conn.send(("ready", ""))
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(execute(store, request, max_bytes))


if __name__ == "__main__":
    from kg.sparql.worker import serve as _serve  # by its package name, so answers unpickle as kg's classes

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole terminal group: the pool stops us
    fd, out, limit = sys.argv[1:4]
    _serve(Connection(int(fd)), out, int(limit) or None)
