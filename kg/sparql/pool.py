"""Queries run in worker processes, so one that runs too long can be cut.

pyoxigraph has no query timeout and holds its thread while it evaluates, so a runaway query
cannot be stopped from inside the process. Each worker (:mod:`.worker`) opens the store
read-only and answers one query at a time; when a query passes the timeout its worker is
killed and a fresh one started in the background, while the other workers go on answering.

    with QueryPool("out", workers=2, timeout=10) as pool:
        pool.answer(Request("ASK { ?s ?p ?o }", "application/json")).status   # 200
"""
from __future__ import annotations

import queue
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

from ..errors import E_NO_STORE, KgError, error
from .worker import Answer, Request

__all__ = ["Request", "Answer", "QueryPool"]

_STARTUP_SECONDS = 60.0


@dataclass
class _Worker:
    process: subprocess.Popen
    conn: Connection


class QueryPool:
    """``workers`` processes answering queries, each query cut ``timeout`` seconds after it
    arrived (waiting for a free worker included) and each answer refused past ``max_bytes``
    (``None``: no cap)."""

    def __init__(self, out: str | Path, workers: int = 2, timeout: float = 30.0, max_bytes: int | None = None):
        self.out = str(out)
        self.size = max(1, workers)
        self.timeout = timeout
        self.max_bytes = max_bytes
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._workers: dict[int, _Worker] = {}
        self._lock = threading.Lock()
        self._closed = False

    def __enter__(self) -> "QueryPool":
        self.start()
        return self

    def __exit__(self, *_) -> None:
        self.close()

    def start(self) -> None:
        from ..store import open_store

        open_store(self.out)  # a missing store is the user's error: say so before starting workers
        for _ in range(self.size):
            self._idle.put(self._spawn())

    def _spawn(self) -> _Worker:
        ours, theirs = socket.socketpair()
        with theirs:
            process = subprocess.Popen(
                [sys.executable, "-m", "kg.sparql.worker", str(theirs.fileno()), self.out, str(self.max_bytes or 0)],
                pass_fds=(theirs.fileno(),), stdin=subprocess.DEVNULL)
        worker = _Worker(process, Connection(ours.detach()))
        with self._lock:
            self._workers[process.pid] = worker
        try:
            if not worker.conn.poll(_STARTUP_SECONDS):
                raise error(E_NO_STORE, f"a query worker did not open the store in {self.out} within "
                            f"{_STARTUP_SECONDS:.0f} s")
            status, message = worker.conn.recv()
            if status != "ready":
                raise error(E_NO_STORE, message)
        except EOFError:
            self._retire(worker)
            raise error(E_NO_STORE, f"a query worker stopped while opening the store in {self.out}") from None
        except KgError:
            self._retire(worker)
            raise
        return worker

    def _retire(self, worker: _Worker) -> None:
        worker.process.kill()
        worker.process.wait()
        worker.conn.close()
        with self._lock:
            self._workers.pop(worker.process.pid, None)

    def _replace(self, worker: _Worker) -> None:
        """Kill ``worker`` and put a fresh one in its place (run in a thread: startup takes a moment).

        A fresh worker that fails to start is tried once more; then the pool goes on one worker short.
        """
        self._retire(worker)
        for _ in range(2):
            if self._closed:
                return
            try:
                fresh = self._spawn()
                break
            except (KgError, OSError) as exc:
                failure = exc
        else:
            with self._lock:
                left = len(self._workers)
            print(f"kg: error: a query worker could not be replaced (tried twice): {failure}; "
                  f"{left} of {self.size} workers left", file=sys.stderr, flush=True)
            return
        if self._closed:
            self._retire(fresh)
        else:
            self._idle.put(fresh)

    def answer(self, request: Request) -> Answer:
        """Run ``request`` on an idle worker; 503 when none is free in time or the query is cut.

        One deadline covers both the wait for a worker and the query, so no answer takes much
        more than ``timeout``.
        """
        deadline = time.monotonic() + self.timeout
        try:
            worker = self._idle.get(timeout=self.timeout)
        except queue.Empty:
            return Answer.text(503, f"every query worker stayed busy for {self.timeout:g} s: try again later")
        healthy = False
        try:
            worker.conn.send(request)
            if worker.conn.poll(max(0.0, deadline - time.monotonic())):
                answer = worker.conn.recv()
                healthy = True
                return answer
            return Answer.text(503, f"the query was cut at the {self.timeout:g} s timeout")
        except (EOFError, OSError):
            return Answer.text(500, "the query worker stopped while answering (out of memory?)")
        finally:  # a worker whose state is unknown (cut, dead, or an unexpected error) is replaced
            if healthy:
                self._idle.put(worker)
            else:
                threading.Thread(target=self._replace, args=(worker,), daemon=True).start()

    def close(self) -> None:
        self._closed = True
        with self._lock:
            workers = list(self._workers.values())
        for worker in workers:
            self._retire(worker)
