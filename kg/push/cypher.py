"""``kg push --cypher``: the graph into FalkorDB (``falkordb://``) or a Bolt server (``bolt://``).

It runs the statements of :mod:`kg.writers.cypher` (the Cypher script's, with ``$rows`` as
a parameter, so no name reaches the query text), then deletes the kg nodes (those with
an IRI under ``https://w3id.org/kg-cn/id/``) and their relationships the graph no longer has. The server then holds exactly the graph, and a
second push changes nothing. On Bolt (Neo4j, Memgraph) everything runs in one transaction;
FalkorDB has no multi-query transactions, so an interrupted push leaves some rows merged
and the next push completes it.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import unquote, urlsplit

from ..errors import E_PUSH, error
from ..iris import BASE
from ..model import PREDICATES, KnowledgeGraph
from ..property_graph import ABOUT, ENTITY, KEY, METRIC, Edge, Node, edges, nodes, relationship_type
from ..writers.cypher import edge_statements, identifier, node_statements
from .urls import without_password

__all__ = ["COUNTERS", "Pushed", "push_cypher"]

COUNTERS = ("nodes_created", "nodes_deleted", "relationships_created", "relationships_deleted")
BOLT_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
DEFAULT_GRAPH = "kg"


@dataclass(frozen=True)
class Pushed:
    nodes: int
    relationships: int
    changes: dict[str, int]  # COUNTERS, summed over the push
    seconds: float


class _Session(Protocol):
    def schema(self) -> None: ...
    def run(self, query: str, params: dict[str, Any]) -> dict[str, int]: ...
    def commit(self) -> None: ...
    def close(self) -> None: ...


class _Falkor:
    """A FalkorDB graph; each query is its own transaction."""

    def __init__(self, host: str, port: int, graph: str, user: str | None, password: str | None):
        from falkordb import FalkorDB

        self.graph = FalkorDB(host=host, port=port, username=user, password=password).select_graph(graph)

    def schema(self) -> None:
        from redis.exceptions import ResponseError

        for label in (ENTITY, METRIC):
            try:
                self.graph.query(f"CREATE INDEX FOR (n:{identifier(label)}) ON (n.{KEY})")
            except ResponseError as exc:
                if "already indexed" not in str(exc):
                    raise

    def run(self, query: str, params: dict[str, Any]) -> dict[str, int]:
        result = self.graph.query(query, params)
        return {name: int(getattr(result, name)) for name in COUNTERS}

    def commit(self) -> None:
        pass  # every query committed on its own

    def close(self) -> None:
        self.graph.client.close()


class _Bolt:
    """A Neo4j or Memgraph database through the official driver, in one transaction."""

    def __init__(self, url: str, database: str | None, user: str | None, password: str | None):
        from neo4j import GraphDatabase

        self.driver = GraphDatabase.driver(url, auth=(user, password or "") if user else None)
        self.driver.verify_connectivity()
        self.database = database
        self.session = None
        self.tx = None

    def schema(self) -> None:
        neo4j = self.driver.get_server_info().agent.startswith("Neo4j/")
        with self.driver.session(database=self.database) as session:
            for label in (ENTITY, METRIC):
                session.run(f"CREATE CONSTRAINT IF NOT EXISTS FOR (n:{identifier(label)}) REQUIRE n.{KEY} IS UNIQUE"
                            if neo4j else f"CREATE INDEX ON :{identifier(label)}({KEY})").consume()
        self.session = self.driver.session(database=self.database)
        self.tx = self.session.begin_transaction()

    def run(self, query: str, params: dict[str, Any]) -> dict[str, int]:
        counters = self.tx.run(query, params).consume().counters
        return {name: getattr(counters, name) for name in COUNTERS}

    def commit(self) -> None:
        self.tx.commit()

    def close(self) -> None:
        """Close all; a transaction not committed is rolled back."""
        if self.session is not None:
            self.session.close()
        self.driver.close()


def _connect(url: str, user: str | None, password: str | None) -> _Session:
    parts = urlsplit(url)
    user = user if user is not None else (unquote(parts.username) if parts.username else None)
    password = password if password is not None else (unquote(parts.password) if parts.password else None)
    name = unquote(parts.path.strip("/")) or None
    try:
        port = parts.port
    except ValueError:
        raise error(E_PUSH, f"bad port in {without_password(url)}") from None
    if parts.scheme == "falkordb":
        return _Falkor(parts.hostname or "127.0.0.1", port or 6379, name or DEFAULT_GRAPH, user, password)
    if parts.scheme in BOLT_SCHEMES:
        netloc = parts.hostname + (f":{port}" if port else "") if parts.hostname else ""
        return _Bolt(f"{parts.scheme}://{netloc}", name, user, password)
    raise error(E_PUSH, f"unknown server URL {without_password(url)}: use falkordb://HOST:PORT/GRAPH or bolt://HOST:PORT[/DATABASE]")


def _server_errors() -> tuple[type[Exception], ...]:
    """What the drivers raise when a server is away or says no (imported only when pushing)."""
    from neo4j.exceptions import DriverError, Neo4jError
    from redis.exceptions import RedisError

    return (RedisError, Neo4jError, DriverError, OSError)


def _prune(node_rows: list[Node], edge_rows: list[Edge]) -> list[tuple[str, dict[str, Any]]]:
    """Deletions of the kg nodes and relationships the graph no longer has.

    Only nodes with an IRI of ours count as kg's: in a shared database, other applications'
    :Entity or :Metric nodes and their relationships are left alone.
    """
    types = sorted({relationship_type(p) for p in PREDICATES} | {ABOUT})
    keys = sorted(f"{e.start} {e.type} {e.end}" for e in edge_rows)  # IRIs hold no spaces
    owned = f"(n:{identifier(ENTITY)} OR n:{identifier(METRIC)}) AND n.{KEY} STARTS WITH $ours"
    return [
        (f"MATCH (n)-[r]->(m) WHERE {owned} AND type(r) IN $types "
         f"AND NOT (n.{KEY} + ' ' + type(r) + ' ' + m.{KEY}) IN $keys DELETE r",
         {"ours": BASE, "types": types, "keys": keys}),
        (f"MATCH (n) WHERE {owned} AND NOT n.{KEY} IN $iris DETACH DELETE n",
         {"ours": BASE, "iris": sorted(n.iri for n in node_rows)}),
    ]


def push_cypher(kg: KnowledgeGraph, url: str, user: str | None = None, password: str | None = None) -> Pushed:
    """Make the graph at ``url`` hold ``kg``: merge every row, then delete what ``kg`` no longer has."""
    t0 = time.perf_counter()
    node_rows, edge_rows = nodes(kg), edges(kg)
    work = [(s.query, {"rows": s.rows}) for s in node_statements(node_rows) + edge_statements(edge_rows)]
    work += _prune(node_rows, edge_rows)
    errors: tuple[type[Exception], ...] = ()
    changes = dict.fromkeys(COUNTERS, 0)
    session = None
    try:
        errors = _server_errors()
        session = _connect(url, user, password)
        session.schema()
        for query, params in work:
            for name, n in session.run(query, params).items():
                changes[name] += n
        session.commit()
    except ImportError as exc:
        raise error(E_PUSH, f"--cypher needs the server drivers ({exc.name} is missing): "
                            "install kg[push] (pip install 'kg[push]')") from None
    except errors as exc:
        message = " ".join(str(exc).split())  # drivers' messages run over several lines
        raise error(E_PUSH, f"{without_password(url)}: {type(exc).__name__}: {message}") from None
    finally:
        if session is not None:
            session.close()
    return Pushed(len(node_rows), len(edge_rows), changes, time.perf_counter() - t0)
