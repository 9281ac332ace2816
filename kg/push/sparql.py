"""``kg push --sparql``: the merged graph into one named graph of a SPARQL server, all or nothing.

Triples go up in batches into a fresh temporary graph (Graph Store Protocol ``POST`` when a
graph-store URL is given, else SPARQL Update ``INSERT DATA``); then one update,
``MOVE <temporary> TO <graph>``, replaces the target in the server's own transaction. Until
that update the target graph is untouched, so a failure never leaves half of a new graph
behind. RDF graphs are sets and ours hold no blank nodes, so a batch sent twice after a lost
answer adds nothing: every upload request is retried, with a doubling wait between tries.
MOVE is not: sent again after it ran, it would move an empty graph over the new one. When its
answer is lost or an error, the query endpoint (:func:`_query_url`) is asked whether the target
holds the new triples and the temporary graph is gone; if so the push succeeded.
"""
from __future__ import annotations

import base64
import dataclasses
import http.client
import json
import re
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass
from pathlib import Path

from ..errors import E_PUSH, KgError, error
from ..iris import GRAPH_BASE
from .urls import without_password

__all__ = ["DEFAULT_GRAPH", "Server", "Pushed", "check_server", "store_triples", "push_sparql"]

DEFAULT_GRAPH = GRAPH_BASE.rstrip("/")  # beside, never equal to, a document's graph IRI
BATCH = 10_000  # triples a request: about 2 MB of N-Triples
_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|^`\\]*\Z")
_RETRIED = {408, 429, 500, 502, 503, 504}


@dataclass(frozen=True)
class Server:
    update: str  # the SPARQL Update endpoint
    graph_store: str | None = None  # the Graph Store Protocol endpoint, if the server has one
    query: str | None = None  # the SPARQL query endpoint; default: see _query_url
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


def check_server(server: Server) -> Server:
    """``server`` with http(s) URLs only, and a ``user:password@`` in them moved to basic auth."""
    urls = {}
    user, password = server.user, server.password
    for field in ("update", "graph_store", "query"):
        url = getattr(server, field)
        if url is None:
            continue
        try:
            parts = urllib.parse.urlsplit(url)
            hostname, port = parts.hostname, parts.port
        except ValueError as exc:
            raise error(E_PUSH, f"bad URL {without_password(url)}: {exc}") from None
        if parts.scheme not in ("http", "https") or not hostname:
            raise error(E_PUSH, f"not an http:// or https:// URL: {without_password(url)} "
                                "(e.g. http://127.0.0.1:7878/update)")
        if parts.username is not None:
            user = user if user is not None else urllib.parse.unquote(parts.username)
            password = password if password is not None else urllib.parse.unquote(parts.password or "")
            netloc = (f"[{hostname}]" if ":" in hostname else hostname) + (f":{port}" if port else "")
            url = parts._replace(netloc=netloc).geturl()
        urls[field] = url
    return dataclasses.replace(server, user=user, password=password, **urls)


def _query_url(server: Server) -> str:
    """Where to ask what the server holds: ``query``, else …/query beside …/update, else the update URL
    (Virtuoso answers both on one)."""
    if server.query:
        return server.query
    return server.update[:-len("update")] + "query" if server.update.endswith("/update") else server.update


def _send(server: Server, url: str, body: bytes, content_type: str, what: str,
          accept: str | None = None) -> bytes:
    """POST ``body``; retry what may pass on a second try, say clearly what will not."""
    headers = {"Content-Type": content_type, **({"Accept": accept} if accept else {})}
    if server.user is not None:
        token = base64.b64encode(f"{server.user}:{server.password or ''}".encode("utf-8")).decode("ascii")
        headers["Authorization"] = f"Basic {token}"
    for attempt in range(server.retries + 1):
        try:
            with urllib.request.urlopen(urllib.request.Request(url, body, headers, method="POST"),
                                        timeout=server.timeout) as answer:
                return answer.read()
        except urllib.error.HTTPError as exc:
            detail = exc.read(500).decode("utf-8", "replace").strip()
            if exc.code not in _RETRIED or attempt == server.retries:
                hint = " (check --user and --password)" if exc.code in (401, 403) else ""
                raise error(E_PUSH, f"{url} refused {what}: HTTP {exc.code} {exc.reason}{hint}"
                                    + (f": {detail}" if detail else "")) from None
        except (urllib.error.URLError, OSError, http.client.HTTPException) as exc:
            if attempt == server.retries:
                reason = getattr(exc, "reason", None) or f"{type(exc).__name__}: {exc}"
                raise error(E_PUSH, f"cannot reach {url} ({reason}); tried {attempt + 1} times") from None
        except ValueError as exc:  # a URL urllib cannot use
            raise error(E_PUSH, f"cannot send to {without_password(url)}: {exc}") from None
        time.sleep(server.backoff * 2 ** attempt)
    raise AssertionError("unreachable: the last try returns or raises")


def _update(server: Server, text: str, what: str) -> None:
    _send(server, server.update, text.encode("utf-8"), "application/sparql-update", what)


def _moved(server: Server, temporary: str, graph: str, triples: int) -> bool:
    """Whether ``MOVE <temporary> TO <graph>`` ran: the target holds ``triples`` and the temporary graph is gone."""
    url = _query_url(server)
    query = (f"SELECT (COUNT(*) AS ?n) (SUM(IF(?g = <{temporary}>, 1, 0)) AS ?left) WHERE {{ "
             f"VALUES ?g {{ <{graph}> <{temporary}> }} GRAPH ?g {{ ?s ?p ?o }} }}")
    try:
        body = _send(dataclasses.replace(server, retries=2), url, query.encode("utf-8"),
                     "application/sparql-query", "the check of the swap", "application/sparql-results+json")
        row = json.loads(body)["results"]["bindings"][0]
        return int(row["n"]["value"]) == triples and int(row.get("left", {}).get("value", "0")) == 0
    except (KgError, ValueError, KeyError, IndexError, TypeError):
        return False


def _swap(server: Server, temporary: str, graph: str, triples: int) -> None:
    """MOVE once; if its answer is lost or an error, success still if the server shows the move done."""
    try:
        _update(dataclasses.replace(server, retries=0), f"MOVE <{temporary}> TO <{graph}>", f"the swap into <{graph}>")
    except KgError:
        if not _moved(server, temporary, graph, triples):
            raise


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
    server = check_server(server)
    _check_iri(graph)
    if not lines:
        raise error(E_PUSH, "nothing to push: the graph is empty")
    temporary = f"urn:kg-push:{uuid.uuid4()}"
    try:
        batches = _upload(server, lines, temporary, batch)
        _swap(server, temporary, graph, len(lines))
    except BaseException:
        try:  # one try at cleaning up; the target graph is untouched either way
            _update(Server(server.update, user=server.user, password=server.password, retries=0,
                           timeout=10), f"DROP SILENT GRAPH <{temporary}>", "the clean-up")
        except Exception:
            pass
        raise
    return Pushed(len(lines), batches, graph, time.perf_counter() - t0)
