"""The SPARQL endpoint under load: concurrent SPARQLWrapper clients asking the saved questions.

    python benchmarks/serve_load.py [-s OUT] [--clients 8] [--queries 200] [--workers N]

Starts ``kg serve`` on a free loopback port over OUT (by default a fresh build of seeds/),
runs the clients, and prints errors, throughput and latency percentiles. Asserts nothing;
tests/test_serve.py holds the zero-error check.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from SPARQLWrapper import JSON, SPARQLWrapper

ROOT = Path(__file__).resolve().parents[1]


def client(endpoint: str, questions: list[str], offset: int, count: int) -> tuple[list[float], list[str]]:
    """One client's latencies (s) and errors over ``count`` questions, GET and POST in turn."""
    latencies, errors = [], []
    for i in range(count):
        wrapper = SPARQLWrapper(endpoint)
        wrapper.setQuery(questions[(offset + i) % len(questions)])
        wrapper.setReturnFormat(JSON)
        wrapper.setMethod("POST" if i % 2 else "GET")
        t0 = time.perf_counter()
        try:
            wrapper.queryAndConvert()
        except Exception as exc:  # counted and shown, not raised: a load run reports every failure
            errors.append(repr(exc))
        latencies.append(time.perf_counter() - t0)
    return latencies, errors


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-s", "--store", metavar="OUT", help="a folder `kg build -o` wrote (default: build seeds/)")
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--queries", type=int, default=200, help="queries per client (default 200)")
    ap.add_argument("--workers", type=int, help="query worker processes for kg serve (default: its own)")
    args = ap.parse_args()

    from kg.sparql.questions import load_questions

    questions = [q.text for q in load_questions()]
    with tempfile.TemporaryDirectory(prefix="kg-load-") as tmp:
        out = args.store
        if out is None:
            out = str(Path(tmp) / "out")
            subprocess.run([sys.executable, "-m", "kg.cli", "build", str(ROOT / "seeds"), "-o", out, "-q"], check=True)
        command = [sys.executable, "-m", "kg.cli", "serve", "-s", out, "--port", "0", "-q"]
        if args.workers:
            command += ["--workers", str(args.workers)]
        server = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
        try:
            endpoint = server.stderr.readline().split(" at ")[1].split()[0]
            t0 = time.perf_counter()
            with ThreadPoolExecutor(args.clients) as pool:
                runs = list(pool.map(lambda n: client(endpoint, questions, n, args.queries), range(args.clients)))
            seconds = time.perf_counter() - t0
        finally:
            server.terminate()
            server.wait()
    latencies = sorted(x for run, _ in runs for x in run)
    errors = [e for _, found in runs for e in found]
    total = len(latencies)
    print(f"{args.clients} clients x {args.queries} queries = {total} over loopback in {seconds:.1f} s "
          f"({total / seconds:.0f} queries/s)")
    print(f"latency: median {statistics.median(latencies) * 1e3:.1f} ms, p95 {latencies[int(total * 0.95)] * 1e3:.1f} ms, "
          f"max {latencies[-1] * 1e3:.1f} ms")
    print(f"errors:  {len(errors)}" + (f" (first: {errors[0]})" if errors else ""))


if __name__ == "__main__":
    main()
