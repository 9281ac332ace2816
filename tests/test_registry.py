"""Writers by name: every registered format writes its file into the output folder."""
from __future__ import annotations

from pathlib import Path

import pytest

import sample_graph
from kg.errors import KgError
from kg.writers.registry import WRITERS, write_all


def test_registry_names_formats_and_files() -> None:
    assert {n: w.filename for n, w in WRITERS.items()} == {
        "turtle": "kg.ttl", "json": "kg.json", "graphml": "kg.graphml", "html": "kg.html"}


def test_registry_write_all_writes_named_formats(tmp_path: Path) -> None:
    out = tmp_path / "out" / "nested"
    paths = write_all(sample_graph.build(), out, names=["turtle", "json", "graphml"])
    assert paths == [out / "kg.ttl", out / "kg.json", out / "kg.graphml"]
    assert sorted(p.name for p in out.iterdir()) == ["kg.graphml", "kg.json", "kg.ttl"]
    assert all(p.stat().st_size > 0 for p in paths)


def test_registry_refuses_unknown_writer(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown writer pdf"):
        write_all(sample_graph.build(), tmp_path, names=["pdf"])
    assert list(tmp_path.iterdir()) == []


def test_registry_unwritable_output_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(KgError, match="E006"):
        write_all(sample_graph.build(), blocker / "out", names=["json"])


def test_registry_every_writer_loads() -> None:
    assert all(callable(w.load()) for w in WRITERS.values())
