"""The graph store kept in an output folder: an Oxigraph database plus per-document snapshots.

``OUT/store/oxigraph`` holds the merged graph in its default graph and one named graph
per document (``kg.iris.graph_iri``), so SPARQL can ask across the corpus or about one
document. ``OUT/store/documents`` holds each document's extraction before resolution
(:mod:`kg.snapshot`): an incremental build re-resolves from them, and commands that take
``-s OUT`` rebuild the full model from them without extracting again.
"""
from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from .errors import E_NO_STORE, error
from .model import Analysis, KnowledgeGraph

_SNAPSHOT_KEYS = {"name": str, "sha256": str, "text": str, "mentions": list, "relations": list, "metrics": list}
STORE_DIR = "store"
DATABASE_DIR = "oxigraph"
DOCUMENTS_DIR = "documents"


def store_path(out: str | Path) -> Path:
    return Path(out) / STORE_DIR


def _require(out: str | Path) -> Path:
    path = store_path(out)
    if not (path / DATABASE_DIR).is_dir() or not (path / DOCUMENTS_DIR).is_dir():
        raise error(E_NO_STORE, f"no graph store in {out}: build one with `kg build SOURCES -o {out}`")
    return path


def open_store(out: str | Path):
    """The Oxigraph store of ``out``, read-only: queries never change the built graph."""
    from pyoxigraph import Store

    path = _require(out) / DATABASE_DIR
    try:
        return Store.read_only(str(path))
    except OSError as exc:
        raise error(E_NO_STORE, f"cannot open the graph store in {out}: {exc}") from None


def load_snapshots(out: str | Path) -> dict[str, dict[str, Any]]:
    """Every document snapshot in ``out``'s store, by document name."""
    snapshots = {}
    for path in sorted((_require(out) / DOCUMENTS_DIR).glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            missing = [k for k, t in _SNAPSHOT_KEYS.items() if not isinstance(data.get(k), t)]
            if missing:
                raise ValueError(f"missing or malformed {', '.join(missing)}")
            snapshots[data["name"]] = data
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise error(E_NO_STORE, f"damaged document snapshot {path}: {exc}") from None
    return snapshots


def analysis_of(data: dict[str, Any]) -> Analysis:
    """A stored snapshot as an analysis; a malformed one is a damaged store, not a crash."""
    from . import snapshot

    try:
        return snapshot.load(data)
    except (KeyError, TypeError, ValueError) as exc:
        raise error(E_NO_STORE, f"damaged document snapshot for {data.get('name')}: {exc!r}") from None


def load_graph(out: str | Path) -> KnowledgeGraph:
    """The resolved graph ``kg build`` wrote into ``out``, documents' texts included."""
    from .resolve import resolve

    return resolve([analysis_of(data) for _, data in sorted(load_snapshots(out).items())])


def _fill_database(kg: KnowledgeGraph, path: Path) -> None:
    """Bulk-load the merged graph (default graph) and one named graph per document."""
    from pyoxigraph import DefaultGraph, NamedNode, RdfFormat, Store

    from .writers.rdf import document_graphs, to_rdf

    store = Store(str(path))
    graphs = [(DefaultGraph(), to_rdf(kg))] + [(NamedNode(str(iri)), g) for iri, g in document_graphs(kg)]
    for target, graph in graphs:
        store.bulk_load(graph.serialize(format="nt", encoding="utf-8"), format=RdfFormat.N_TRIPLES,
                        to_graph=target)
    store.flush()
    del store  # closes the database before the folder moves


def write_store(kg: KnowledgeGraph, snapshots: list[dict[str, Any]], out: str | Path) -> Path:
    """Write a new store beside the old one, then swap: a failure leaves the old store whole."""
    from .snapshot import to_bytes

    out = Path(out)
    staging = Path(tempfile.mkdtemp(prefix=".kg-store-", dir=out))
    try:
        (staging / DOCUMENTS_DIR).mkdir()
        for data in snapshots:
            (staging / DOCUMENTS_DIR / f"{data['name']}.json").write_bytes(to_bytes(data))
        _fill_database(kg, staging / DATABASE_DIR)
        os.chmod(staging, 0o755)  # mkdtemp makes it private; the store is shared like the exports
        target = store_path(out)
        old = None
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=".kg-old-store-", dir=out))
            os.replace(target, old / STORE_DIR)
        try:
            os.replace(staging, target)
        except OSError:
            if old is not None:  # put the old store back: never no store at all
                os.replace(old / STORE_DIR, target)
            raise
        finally:
            if old is not None and target.exists():
                shutil.rmtree(old, ignore_errors=True)
        return target
    finally:
        shutil.rmtree(staging, ignore_errors=True)
