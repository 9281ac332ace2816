"""Formats by name: every registered format writes its file; kg build writes only its four."""
from __future__ import annotations

from pathlib import Path

import pytest

import sample_graph
from kg.errors import KgError
from kg.writers.registry import BUILD_FORMATS, FORMATS, write_all


def test_registry_names_formats_and_files() -> None:
    assert {n: f.filename for n, f in FORMATS.items()} == {
        "turtle": "kg.ttl", "ntriples": "kg.nt", "trig": "kg.trig", "nquads": "kg.nq", "jsonld": "kg.jsonld",
        "json": "kg.json", "graphml": "kg.graphml", "gexf": "kg.gexf", "cypher": "kg.cypher",
        "neo4j-csv": "neo4j-import", "html": "kg.html"}


def test_registry_build_writes_only_its_four_files(tmp_path: Path) -> None:
    assert BUILD_FORMATS == ("turtle", "json", "graphml", "html")
    paths = write_all(sample_graph.build(), tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kg.graphml", "kg.html", "kg.json", "kg.ttl"]
    assert paths == [tmp_path / FORMATS[n].filename for n in BUILD_FORMATS]


def test_registry_write_all_writes_named_formats(tmp_path: Path) -> None:
    out = tmp_path / "out" / "nested"
    paths = write_all(sample_graph.build(), out, names=["turtle", "json", "graphml"])
    assert paths == [out / "kg.ttl", out / "kg.json", out / "kg.graphml"]
    assert sorted(p.name for p in out.iterdir()) == ["kg.graphml", "kg.json", "kg.ttl"]
    assert all(p.stat().st_size > 0 for p in paths)


def test_registry_every_format_writes_and_readable_ones_read(tmp_path: Path) -> None:
    kg = sample_graph.build()
    paths = write_all(kg, tmp_path, names=list(FORMATS))
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f.filename for f in FORMATS.values())
    for name, path in zip(FORMATS, paths):
        if FORMATS[name].reader is not None:
            assert FORMATS[name].read(path), name


def test_registry_unreadable_format_says_so(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="html cannot be read back"):
        FORMATS["html"].read(tmp_path / "kg.html")


def test_registry_refuses_unknown_format(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown format pdf"):
        write_all(sample_graph.build(), tmp_path, names=["pdf"])
    assert list(tmp_path.iterdir()) == []


def test_registry_unwritable_output_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(KgError, match="E006"):
        write_all(sample_graph.build(), blocker / "out", names=["json"])
    with pytest.raises(KgError, match="E006"):
        FORMATS["neo4j-csv"].write(sample_graph.build(), blocker)


def test_registry_every_verb_loads() -> None:
    """A row naming a module or function that does not exist fails here, not in a user's export."""
    for f in FORMATS.values():
        assert callable(f.load())
        if f.reader is not None:
            module, func = f.reader.split(":")
            assert callable(getattr(__import__(module, fromlist=[func]), func))
