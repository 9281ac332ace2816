"""CSV files for ``neo4j-admin database import``, with the command that loads them beside them.

A folder of four files in the import tool's header format (``iri:ID``, ``:LABEL``,
``:START_ID``, ``:END_ID``, ``:TYPE``, typed properties such as ``value:double`` and
``roles:string[]``), one per kind of row of :mod:`kg.property_graph`, and ``import.sh``.
Array elements are separated by U+001F, which no name or sentence should hold (one that
does has it turned into a space); an empty cell is a property left out. The folder is
written beside its place and swapped in, so a reader never sees half of it.
"""
from __future__ import annotations

import csv
import io
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any, Iterable

from ..errors import E_OUTPUT, error
from ..model import KnowledgeGraph
from ..property_graph import ABOUT, ENTITY, METRIC, NODE_PROPERTIES, RELATION_PROPERTIES, Edge, Node, edges, nodes
from .atomic import write_atomic

__all__ = ["FILES", "ARRAY_DELIMITER", "IMPORT_SCRIPT", "write_neo4j_csv", "read_neo4j_csv"]

ARRAY_DELIMITER = "\x1f"
IMPORT_SCRIPT = "import.sh"

Columns = tuple[tuple[str, str], ...]
# file → (columns before the properties, the typed properties)
FILES: dict[str, tuple[tuple[str, ...], Columns]] = {
    "entities.csv": ((":LABEL",), NODE_PROPERTIES[ENTITY]),
    "metrics.csv": ((":LABEL",), NODE_PROPERTIES[METRIC]),
    "relations.csv": ((":START_ID", ":END_ID", ":TYPE"), RELATION_PROPERTIES),
    "about.csv": ((":START_ID", ":END_ID", ":TYPE"), ()),
}

_COMMAND = f"""#!/bin/sh
# Load the CSV files beside this script into a new Neo4j 5 database (default name: neo4j).
# The database must be stopped or not exist yet; it is replaced. Then: CREATE DATABASE, or start it.
# Usage: sh {IMPORT_SCRIPT} [DATABASE]
cd "$(dirname "$0")" && exec neo4j-admin database import full "${{1:-neo4j}}" \\
  --nodes=entities.csv --nodes=metrics.csv \\
  --relationships=relations.csv --relationships=about.csv \\
  --array-delimiter=U+001F --multiline-fields=true --overwrite-destination
"""


def _header(columns: tuple[str, ...], properties: Columns) -> list[str]:
    typed = [name if kind == "string" else f"{name}:{kind}" for name, kind in properties]
    if columns[0] == ":LABEL":  # the iri is the node id, stored as a property too
        return ["iri:ID"] + typed[1:] + [":LABEL"]
    return list(columns) + typed


def _cell(value: Any) -> str:
    if isinstance(value, list):
        return ARRAY_DELIMITER.join(str(v).replace(ARRAY_DELIMITER, " ") for v in value)
    return "" if value is None else str(value)


def _csv(header: list[str], rows: Iterable[list[Any]]) -> bytes:
    buf = io.StringIO()
    out = csv.writer(buf, lineterminator="\n")
    out.writerow(header)
    out.writerows([_cell(v) for v in row] for row in rows)
    return buf.getvalue().encode("utf-8")


def _node_rows(rows: list[Node], properties: Columns) -> list[list[Any]]:
    return [[n.properties.get(name) for name, _ in properties] + [list(n.labels)] for n in rows]


def _edge_rows(rows: list[Edge], properties: Columns) -> list[list[Any]]:
    return [[e.start, e.end, e.type] + [e.properties.get(name) for name, _ in properties] for e in rows]


def _contents(kg: KnowledgeGraph) -> dict[str, bytes]:
    all_nodes, all_edges = nodes(kg), edges(kg)
    rows = {
        "entities.csv": _node_rows([n for n in all_nodes if n.labels[0] == ENTITY], NODE_PROPERTIES[ENTITY]),
        "metrics.csv": _node_rows([n for n in all_nodes if n.labels[0] == METRIC], NODE_PROPERTIES[METRIC]),
        "relations.csv": _edge_rows([e for e in all_edges if e.type != ABOUT], RELATION_PROPERTIES),
        "about.csv": _edge_rows([e for e in all_edges if e.type == ABOUT], ()),
    }
    files = {name: _csv(_header(*FILES[name]), rows[name]) for name in FILES}
    files[IMPORT_SCRIPT] = _COMMAND.encode("utf-8")
    return files


def write_neo4j_csv(kg: KnowledgeGraph, path: str | Path) -> Path:
    """Write the folder ``path`` (CSV files and import.sh); an older folder there is replaced whole."""
    path = Path(path)
    if path.exists() and not path.is_dir():
        raise error(E_OUTPUT, f"cannot write {path}: a file of that name is in the way of the folder")
    staging = Path(tempfile.mkdtemp(prefix=f".{path.name}.", dir=path.parent))
    try:
        for name, data in _contents(kg).items():
            write_atomic(staging / name, data)
        (staging / IMPORT_SCRIPT).chmod(0o755)
        staging.chmod(0o755)
        old = None
        if path.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{path.name}.old.", dir=path.parent))
            os.replace(path, old / path.name)
        os.replace(staging, path)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return path


def _parse(text: str, kind: str) -> Any:
    if kind.endswith("[]"):
        return [_parse(v, kind[:-2]) for v in text.split(ARRAY_DELIMITER)]
    return {"int": int, "double": float}.get(kind, str)(text)


# header column kinds that are not property types
_KINDS = {"": "string", "ID": "string", "LABEL": "string[]", "START_ID": "string", "END_ID": "string",
          "TYPE": "string"}


def _read(path: Path) -> list[dict[str, Any]]:
    """Rows as {column name: typed value}, empty cells left out; ``:LABEL`` becomes a list."""
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        out = []
        for row in reader:
            record = {}
            for column, text in zip(header, row):
                if text == "":
                    continue
                name, _, kind = column.partition(":")
                record[name or column] = _parse(text, _KINDS.get(kind, kind))
            out.append(record)
        return out


def read_neo4j_csv(path: str | Path) -> tuple[list[Node], list[Edge]]:
    """The nodes and relationships of a folder written by :func:`write_neo4j_csv`."""
    path = Path(path)
    found = []
    for name in ("entities.csv", "metrics.csv"):
        for row in _read(path / name):
            labels = tuple(row.pop(":LABEL"))
            row = {"iri": row.pop("iri"), **row}
            found.append(Node(row["iri"], labels, row))
    key_label = {n.iri: n.labels[0] for n in found}
    links = []
    for name in ("relations.csv", "about.csv"):
        for row in _read(path / name):
            start, end, rel = row.pop(":START_ID"), row.pop(":END_ID"), row.pop(":TYPE")
            links.append(Edge(rel, start, key_label[start], end, key_label[end], row))
    return found, links
