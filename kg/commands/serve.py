"""``kg serve -s OUT``: a read-only SPARQL 1.1 Protocol endpoint over the graph store of OUT."""
from __future__ import annotations

import argparse
import math
import os


def register(sub: argparse._SubParsersAction) -> None:
    s = sub.add_parser("serve", help="answer SPARQL over HTTP (SPARQL 1.1 Protocol, read-only)")
    s.add_argument("-s", "--store", metavar="OUT", required=True, help="a folder `kg build -o` wrote")
    s.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    s.add_argument("--port", type=int, default=7878, help="port (default 7878; 0 picks a free one)")
    s.add_argument("--timeout", type=float, default=30.0, help="seconds a query may run before it is cut "
                   "(default 30)")
    s.add_argument("--max-result-mb", type=float, default=16.0, help="largest answer sent, in MB (default 16)")
    s.add_argument("--workers", type=int, default=max(2, os.cpu_count() or 1),
                   help="query worker processes (default: one per CPU, at least 2)")
    s.add_argument("-q", "--quiet", action="store_true", help="no access log")
    s.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..errors import E_OPTION, error
    from ..sparql.pool import QueryPool
    from ..sparql.questions import load_questions
    from ..sparql.server import serve

    if not 0 <= args.port <= 65535:
        raise error(E_OPTION, f"--port must be 0 to 65535, not {args.port}")
    if not (math.isfinite(args.timeout) and args.timeout > 0):
        raise error(E_OPTION, f"--timeout must be a positive number of seconds, not {args.timeout:g}")
    max_bytes = int(args.max_result_mb * 1_000_000) if math.isfinite(args.max_result_mb) else 0
    if max_bytes < 1:  # 0 would mean no cap to the workers
        raise error(E_OPTION, f"--max-result-mb must be a finite size of at least one byte (0.000001), "
                    f"not {args.max_result_mb:g}")
    if args.workers < 1:
        raise error(E_OPTION, f"--workers must be at least 1, not {args.workers}")
    with QueryPool(args.store, workers=args.workers, timeout=args.timeout, max_bytes=max_bytes) as pool:
        serve(pool, args.host, args.port, load_questions(), quiet=args.quiet)
    return 0
