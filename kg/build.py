"""Build a knowledge graph from documents: read, run the pipeline, resolve, write.

    >>> from kg.build import build
    >>> result = build(["seeds"])            # doctest: +SKIP
    >>> result.graph.number_of_nodes(), len(result.rdf)   # doctest: +SKIP
"""
from __future__ import annotations

import os
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Callable, Iterable

from .errors import E_OUTPUT, error
from .model import Analysis, Document, KnowledgeGraph
from .pipeline import run
from .reading import MAX_BYTES, read_documents
from .resolve import resolve

Progress = Callable[[int, int, str], None]


@dataclass
class BuildResult:
    """The resolved graph, with its NetworkX and rdflib views made on first use."""

    kg: KnowledgeGraph
    seconds: float = 0.0
    analyses: list[Analysis] = field(default_factory=list, repr=False)
    snapshots: list[dict[str, Any]] = field(default_factory=list, repr=False)
    extracted: int = 0  # documents extracted in this build (the rest came unchanged from a store)

    @cached_property
    def graph(self):
        from .writers.graphml import to_networkx
        return to_networkx(self.kg)

    @cached_property
    def rdf(self):
        from .writers.rdf import to_rdf
        return to_rdf(self.kg)


def build(sources: Iterable[str | Path], progress: Progress | None = None,
          max_bytes: int = MAX_BYTES, previous: dict[str, dict[str, Any]] | None = None) -> BuildResult:
    """Read ``sources`` (files and folders of .txt), extract and resolve; nothing is written.

    ``previous`` holds snapshots of an earlier build (:func:`kg.store.load_snapshots`): its
    documents join the graph, and a document whose content is unchanged is not extracted again.
    """
    from . import snapshot
    from .store import analysis_of

    t0 = time.perf_counter()
    docs = {d.name: d for d in read_documents(list(sources), max_bytes)} if sources else {}
    previous = previous or {}
    names = sorted(set(docs) | set(previous))
    analyses, snapshots, extracted = [], [], 0
    for i, name in enumerate(names):
        old = previous.get(name)
        doc = docs.get(name)
        if old is not None and snapshot.is_current(old, doc.sha256 if doc else old["sha256"]):
            snapshots.append(old)
            analyses.append(analysis_of(old))
        else:
            fresh = run(Analysis(doc or Document(name=name, text=old["text"], sha256=old["sha256"])))
            snapshots.append(snapshot.dump(fresh))  # before resolution, which adds mentions
            analyses.append(fresh)
            extracted += 1
        if progress:
            progress(i + 1, len(names), name)
    kg = resolve(analyses)
    return BuildResult(kg, time.perf_counter() - t0, analyses, snapshots, extracted)


def check_output(out_dir: str | Path) -> Path:
    """Fail before the extraction work when the output folder cannot be one."""
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise error(E_OUTPUT, f"cannot write to {out}: it is a file, not a folder")
    if not os.access(out if out.exists() else out.parent, os.W_OK):
        raise error(E_OUTPUT, f"cannot write to {out}: permission denied")
    return out


def write(kg: KnowledgeGraph, out_dir: str | Path, names: Iterable[str] | None = None,
          snapshots: list[dict[str, Any]] | None = None) -> list[Path]:
    """Write every export into ``out_dir`` all at once: a failure leaves the old exports intact.

    With ``snapshots`` (a :class:`BuildResult`'s), the graph store is written too, first.
    """
    from .store import write_store
    from .writers.registry import write_all

    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".kg-staging-", dir=out))
    except OSError as exc:
        raise error(E_OUTPUT, f"cannot write to {out}: {exc.strerror}") from None
    try:
        staged = write_all(kg, staging, names)
        for path in staged:
            if (out / path.name).is_dir():
                raise error(E_OUTPUT, f"cannot write {out / path.name}: a folder of that name is in the way")
        stored = [write_store(kg, snapshots, out)] if snapshots is not None else []
        final = []
        for path in staged:
            target = out / path.name
            os.replace(path, target)
            final.append(target)
        return final + stored
    except OSError as exc:
        raise error(E_OUTPUT, f"cannot write to {out}: {exc.strerror or exc}") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
