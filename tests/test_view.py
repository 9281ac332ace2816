"""`kg view` and the selection behind it: a neighbourhood or some types of the stored graph."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kg.errors import E_NO_STORE, E_OPTION, E_OUTPUT, E_UNKNOWN_NAME, KgError
from kg.model import KnowledgeGraph
from kg.store import load_graph
from kg.subgraph import parse_types, resolve_name, select
from test_html import browser, embedded, offline, open_page, screenshot

MINISTRY = "Organization/工业和信息化部"


@pytest.fixture(scope="module")
def seeds(seeds_out: Path) -> KnowledgeGraph:
    return load_graph(seeds_out)


def _kg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True)


def _neighbours(kg: KnowledgeGraph, entity_id: str) -> set[str]:
    return {r.object if r.subject == entity_id else r.subject for r in kg.relations.values()
            if entity_id in (r.subject, r.object)}


def test_view_names_resolve_by_label_and_alias(seeds: KnowledgeGraph) -> None:
    assert resolve_name(seeds, "工业和信息化部") == resolve_name(seeds, "工信部") == (MINISTRY,)
    assert resolve_name(seeds, " 金壮龙 ") == ("Person/金壮龙",)


def test_view_unknown_name_lists_close_names(seeds: KnowledgeGraph) -> None:
    with pytest.raises(KgError) as caught:
        resolve_name(seeds, "工信")
    assert caught.value.code == E_UNKNOWN_NAME
    assert "'工信'" in str(caught.value) and "工信部" in str(caught.value)


def test_view_focus_depth_is_the_neighbourhood(seeds: KnowledgeGraph) -> None:
    one, two = select(seeds, "工信部", 1), select(seeds, "工业和信息化部", 2)
    first = _neighbours(seeds, MINISTRY)
    second = set().union(*(_neighbours(seeds, e) for e in first))
    assert set(one.kg.entities) == first | {MINISTRY}
    assert set(two.kg.entities) == first | second | {MINISTRY}
    assert "Person/金壮龙" in one.kg.entities and one.focus == two.focus == (MINISTRY,)
    assert set(select(seeds, "工信部", 0).kg.entities) == {MINISTRY}
    for part in (one, two):
        kept = part.kg.entities
        assert all(r.subject in kept and r.object in kept for r in part.kg.relations.values())
        assert {k for k, r in seeds.relations.items() if r.subject in kept and r.object in kept} == set(part.kg.relations)
        assert all(m.subject in kept for m in part.kg.metrics.values()) and part.kg.metrics
        assert set(part.kg.documents) <= set(seeds.documents) and part.kg.documents
    assert two.heading.startswith("产业政策知识图谱 · 「工业和信息化部」2 步之内（")


def test_view_types_filter_and_focus_together(seeds: KnowledgeGraph) -> None:
    people = select(seeds, types=parse_types("Person"))
    assert {e.type for e in people.kg.entities.values()} == {"Person"}
    assert len(people.kg.entities) == sum(e.type == "Person" for e in seeds.entities.values())
    near = select(seeds, "工信部", 2, parse_types("人物"))
    assert {e.type for e in near.kg.entities.values()} == {"Person", "Organization"}  # the focus stays
    assert set(near.kg.entities) == {MINISTRY} | {e for e in _neighbours(seeds, MINISTRY) if e.startswith("Person/")}
    assert select(seeds).kg is seeds and select(seeds).heading is None


def test_view_types_accept_chinese_and_any_case() -> None:
    assert parse_types("person, 机构 ,EVENT") == ("Event", "Organization", "Person")
    for bad in ("Persons", "", "Person,Metric"):
        with pytest.raises(KgError) as caught:
            parse_types(bad)
        assert caught.value.code == E_OPTION and "known: Person" in str(caught.value)


def test_view_cli_writes_the_neighbourhood_page(seeds_out: Path, tmp_path: Path) -> None:
    page_path = tmp_path / "ministry.html"
    r = _kg("view", "-s", str(seeds_out), "--focus", "工业和信息化部", "--depth", "2", "-o", str(page_path))
    assert r.returncode == 0, r.stderr
    data = embedded(page_path.read_text(encoding="utf-8"))
    assert [data["entities"][i]["label"] for i in data["focus"]] == ["工业和信息化部"]
    assert "「工业和信息化部」2 步之内" in page_path.read_text(encoding="utf-8")
    again = tmp_path / "again.html"
    assert _kg("view", "-s", str(seeds_out), "--focus", "工信部", "--depth", "2", "-o", str(again)).returncode == 0
    assert again.read_bytes() == page_path.read_bytes()
    with browser() as (page, requests, dialogs):
        open_page(page, page_path)
        assert page.inner_text("#panel h2") == "工业和信息化部"
        assert page.evaluate("kgView.network.getSelectedNodes().length") == 1
        screenshot(page, "focus-ministry.png")
    assert offline(requests) == [] and dialogs == []


def test_view_cli_whole_graph_matches_kg_html(seeds_out: Path, tmp_path: Path) -> None:
    r = _kg("view", "-s", str(seeds_out), "-o", str(tmp_path / "all.html"))
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "all.html").read_bytes() == (seeds_out / "kg.html").read_bytes()


@pytest.mark.parametrize("args, code, words", [
    (["--focus", "不存在的机构"], E_UNKNOWN_NAME, "no entity is named"),
    (["--types", "Person,Robot"], E_OPTION, "unknown entity type 'Robot'"),
    (["--focus", "金壮龙", "--depth", "-1"], E_OPTION, "--depth must be 0 or more"),
    (["--depth", "2"], E_OPTION, "--depth needs --focus"),
])
def test_view_cli_bad_options_fail_in_one_line(seeds_out: Path, tmp_path: Path, args: list[str], code: str,
                                               words: str) -> None:
    r = _kg("view", "-s", str(seeds_out), "-o", str(tmp_path / "x.html"), *args)
    assert r.returncode == 2 and r.stderr.startswith(f"kg: error {code}: ") and words in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1 and not (tmp_path / "x.html").exists()


def test_view_cli_missing_store_or_output_folder(seeds_out: Path, tmp_path: Path) -> None:
    r = _kg("view", "-s", str(tmp_path / "nothing"), "-o", str(tmp_path / "x.html"))
    assert r.returncode == 2 and E_NO_STORE in r.stderr and len(r.stderr.strip().splitlines()) == 1
    r = _kg("view", "-s", str(seeds_out), "-o", str(tmp_path / "no" / "x.html"))
    assert r.returncode == 2 and E_OUTPUT in r.stderr and "no folder" in r.stderr
