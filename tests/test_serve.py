"""``kg serve``: the SPARQL 1.1 Protocol over loopback, with SPARQLWrapper and with plain HTTP.

One real server (a ``kg serve`` process on a free port) answers every test here: formats by
content negotiation, read-only refusals, the page, the size cap, a runaway query cut at the
timeout while others are answered, and 8 clients × 200 queries with no error.
"""
from __future__ import annotations

import csv
import io
import json
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from SPARQLWrapper import CSV, JSON, JSONLD, N3, TSV, TURTLE, XML, SPARQLWrapper

from kg.iris import graph_iri
from kg.sparql.questions import QUERIES, load_questions

TIMEOUT = 2.0  # seconds the server lets a query run
LOAD_TIMEOUT = 10.0  # for the load test: generous, so a slow 2-core machine does not cut its queries
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # 10^14 rows: hours
OFFICIALS = (QUERIES / "01_officials_at_ministry.rq").read_text(encoding="utf-8")
KGO = "https://w3id.org/kg-cn/ontology#"


def _endpoint_url(proc: subprocess.Popen, seconds: float = 60.0) -> str:
    """The URL ``kg serve`` gives on its first stderr line, read with a deadline so a stuck server fails the test."""
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.append(proc.stderr.readline()), daemon=True)
    reader.start()
    reader.join(seconds)
    if not lines or "SPARQL endpoint at http://127.0.0.1:" not in lines[0]:
        proc.kill()
        reader.join(10)
        pytest.fail(f"kg serve gave no endpoint within {seconds:g} s: {''.join(lines)}{proc.stderr.read()}")
    return lines[0].split(" at ")[1].split()[0]


def _serve(out: Path, timeout: float):
    """A ``kg serve`` process on ``out`` (3 workers, ``timeout`` s, 1 MB cap): yields its URL, then
    stops it and checks that it logged no traceback."""
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", "-s", str(out), "--port", "0", "-q",
                             "--workers", "3", "--timeout", str(timeout), "--max-result-mb", "1"],
                            stderr=subprocess.PIPE, text=True)
    url = _endpoint_url(proc)
    log: list[str] = []
    threading.Thread(target=lambda: log.extend(proc.stderr), daemon=True).start()
    yield url
    proc.terminate()
    proc.wait(timeout=10)
    assert not [line for line in log if "Traceback" in line], "".join(log)


@pytest.fixture(scope="module")
def endpoint(seeds_out: Path):
    """The URL of a ``kg serve`` process on the seeds' store, queries cut at 2 s."""
    yield from _serve(seeds_out, TIMEOUT)


@pytest.fixture(scope="module")
def loaded_endpoint(seeds_out: Path):
    """The same with a generous timeout, for the load test."""
    yield from _serve(seeds_out, LOAD_TIMEOUT)


def _http(url: str, data: bytes | None = None, headers: dict[str, str] | None = None,
          method: str | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=60) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def _get(endpoint: str, query: str, accept: str | None = None, **params: str):
    url = f"{endpoint}?{urllib.parse.urlencode({'query': query, **params})}"
    return _http(url, headers={"Accept": accept} if accept else None)


def _wrapper(endpoint: str, query: str, fmt: str, method: str = "GET") -> SPARQLWrapper:
    client = SPARQLWrapper(endpoint)
    client.setQuery(query)
    client.setReturnFormat(fmt)
    client.setMethod(method)
    return client


def test_serve_sparqlwrapper_select_in_every_results_format(endpoint):
    rows = _wrapper(endpoint, OFFICIALS, JSON).queryAndConvert()["results"]["bindings"]
    assert any(r["official"]["value"] == "金壮龙" and r["title"]["value"] == "部长" for r in rows)
    xml = _wrapper(endpoint, OFFICIALS, XML, "POST").queryAndConvert()  # a DOM document
    assert len(xml.getElementsByTagName("result")) == len(rows)
    table = list(csv.reader(io.StringIO(_wrapper(endpoint, OFFICIALS, CSV).queryAndConvert().decode("utf-8"))))
    assert table[0] == ["official", "title", "unit"] and len(table) == len(rows) + 1
    tsv = _wrapper(endpoint, OFFICIALS, TSV).queryAndConvert().decode("utf-8").splitlines()
    assert tsv[0] == "?official\t?title\t?unit" and len(tsv) == len(rows) + 1
    assert _wrapper(endpoint, "ASK { ?p a kgo:Person }", JSON).queryAndConvert() == {"head": {}, "boolean": True}


def test_serve_sparqlwrapper_graphs_in_turtle_ntriples_jsonld(endpoint):
    query = 'CONSTRUCT { ?p skos:prefLabel ?n } WHERE { ?p a kgo:Person ; skos:prefLabel ?n }'
    jin = (URIRef("https://w3id.org/kg-cn/id/Person/金壮龙"), URIRef("http://www.w3.org/2004/02/skos/core#prefLabel"),
           Literal("金壮龙", lang="zh"))
    turtle = Graph().parse(data=_wrapper(endpoint, query, TURTLE).queryAndConvert(), format="turtle")
    assert jin in turtle and len(turtle) > 10
    jsonld = _wrapper(endpoint, query, JSONLD).queryAndConvert()  # SPARQLWrapper parses it into a Graph
    assert jin in jsonld and len(jsonld) == len(turtle)
    status, headers, body = _get(endpoint, query, "application/n-triples")
    assert status == 200 and headers["Content-Type"] == "application/n-triples"
    assert len(Graph().parse(data=body.decode("utf-8"), format="nt")) == len(turtle)
    n3 = _wrapper(endpoint, f"DESCRIBE <{jin[0]}>", N3).queryAndConvert()  # Accept lists Turtle first
    assert jin in Graph().parse(data=n3, format="turtle")


def test_serve_plain_http_negotiates_by_accept_and_format(endpoint):
    cases = {"application/sparql-results+json": "application/sparql-results+json",
             "application/sparql-results+xml": "application/sparql-results+xml",
             "text/csv": "text/csv; charset=utf-8",
             "text/tab-separated-values;q=0.9, text/html;q=0.1": "text/tab-separated-values; charset=utf-8",
             "text/html": "application/sparql-results+json",  # nothing acceptable: the default
             None: "application/sparql-results+json"}
    for accept, expected in cases.items():
        status, headers, _ = _get(endpoint, OFFICIALS, accept)
        assert (status, headers["Content-Type"]) == (200, expected), accept
    status, headers, body = _get(endpoint, OFFICIALS, "application/json", format="csv")
    assert headers["Content-Type"].startswith("text/csv") and body.startswith(b"official,title,unit")
    construct = "CONSTRUCT WHERE { ?e a kgo:Event }"
    assert _get(endpoint, construct, "application/ld+json")[1]["Content-Type"] == "application/ld+json"
    assert _get(endpoint, construct)[1]["Content-Type"] == "text/turtle; charset=utf-8"


def test_serve_plain_http_post_form_and_direct(endpoint):
    form = urllib.parse.urlencode({"query": OFFICIALS}).encode("ascii")
    a = _http(endpoint, form, {"Content-Type": "application/x-www-form-urlencoded", "Accept": "text/csv"})
    b = _http(endpoint, OFFICIALS.encode("utf-8"), {"Content-Type": "application/sparql-query", "Accept": "text/csv"})
    assert a[0] == b[0] == 200 and a[2] == b[2] and "金壮龙".encode("utf-8") in a[2]
    assert _http(endpoint, b"query=x", {"Content-Type": "text/plain"})[0] == 415


def test_serve_dataset_from_graph_parameters(endpoint):
    count = "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a kgo:Person }"
    one = str(graph_iri("002_7070a237dd8e7fa7.txt"))
    merged = int(json.loads(_get(endpoint, count)[2])["results"]["bindings"][0]["n"]["value"])
    alone = json.loads(_get(endpoint, count, **{"default-graph-uri": one})[2])
    assert 0 < int(alone["results"]["bindings"][0]["n"]["value"]) < merged
    named = json.loads(_get(endpoint, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
                            **{"named-graph-uri": one})[2])
    assert [b["g"]["value"] for b in named["results"]["bindings"]] == [one]


def test_serve_is_read_only(endpoint):
    insert = f"INSERT DATA {{ <urn:x> a <{KGO}Person> }}"
    client = _wrapper(endpoint, insert, JSON, "POST")
    assert client.isSparqlUpdateRequest()
    with pytest.raises(urllib.error.HTTPError) as refused:
        client.query()
    assert refused.value.code == 403
    assert _http(endpoint, insert.encode("utf-8"), {"Content-Type": "application/sparql-update"})[0] == 403
    assert _get(endpoint, insert)[0] == 400  # an update is no query
    assert _http(endpoint, b"", method="PUT")[0] == 405
    assert _wrapper(endpoint, "ASK { <urn:x> ?p ?o }", JSON).queryAndConvert()["boolean"] is False


def test_serve_refuses_service_and_reports_malformed_queries(endpoint):
    status, _, body = _get(endpoint, "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")
    assert status == 403 and b"SERVICE" in body
    status, headers, body = _get(endpoint, "SELECT ?x WHERE {\n ?x kgo:nothing }")
    assert status == 400 and headers["Content-Type"].startswith("text/plain")
    assert "malformed SPARQL query at line 2, column" in body.decode("utf-8")
    assert _get(endpoint, "   ")[0] == 400
    assert _http(endpoint.replace("/sparql", "/nothing"))[0] == 404


def test_serve_caps_result_size(endpoint):
    status, headers, body = _get(endpoint, "SELECT * WHERE { ?s ?p ?o }")  # 7 MB of JSON on the seeds
    assert status == 422 and b"cap" in body
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert _get(endpoint, "SELECT * WHERE { ?s ?p ?o } LIMIT 100")[0] == 200


def test_serve_page_has_query_box_and_saved_questions(endpoint):
    status, headers, body = _http(endpoint.replace("/sparql", "/"))
    page = body.decode("utf-8")
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    assert "script-src 'sha256-" in headers["Content-Security-Policy"]
    assert '<textarea name="query"' in page and 'action="sparql"' in page
    for question in load_questions(QUERIES):
        assert question.title.replace("&", "&amp;") in page and f"{question.name}.rq" in page


def test_serve_cuts_a_runaway_query_and_keeps_answering(endpoint):
    slow: dict[str, object] = {}

    def runaway() -> None:
        t0 = time.perf_counter()
        slow["answer"] = _get(endpoint, RUNAWAY)
        slow["seconds"] = time.perf_counter() - t0

    thread = threading.Thread(target=runaway)
    thread.start()
    time.sleep(0.3)
    answered_meanwhile = 0
    while thread.is_alive() and answered_meanwhile < 50:
        status, _, body = _get(endpoint, "ASK { ?p a kgo:Person }", "application/json")
        assert (status, json.loads(body)["boolean"]) == (200, True)
        answered_meanwhile += 1
    thread.join()
    status, _, body = slow["answer"]
    assert status == 503 and b"cut at the 2 s timeout" in body  # cut, not refused as busy
    assert TIMEOUT <= slow["seconds"] < TIMEOUT + 10
    assert answered_meanwhile >= 5  # others were answered while the runaway ran
    time.sleep(1.0)  # the killed worker's replacement starts
    answers = [(s, b) for s, _, b in ThreadPoolExecutor(3).map(lambda _: _get(endpoint, RUNAWAY), range(3))]
    for status, body in answers:  # every worker, replacements included, is cut again
        assert status == 503 and b"cut at the 2 s timeout" in body, body
    assert _get(endpoint, OFFICIALS)[0] == 200


def test_serve_under_load_eight_clients_two_hundred_queries_each(loaded_endpoint):
    questions = [q.text for q in load_questions(QUERIES)]

    def client(n: int) -> list[str]:
        errors = []
        for i in range(200):
            query = questions[(n + i) % len(questions)]
            try:
                answer = _wrapper(loaded_endpoint, query, JSON, "POST" if i % 2 else "GET").queryAndConvert()
                if not answer["results"]["bindings"]:
                    errors.append(f"client {n} query {i}: no rows")
            except Exception as exc:  # any failure is a load-test error to report, not to stop on
                errors.append(f"client {n} query {i}: {exc!r}")
        return errors

    with ThreadPoolExecutor(8) as pool:
        errors = [e for found in pool.map(client, range(8)) for e in found]
    assert errors == []


@pytest.mark.parametrize("option", [("--timeout", "nan"), ("--timeout", "inf"), ("--timeout", "0"),
                                    ("--max-result-mb", "1e-9"), ("--max-result-mb", "inf")])
def test_serve_refuses_timeouts_and_caps_that_mean_nothing(seeds_out, option):
    r = subprocess.run([sys.executable, "-m", "kg.cli", "serve", "-s", str(seeds_out), "--port", "0", *option],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and "E011" in r.stderr and option[0] in r.stderr and "Traceback" not in r.stderr


def test_pool_replaces_a_worker_whose_request_failed_to_send(seeds_out):
    """A request that cannot be sent raises, and the worker taken for it is not lost to the pool."""
    from kg.sparql.pool import QueryPool, Request

    with QueryPool(seeds_out, workers=1, timeout=30) as pool:
        with pytest.raises(Exception):
            pool.answer(Request(lambda: None))  # type: ignore[arg-type]  # not picklable
        assert pool.answer(Request("ASK { ?p a kgo:Person }", "application/json")).status == 200


def _workers_of(out: Path) -> list[str]:
    """Pids of live query worker processes serving ``out``."""
    pids = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            args = cmdline.read_bytes().split(b"\0")
        except OSError:
            continue
        if b"kg.sparql.worker" in args and str(out).encode() in args:
            pids.append(cmdline.parent.name)
    return pids


def test_serve_stops_its_workers_on_sigterm_and_reports_a_busy_port(seeds_out, tmp_path):
    out = tmp_path / "copy"
    shutil.copytree(seeds_out, out)  # a path of its own, so only this server's workers match
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", "-s", str(out), "--port", "0", "-q",
                             "--workers", "2"], stderr=subprocess.PIPE, text=True)
    url = _endpoint_url(proc)
    assert len(_workers_of(out)) == 2
    port = int(url.split(":")[2].split("/")[0])
    busy = subprocess.run([sys.executable, "-m", "kg.cli", "serve", "-s", str(out), "--port", str(port)],
                          capture_output=True, text=True, timeout=60)
    assert busy.returncode == 2 and "E013" in busy.stderr and "Traceback" not in busy.stderr
    proc.terminate()
    assert proc.wait(timeout=10) == 0
    assert _workers_of(out) == []
    with socket.socket() as s:
        s.bind(("127.0.0.1", port))  # the port is free again


def test_serve_page_runs_a_saved_question_in_chromium(endpoint):
    from playwright.sync_api import expect, sync_playwright

    chromium = Path("/usr/bin/chromium")
    if not chromium.exists():
        pytest.fail(f"{chromium} is absent: install Debian's chromium package")
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
             "--disable-component-update", "--disable-sync"]
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(chromium), headless=True, args=flags)
        try:
            page = browser.new_page()
            problems: list[str] = []
            page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
            page.on("dialog", lambda d: (problems.append("dialog: " + d.message), d.dismiss()))
            page.goto(endpoint.replace("/sparql", "/"))
            page.get_by_role("button", name=load_questions(QUERIES)[4].title).click()  # 05: meeting participants
            page.get_by_role("button", name="Run").click()
            page.wait_for_selector("#out table td")
            cells = page.locator("#out td").all_text_contents()
            assert "金壮龙" in cells and "rows" in page.locator("#note").text_content()
            page.locator("textarea").fill('SELECT ("<img src=x onerror=alert(1)>" AS ?x) {}')
            page.get_by_role("button", name="Run").click()
            expect(page.locator("#out td")).to_have_text(["<img src=x onerror=alert(1)>"])  # as text, not markup
            assert page.locator("#out img").count() == 0
        finally:
            browser.close()
    assert problems == []
