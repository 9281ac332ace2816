"""``kg push --sparql``: the merged graph into one named graph of a SPARQL server, all or nothing.

Triples go up in batches into a fresh temporary graph (Graph Store Protocol ``POST`` when a
graph-store URL is given, else SPARQL Update ``INSERT DATA``); then one update,
``MOVE <temporary> TO <graph>``, replaces the target in the server's own transaction. Until
that update the target graph is untouched, so a failure never leaves half of a new graph
behind. RDF graphs are sets and ours hold no blank nodes, so a batch sent twice after a lost
answer adds nothing: every request can be retried, with a doubling wait between tries.
"""
from __future__ import annotations

import base64
import re
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass
from pathlib import Path

from ..errors import E_PUSH, error
from ..iris import GRAPH_BASE

__all__ = ["DEFAULT_GRAPH", "Server", "Pushed", "store_triples", "push_sparql"]

DEFAULT_GRAPH = GRAPH_BASE.rstrip("/")  # beside, never equal to, a document's graph IRI
BATCH = 10_000  # triples a request: about 2 MB of N-Triples
_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|^`\\]*\Z")
_RETRIED = {408, 429, 500, 502, 503, 504}


@dataclass(frozen=True)
class Server:
    update: str  # the SPARQL Update endpoint
    graph_store: str | None = None  # the Graph Store Protocol endpoint, if the server has one
    user: str | None = None
    password: str | None = None
    retries: int = 3  # tries after the first
    backoff: float = 1.0  # seconds before the first retry, doubled for each next one
    timeout: float = 120.0


@dataclass(frozen=True)
class Pushed:
    triples: int
    batches: int
    graph: str
    seconds: float


def store_triples(out: str | Path) -> list[bytes]:
    """The merged graph of ``out``'s store as N-Triples lines."""
    from pyoxigraph import DefaultGraph, RdfFormat

    from ..store import open_store

    data = open_store(out).dump(format=RdfFormat.N_TRIPLES, from_graph=DefaultGraph())
    return [line for line in data.splitlines() if line.strip()]


def _check_iri(iri: str) -> str:
    if not _IRI.match(iri):
        raise error(E_PUSH, f"not an absolute IRI: {iri!r}")
    return iri


def _send(server: Server, url: str, body: bytes, content_type: str, what: str) -> None:
    """POST ``body``; retry what may pass on a second try, say clearly what will not."""
    headers = {"Content-Type": content_type}
    if server.user is not None:
        token = base64.b64encode(f"{server.user}:{server.password or ''}".encode("utf-8")).decode("ascii")
        headers["Authorization"] = f"Basic {token}"
    for attempt in range(server.retries + 1):
        try:
            with urllib.request.urlopen(urllib.request.Request(url, body, headers, method="POST"),
                                        timeout=server.timeout) as answer:
                answer.read()
            return
        except urllib.error.HTTPError as exc:
            detail = exc.read(500).decode("utf-8", "replace").strip()
            if exc.code not in _RETRIED or attempt == server.retries:
                hint = " (check --user and --password)" if exc.code in (401, 403) else ""
                raise error(E_PUSH, f"{url} refused {what}: HTTP {exc.code} {exc.reason}{hint}"
                                    + (f": {detail}" if detail else "")) from None
        except (urllib.error.URLError, OSError) as exc:
            if attempt == server.retries:
                reason = getattr(exc, "reason", exc)
                raise error(E_PUSH, f"cannot reach {url} ({reason}); tried {attempt + 1} times") from None
        time.sleep(server.backoff * 2 ** attempt)


def _update(server: Server, text: str, what: str) -> None:
    _send(server, server.update, text.encode("utf-8"), "application/sparql-update", what)


def _upload(server: Server, lines: list[bytes], graph: str, batch: int) -> int:
    batches = 0
    for i in range(0, len(lines), batch):
        chunk = b"\n".join(lines[i:i + batch]) + b"\n"
        what = f"batch {batches + 1} ({len(chunk)} bytes)"
        if server.graph_store:
            sep = "&" if "?" in server.graph_store else "?"
            url = f"{server.graph_store}{sep}{urllib.parse.urlencode({'graph': graph})}"
            _send(server, url, chunk, "application/n-triples", what)
        else:
            body = f"INSERT DATA {{ GRAPH <{graph}> {{\n".encode("utf-8") + chunk + b"} }"
            _send(server, server.update, body, "application/sparql-update", what)
        batches += 1
    return batches


def push_sparql(lines: list[bytes], server: Server, graph: str = DEFAULT_GRAPH, batch: int = BATCH) -> Pushed:
    """Replace named graph ``graph`` on ``server`` by the N-Triples ``lines``, all at once."""
    t0 = time.perf_counter()
    _check_iri(graph)
    if not lines:
        raise error(E_PUSH, "nothing to push: the graph is empty")
    temporary = f"urn:kg-push:{uuid.uuid4()}"
    try:
        batches = _upload(server, lines, temporary, batch)
        _update(server, f"MOVE <{temporary}> TO <{graph}>", f"the swap into <{graph}>")
    except BaseException:
        try:  # one try at cleaning up; the target graph is untouched either way
            _update(Server(server.update, user=server.user, password=server.password, retries=0,
                           timeout=10), f"DROP SILENT GRAPH <{temporary}>", "the clean-up")
        except Exception:
            pass
        raise
    return Pushed(len(lines), batches, graph, time.perf_counter() - t0)
