"""``kg view -s OUT [--focus NAME] [--depth N] [--types T,…] -o FILE.html``: a page for part of the graph."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    v = sub.add_parser("view", help="write an interactive HTML page for the graph store, or part of it")
    v.add_argument("-s", "--store", metavar="OUT", required=True, help="a folder `kg build -o` wrote")
    v.add_argument("-o", "--output", metavar="FILE.html", required=True, help="the page to write")
    v.add_argument("--focus", metavar="NAME", help="only the neighbourhood of the entity with this name or alias")
    v.add_argument("--depth", type=int, metavar="N", help="with --focus: relations to follow out (default 1)")
    v.add_argument("--types", metavar="T,…", help="only these entity types, e.g. Person,Organization or 人物,机构")
    v.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..errors import E_OPTION, E_OUTPUT, error
    from ..store import load_graph
    from ..subgraph import check_depth, parse_types, select
    from ..writers.html import write_html

    if args.depth is not None and args.focus is None:
        raise error(E_OPTION, "--depth needs --focus NAME")
    depth = 1 if args.depth is None else args.depth
    check_depth(depth)
    types = parse_types(args.types) if args.types is not None else None
    output = Path(args.output)
    if output.is_dir() or not output.parent.is_dir():
        raise error(E_OUTPUT, f"cannot write {output}: "
                              + ("it is a folder" if output.is_dir() else f"no folder {output.parent}"))
    selection = select(load_graph(args.store), args.focus, depth, types)
    try:
        write_html(selection.kg, output, selection.focus, selection.heading)
    except OSError as exc:
        raise error(E_OUTPUT, f"cannot write {output}: {exc.strerror or exc}") from None
    print(f"wrote {output}: {len(selection.kg.entities)} entities, {len(selection.kg.relations)} relations",
          file=sys.stderr)
    return 0
