"""``kg query -s OUT QUERY|FILE.rq``: ask the graph store a SPARQL question, answer on stdout."""
from __future__ import annotations

import argparse
import sys

FORMATS = ("table", "csv", "tsv", "json")


def register(sub: argparse._SubParsersAction) -> None:
    q = sub.add_parser("query", help="run a SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) on the graph store")
    q.add_argument("-s", "--store", metavar="OUT", required=True, help="a folder `kg build -o` wrote")
    q.add_argument("query", metavar="QUERY|FILE.rq", help="the query text, a file holding it, or - for stdin; "
                   "the prefixes kgo: kgr: oa: org: prov: rdf: rdfs: skos: xsd: are predeclared")
    q.add_argument("--format", choices=FORMATS, default="table",
                   help="table (default: aligned columns), or SPARQL results as csv, tsv, json "
                   "(a graph as subject/predicate/object rows; json: JSON-LD)")
    q.add_argument("--width", type=int, default=80, metavar="N",
                   help="cut table cells wider than N columns (default 80; 0: never)")
    q.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..errors import E_OPTION, E_QUERY, error
    from ..sparql.answer import answer_bytes
    from ..sparql.execute import read_query, run_query
    from ..store import open_store

    if args.width < 0:
        raise error(E_OPTION, f"--width must be 0 or more, not {args.width}")
    text = read_query(args.query)
    store = open_store(args.store)
    try:  # solutions are computed lazily: evaluation errors surface while answer_bytes reads them
        body, note = answer_bytes(run_query(store, text), args.format, args.width)
    except (OSError, ValueError) as exc:
        raise error(E_QUERY, f"the query failed: {exc}") from None
    sys.stdout.buffer.write(body)
    sys.stdout.flush()
    if note:
        print(note, file=sys.stderr)
    return 0
