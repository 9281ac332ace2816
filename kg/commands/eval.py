"""``kg eval``: the seeds, the genre set and the public NER sets scored in one run with the shared scorer."""
from __future__ import annotations

import argparse
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    e = sub.add_parser("eval", help="score the seeds, the genre set and the public NER sets with the shared scorer")
    e.add_argument("--shared", default="../shared", help="folder holding eval/score.py, gold/ and bench/")
    e.add_argument("--seeds", default="seeds", help="folder of the seed documents")
    e.add_argument("--genre", default="eval/genre", help="folder of the genre set (docs/ and gold/)")
    e.add_argument("--set", action="append", help="only this set (seeds, genre, 'CLUENER dev', 'Resume NER dev')")
    e.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..errors import E_OPTION, error
    from ..evaluate import SETS, evaluate, report

    known = [s.name for s in SETS]
    unknown = [name for name in args.set or () if name not in known]
    if unknown:
        raise error(E_OPTION, f"unknown set {', '.join(unknown)}; known: {', '.join(known)}")
    print(report(evaluate(Path(args.shared), Path(args.seeds), Path(args.genre), args.set or None)))
    return 0
