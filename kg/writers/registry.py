"""Every output format by name, in one table; a writer's module is imported only when used.

Each writer is ``function(kg, path)``; adding a format is a module and a row here.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from ..errors import E_OUTPUT, error
from ..model import KnowledgeGraph

__all__ = ["Writer", "WRITERS", "write_all"]


@dataclass(frozen=True)
class Writer:
    name: str
    target: str  # "module:function" taking (kg, path)
    filename: str  # the file it writes in the output folder

    def load(self) -> Callable[[KnowledgeGraph, Path], object]:
        module, func = self.target.split(":")
        return getattr(importlib.import_module(module), func)


WRITERS: dict[str, Writer] = {w.name: w for w in (
    Writer("turtle", "kg.writers.turtle:write_turtle", "kg.ttl"),
    Writer("json", "kg.writers.digest:write_digest", "kg.json"),
    Writer("graphml", "kg.writers.graphml:write_graphml", "kg.graphml"),
    Writer("html", "kg.writers.html:write_html", "kg.html"),
)}


def write_all(kg: KnowledgeGraph, out_dir: str | Path, names: Iterable[str] | None = None) -> list[Path]:
    """Write ``kg`` in each named format (all by default) into ``out_dir``; return the paths."""
    chosen = list(WRITERS) if names is None else list(names)
    unknown = [n for n in chosen if n not in WRITERS]
    if unknown:
        raise ValueError(f"unknown writer {', '.join(unknown)}; known: {', '.join(WRITERS)}")
    out = Path(out_dir)
    paths = []
    try:
        out.mkdir(parents=True, exist_ok=True)
        for name in chosen:
            path = out / WRITERS[name].filename
            WRITERS[name].load()(kg, path)
            paths.append(path)
    except OSError as exc:
        raise error(E_OUTPUT, f"cannot write to {out}: {exc}") from None
    return paths
