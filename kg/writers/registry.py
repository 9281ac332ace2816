"""Every export format by name, in one table; a format's module is imported only when used.

Each format is a module of :mod:`kg.writers` with the networkx verbs: ``write_<format>(kg,
path)`` and, where the format can be read back, ``read_<format>(path)`` (an rdflib Graph or
Dataset, a networkx graph, the digest's data, the CSV rows). Adding a format is a module and
a row here. ``kg build`` writes the formats marked ``build``; ``kg export`` writes any.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable

from ..errors import E_OUTPUT, error
from ..model import KnowledgeGraph

__all__ = ["Format", "FORMATS", "BUILD_FORMATS", "write_all"]


def _load(target: str) -> Callable:
    module, func = target.split(":")
    return getattr(importlib.import_module(module), func)


@dataclass(frozen=True)
class Format:
    name: str
    filename: str  # its file (a folder for neo4j-csv) in an output folder
    writer: str  # "module:function" taking (kg, path)
    reader: str | None = None  # "module:function" taking (path)
    build: bool = False  # written by ``kg build``
    description: str = ""

    def load(self) -> Callable[[KnowledgeGraph, Path], object]:
        return _load(self.writer)

    def write(self, kg: KnowledgeGraph, path: str | Path) -> Path:
        """Write ``kg`` to ``path``; a failure to write is a KgError naming the path."""
        try:
            self.load()(kg, Path(path))
        except OSError as exc:
            raise error(E_OUTPUT, f"cannot write {path}: {exc.strerror or exc}") from None
        return Path(path)

    def read(self, path: str | Path) -> Any:
        if self.reader is None:
            raise ValueError(f"{self.name} cannot be read back")
        return _load(self.reader)(path)


def _format(name: str, filename: str, module: str, description: str, readable: bool = True,
            build: bool = False) -> Format:
    """A row whose verbs are ``write_<module>`` and ``read_<module>`` in ``kg.writers.<module>``."""
    base = f"kg.writers.{module}:"
    return Format(name, filename, f"{base}write_{module}", f"{base}read_{module}" if readable else None, build,
                  description)


FORMATS: dict[str, Format] = {f.name: f for f in (
    _format("turtle", "kg.ttl", "turtle", "the merged graph in Turtle", build=True),
    _format("ntriples", "kg.nt", "ntriples", "the merged graph, one triple a line"),
    _format("trig", "kg.trig", "trig", "one named graph per document, in TriG"),
    _format("nquads", "kg.nq", "nquads", "one named graph per document, one quad a line"),
    _format("jsonld", "kg.jsonld", "jsonld", "the merged graph in JSON-LD (context: ontology/context.jsonld)"),
    _format("json", "kg.json", "digest", "the digest of the annotation guide", build=True),
    _format("graphml", "kg.graphml", "graphml", "nodes and edges for networkx, yEd, Gephi", build=True),
    _format("gexf", "kg.gexf", "gexf", "nodes and edges for Gephi"),
    _format("cypher", "kg.cypher", "cypher", "idempotent MERGE statements (Neo4j, Memgraph, FalkorDB)",
            readable=False),
    _format("neo4j-csv", "neo4j-import", "neo4j_csv", "a folder of CSV files and the neo4j-admin import command"),
    _format("html", "kg.html", "html", "an interactive view", readable=False, build=True),
)}

BUILD_FORMATS: tuple[str, ...] = tuple(name for name, f in FORMATS.items() if f.build)


def write_all(kg: KnowledgeGraph, out_dir: str | Path, names: Iterable[str] | None = None) -> list[Path]:
    """Write ``kg`` in each named format (those of ``kg build`` by default) into ``out_dir``."""
    chosen = list(BUILD_FORMATS) if names is None else list(names)
    unknown = [n for n in chosen if n not in FORMATS]
    if unknown:
        raise ValueError(f"unknown format {', '.join(unknown)}; known: {', '.join(FORMATS)}")
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise error(E_OUTPUT, f"cannot write to {out}: {exc}") from None
    return [FORMATS[name].write(kg, out / FORMATS[name].filename) for name in chosen]
