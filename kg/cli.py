"""The ``kg`` command line: ``kg build SOURCES... -o OUT``."""
from __future__ import annotations

import argparse
import sys
from collections import Counter

from .errors import KgError


def _progress(done: int, total: int, name: str) -> None:
    width = 30
    filled = width * done // total
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {name[:40]:<40}")
    if done == total:
        sys.stderr.write("\n")
    sys.stderr.flush()


def _summary(result) -> str:
    kg = result.kg
    types = Counter(e.type for e in kg.entities.values())
    preds = Counter(r.predicate for r in kg.relations.values())
    lines = [f"documents: {len(kg.documents)}",
             "entities:  " + ", ".join(f"{t} {n}" for t, n in sorted(types.items())) + f" (total {len(kg.entities)})",
             "relations: " + ", ".join(f"{p} {n}" for p, n in sorted(preds.items())) + f" (total {len(kg.relations)})",
             f"metrics:   {len(kg.metrics)}",
             f"time:      {result.seconds:.1f} s"]
    return "\n".join(lines)


def _build(args: argparse.Namespace) -> int:
    from .build import build, check_output, write

    check_output(args.output)
    show = _progress if not args.quiet else None
    result = build(args.sources, progress=show)
    paths = write(result.kg, args.output)
    if not args.quiet:
        print(_summary(result), file=sys.stderr)
        print("wrote: " + ", ".join(str(p) for p in paths), file=sys.stderr)
    return 0


def _eval(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .evaluate import evaluate, report

    print(report(evaluate(Path(args.shared), Path(args.seeds), args.set or None)))
    return 0


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="kg", description="Build and explore a knowledge graph of "
                                 "Chinese industrial-policy documents.")
    sub = ap.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="extract a graph from .txt documents and write its exports")
    b.add_argument("sources", nargs="+", help=".txt files or folders of them")
    b.add_argument("-o", "--output", required=True, help="folder for kg.ttl, kg.json, kg.graphml, kg.html")
    b.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary")
    b.set_defaults(func=_build)
    e = sub.add_parser("eval", help="score the seeds and the public NER sets with the shared scorer")
    e.add_argument("--shared", default="../shared", help="folder holding eval/score.py, gold/ and bench/")
    e.add_argument("--seeds", default="seeds", help="folder of the seed documents")
    e.add_argument("--set", action="append", help="only this set (seeds, 'CLUENER dev', 'Resume NER dev')")
    e.set_defaults(func=_eval)
    return ap


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except KgError as exc:
        print(f"kg: error {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("kg: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
