"""``kg export -s OUT --format F [-o PATH]``: write the built graph in any registered format."""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    from ..writers.registry import FORMATS

    e = sub.add_parser("export", help="write the graph built in OUT as RDF, GraphML, GEXF, Cypher, CSV…",
                       formatter_class=argparse.RawDescriptionHelpFormatter,
                       description="formats:\n" + "\n".join(f"  {f.name:<10} {f.filename:<13} {f.description}"
                                                           for f in FORMATS.values()))
    e.add_argument("-s", "--store", metavar="OUT", required=True, help="a folder `kg build -o` wrote")
    e.add_argument("--format", required=True, choices=list(FORMATS), help="the format (see above)")
    e.add_argument("-o", "--output", metavar="PATH",
                   help="the file (a folder for neo4j-csv) to write; default: OUT/<the format's file name>")
    e.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..errors import E_OUTPUT, error
    from ..store import load_graph
    from ..writers.registry import FORMATS

    if args.output is not None and not args.output.strip():
        raise error(E_OUTPUT, "-o needs a path; leave it out to write OUT/<the format's file name>")
    fmt = FORMATS[args.format]
    t0 = time.perf_counter()
    kg = load_graph(args.store)
    path = Path(args.output) if args.output is not None else Path(args.store) / fmt.filename
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise error(E_OUTPUT, f"cannot write {path}: {exc.strerror or exc}") from None
    fmt.write(kg, path)
    print(f"wrote {path} ({fmt.name}) in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    return 0
