"""``kg build SOURCES... -o OUT``: extract, resolve and write every export."""
from __future__ import annotations

import argparse
import sys
from collections import Counter


def register(sub: argparse._SubParsersAction) -> None:
    b = sub.add_parser("build", help="extract a graph from .txt documents and write its exports")
    b.add_argument("sources", nargs="+", help=".txt files or folders of them")
    where = b.add_mutually_exclusive_group(required=True)
    where.add_argument("-o", "--output", help="folder for the graph store and kg.ttl, kg.json, kg.graphml, "
                       "kg.html (replaced by this build)")
    where.add_argument("--into", metavar="OUT", help="add the documents to the graph already built in OUT: "
                       "unchanged documents are skipped, changed ones replace their facts")
    b.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary")
    b.set_defaults(func=run)


def progress(done: int, total: int, name: str) -> None:
    """A one-line progress bar on stderr, so long builds show they are alive."""
    width = 30
    filled = width * done // total
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {name[:40]:<40}")
    if done == total:
        sys.stderr.write("\n")
    sys.stderr.flush()


def summary(result) -> str:
    kg = result.kg
    types = Counter(e.type for e in kg.entities.values())
    preds = Counter(r.predicate for r in kg.relations.values())
    lines = [f"documents: {len(kg.documents)}",
             "entities:  " + ", ".join(f"{t} {n}" for t, n in sorted(types.items())) + f" (total {len(kg.entities)})",
             "relations: " + ", ".join(f"{p} {n}" for p, n in sorted(preds.items())) + f" (total {len(kg.relations)})",
             f"metrics:   {len(kg.metrics)}",
             f"extracted: {result.extracted} of {len(kg.documents)} documents (the rest unchanged)",
             f"time:      {result.seconds:.1f} s"]
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from ..build import build, check_output, write
    from ..store import load_snapshots

    out = args.output or args.into
    check_output(out)
    previous = load_snapshots(out) if args.into else None
    result = build(args.sources, progress=None if args.quiet else progress, previous=previous)
    paths = write(result.kg, out, snapshots=result.snapshots)
    if not args.quiet:
        print(summary(result), file=sys.stderr)
        print("wrote: " + ", ".join(str(p) for p in paths), file=sys.stderr)
    return 0
