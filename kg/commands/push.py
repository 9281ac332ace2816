"""``kg push -s OUT --sparql URL | --cypher URL``: load the built graph into a running server."""
from __future__ import annotations

import argparse
import os
import sys

PASSWORD_VARIABLE = "KG_PUSH_PASSWORD"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("push", help="load the graph built in OUT into a SPARQL store or a Cypher database",
                       description="Replace one named graph of a SPARQL store (batches into a temporary graph, "
                       "then one MOVE), or merge into a FalkorDB / Neo4j / Memgraph graph (idempotent; what "
                       "the graph no longer has is deleted).")
    p.add_argument("-s", "--store", metavar="OUT", required=True, help="a folder `kg build -o` wrote")
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("--sparql", metavar="URL", help="the SPARQL Update endpoint "
                        "(Oxigraph: http://HOST:7878/update, Fuseki: http://HOST:3030/DATASET/update)")
    target.add_argument("--cypher", metavar="URL", help="falkordb://HOST:PORT/GRAPH or bolt://HOST:PORT[/DATABASE]")
    p.add_argument("--graph-store", metavar="URL", help="with --sparql: the Graph Store Protocol endpoint for the "
                   "upload (Oxigraph: http://HOST:7878/store); without it batches go as INSERT DATA")
    p.add_argument("--graph", metavar="IRI", help="with --sparql: the named graph to replace "
                   "(default https://w3id.org/kg-cn/graph)")
    p.add_argument("--user", help="user name (HTTP basic auth for --sparql)")
    p.add_argument("--password", help=f"password; or set {PASSWORD_VARIABLE}, which keeps it out of `ps`")
    p.add_argument("--retries", type=int, default=3, metavar="N",
                   help="with --sparql: tries after a failed request, waiting 1, 2, 4… s (default 3)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.cypher and (args.graph or args.graph_store):
        from ..errors import E_PUSH, error

        raise error(E_PUSH, "--graph and --graph-store go with --sparql, not --cypher")
    password = args.password if args.password is not None else os.environ.get(PASSWORD_VARIABLE)
    if args.sparql:
        from ..push.sparql import DEFAULT_GRAPH, Server, check_server, push_sparql, store_triples

        server = check_server(Server(args.sparql, args.graph_store, args.user, password, retries=max(args.retries, 0)))
        done = push_sparql(store_triples(args.store), server, args.graph or DEFAULT_GRAPH)
        print(f"pushed {done.triples} triples in {done.batches} batches into <{done.graph}> "
              f"in {done.seconds:.1f} s", file=sys.stderr)
        return 0
    from ..push.cypher import push_cypher
    from ..store import load_graph

    pushed = push_cypher(load_graph(args.store), args.cypher, args.user, password)
    changes = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in pushed.changes.items())
    print(f"pushed {pushed.nodes} nodes and {pushed.relationships} relationships in {pushed.seconds:.1f} s "
          f"({changes})", file=sys.stderr)
    return 0
