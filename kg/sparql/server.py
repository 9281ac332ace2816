"""A read-only SPARQL 1.1 Protocol endpoint over the graph store, on the standard library's HTTP server.

``GET /sparql?query=…`` and ``POST /sparql`` (a form with ``query=…`` or an
``application/sparql-query`` body) answer in the format the ``Accept`` header (or a
``format`` parameter) asks for; ``default-graph-uri`` and ``named-graph-uri`` choose the
dataset. Updates are refused (403), and so are SERVICE clauses, which would make the
server fetch other URLs. Each query runs in a worker process (:mod:`.pool`) and is cut at the
timeout; answers past the size cap are refused. ``GET /`` is a page to try queries on.
"""
from __future__ import annotations

import signal
import sys
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from ..errors import E_LISTEN, error
from .execute import calls_service
from .formats import accept_from_format
from .page import CONTENT_SECURITY_POLICY, render_page
from .pool import Answer, QueryPool, Request
from .questions import Question

__all__ = ["SparqlServer", "serve", "ENDPOINT", "MAX_REQUEST_BYTES"]

MAX_REQUEST_BYTES = 1_000_000  # a query larger than this is not a query a person wrote
ENDPOINT = "/sparql"
CLIENT_SECONDS = 30  # the longest a client may stay silent while sending a request or reading an answer


class SparqlServer(ThreadingHTTPServer):
    """The HTTP server, holding the worker pool and the page it serves."""

    daemon_threads = True
    request_queue_size = 128  # the default 5 drops connections under a burst: clients then wait 1 s to retry

    def __init__(self, address: tuple[str, int], pool: QueryPool, questions: list[Question], quiet: bool = False):
        super().__init__(address, _Handler)
        self.pool = pool
        self.page = render_page(questions)
        self.quiet = quiet

    def handle_error(self, request, client_address) -> None:
        """A client that hangs up before its answer is sent is no server error: no traceback."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}{ENDPOINT}"


class _Handler(BaseHTTPRequestHandler):
    server: SparqlServer
    server_version = "kg-sparql"
    protocol_version = "HTTP/1.1"
    timeout = CLIENT_SECONDS  # then a slow (slowloris) or idle client's connection is closed, its thread freed

    def log_message(self, format: str, *args) -> None:
        if not self.server.quiet:
            super().log_message(format, *args)

    def _send(self, answer: Answer, extra: dict[str, str] | None = None) -> None:
        self.send_response(answer.status)
        self.send_header("Content-Type", answer.content_type)
        self.send_header("Content-Length", str(len(answer.body)))
        self.send_header("X-Content-Type-Options", "nosniff")  # an answer is shown as its type says, never as HTML
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(answer.body)

    def _refuse(self, status: HTTPStatus, message: str, extra: dict[str, str] | None = None) -> None:
        self._send(Answer.text(status, message), extra)

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        if url.path == "/":
            self._send(Answer(200, "text/html; charset=utf-8", self.server.page),
                       {"Content-Security-Policy": CONTENT_SECURITY_POLICY})
        elif url.path == ENDPOINT:
            self._query(parse_qs(url.query, keep_blank_values=True))
        else:
            self._refuse(HTTPStatus.NOT_FOUND, f"nothing here: the SPARQL endpoint is {ENDPOINT}")

    do_HEAD = do_GET

    def do_POST(self) -> None:
        url = urlsplit(self.path)
        if url.path != ENDPOINT:
            self._refuse(HTTPStatus.NOT_FOUND, f"nothing here: the SPARQL endpoint is {ENDPOINT}")
            return
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if length < 0:
            self._refuse(HTTPStatus.BAD_REQUEST, "a POST needs a Content-Length")
            return
        if length > MAX_REQUEST_BYTES:
            self.close_connection = True  # the body stays unread
            self._refuse(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"requests are limited to {MAX_REQUEST_BYTES:,} bytes")
            return
        try:
            body = self.rfile.read(length).decode("utf-8")
        except UnicodeDecodeError:
            self._refuse(HTTPStatus.BAD_REQUEST, "the request body is not UTF-8")
            return
        params = parse_qs(url.query, keep_blank_values=True)
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if kind == "application/x-www-form-urlencoded":
            for key, values in parse_qs(body, keep_blank_values=True).items():
                params.setdefault(key, []).extend(values)
        elif kind == "application/sparql-query":
            params["query"] = [body]
        elif kind == "application/sparql-update":
            params["update"] = [body]
        else:
            self._refuse(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "send application/sparql-query or a "
                         "application/x-www-form-urlencoded form")
            return
        self._query(params)

    def _not_allowed(self) -> None:
        self._refuse(HTTPStatus.METHOD_NOT_ALLOWED, "this endpoint is read-only: GET or POST a query",
                     {"Allow": "GET, HEAD, POST"})

    do_PUT = do_DELETE = do_PATCH = _not_allowed

    def _query(self, params: dict[str, list[str]]) -> None:
        if "update" in params:
            self._refuse(HTTPStatus.FORBIDDEN, "this endpoint is read-only: SPARQL Update is refused")
            return
        queries = params.get("query", [])
        if len(queries) != 1 or not queries[0].strip():
            self._refuse(HTTPStatus.BAD_REQUEST, "give exactly one query: ?query=…")
            return
        if calls_service(queries[0]):
            self._refuse(HTTPStatus.FORBIDDEN, "SERVICE is refused: this endpoint does not query other endpoints")
            return
        accept = accept_from_format(params["format"]) if params.get("format") else self.headers.get("Accept")
        request = Request(queries[0], accept, tuple(params.get("default-graph-uri", ())),
                          tuple(params.get("named-graph-uri", ())))
        self._send(self.server.pool.answer(request))


def _interrupt(signum: int, frame) -> None:
    raise KeyboardInterrupt


def serve(pool: QueryPool, host: str, port: int, questions: list[Question], quiet: bool = False) -> None:
    """Answer until interrupted (Ctrl-C or SIGTERM); the first line on stderr gives the endpoint's URL."""
    try:
        server = SparqlServer((host, port), pool, questions, quiet)
    except OSError as exc:
        raise error(E_LISTEN, f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    signal.signal(signal.SIGTERM, _interrupt)  # stop as on Ctrl-C: the pool then stops its workers
    with server:
        print(f"kg: SPARQL endpoint at {server.url} (page at {server.url[:-len(ENDPOINT)]}/)", file=sys.stderr,
              flush=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
