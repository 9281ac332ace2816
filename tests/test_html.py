"""The HTML view: offline, deterministic, inert to hostile text, and usable in a real browser."""
from __future__ import annotations

import json
import math
import re
import tempfile
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Iterator

import pytest

from kg.build import build
from kg.model import Document, Entity, KnowledgeGraph, Metric, Relation, Span
from kg.writers.html import metric_label, page_data, readable_number, render_html, write_html
from kg.writers.html_layout import layout
from kg.writers.html_page import _vis_network

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SCREENS = Path("/tmp/kg-screens")
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
REMOTE = re.compile(r"""(?:\b(?:src|href)\s*=\s*["']?|url\(\s*["']?|@import\s+["']?)\s*(?:https?:)?//""", re.I)
TEXT = "工业和信息化部党组书记、部长金壮龙出席会议。工信部印发《新能源汽车产业发展规划》。"


def _entity(kg: KnowledgeGraph, id: str, type: str, label: str, *spans: tuple[int, int],
            subtype: str | None = None, aliases: tuple[str, ...] = ()) -> None:
    kg.entities[id] = Entity(id, type, label, subtype, set(aliases), {Span("doc1", a, b) for a, b in spans})


def _relation(kg: KnowledgeGraph, subject: str, predicate: str, object: str, span: tuple[int, int] = (0, 1),
              roles: tuple[str, ...] = ()) -> None:
    relation = Relation(subject, predicate, object, set(roles), {Span("doc1", *span)})
    kg.relations[relation.key] = relation


def small_graph() -> KnowledgeGraph:
    """Every entity type, every predicate, metrics with and without a subject, and hostile labels."""
    kg = KnowledgeGraph(documents={"doc1": Document("doc1", TEXT, "0" * 64)})
    _entity(kg, "p1", "Person", "金壮龙", (14, 17))
    _entity(kg, "o1", "Organization", "工业和信息化部", (0, 7), (23, 26), subtype="GovernmentBody", aliases=("工信部",))
    _entity(kg, "o2", "Organization", "国务院", subtype="GovernmentBody")
    _entity(kg, "pol1", "Policy", "新能源汽车产业发展规划", (29, 39))
    _entity(kg, "i1", "Industry", "新能源汽车", (29, 34))
    _entity(kg, "l1", "Location", "北京")
    _entity(kg, "ev1", "Event", "世界智能网联汽车大会")
    _entity(kg, "x1", "Organization", SCRIPT, aliases=('<a href="javascript:alert(1)">x</a>',))
    _entity(kg, "x2", "Industry", IMG)
    _relation(kg, "p1", "holds_post", "o1", (0, 17), ("党组书记", "部长"))
    _relation(kg, "o1", "part_of", "o2")
    _relation(kg, "o1", "issues", "pol1", (23, 39))
    _relation(kg, "pol1", "targets", "i1")
    _relation(kg, "o1", "located_in", "l1")
    _relation(kg, "ev1", "located_in", "l1")
    _relation(kg, "o1", "participates_in", "ev1")
    _relation(kg, "x1", "issues", "pol1", roles=(IMG,))
    _relation(kg, "pol1", "targets", "x2")
    kg.metrics["m1"] = Metric("m1", "新能源汽车产量", Decimal("958.7"), "万辆", None, "2023", None, "i1",
                              {Span("doc1", 29, 34)})
    kg.metrics["m2"] = Metric("m2", "汽车产销量", Decimal("620000000.0"), "辆", None, None, "突破", None,
                              {Span("doc1", 0, 2)})
    return kg


def embedded(text: str) -> dict:
    """The graph data the page carries."""
    return json.loads(re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', text, re.S).group(1))


def test_html_has_no_remote_urls_and_is_one_file(tmp_path: Path) -> None:
    write_html(small_graph(), tmp_path / "graph.html")
    text = (tmp_path / "graph.html").read_text(encoding="utf-8")
    assert "vis.Network" in text and "<link" not in text
    assert REMOTE.findall(text) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.html"]


def test_html_is_byte_identical(tmp_path: Path) -> None:
    kg = small_graph()
    shuffled = KnowledgeGraph(documents=kg.documents, entities=dict(reversed(kg.entities.items())),
                              relations=dict(reversed(kg.relations.items())), metrics=dict(reversed(kg.metrics.items())))
    write_html(kg, tmp_path / "a.html")
    write_html(shuffled, tmp_path / "b.html")
    write_html(kg, tmp_path / "a.html")  # overwrite in place
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()


def test_html_hostile_text_is_data_never_markup() -> None:
    kg = small_graph()
    kg.documents["doc1"].text = TEXT + SCRIPT + "__VIS__ __DATA__ </script><!--"
    kg.entities["x1"].mentions = {Span("doc1", len(TEXT), len(TEXT) + len(SCRIPT))}
    text = render_html(kg)
    for payload in (SCRIPT, IMG, "<a href", "<!--", "</script><"):
        assert payload not in text
    library = _vis_network()
    assert text.count("<script") - library.count("<script") == 3  # the data, vis-network, the page script
    data = embedded(text)
    labels = {e["label"] for e in data["entities"]}
    assert {SCRIPT, IMG} <= labels  # shown as the very characters, by textContent and canvas text
    assert any("__VIS__ __DATA__" in row[1] for row in data["sentences"])  # placeholders in text stay text


def test_html_data_is_chinese_and_complete() -> None:
    data = page_data(small_graph())
    entities = {e["label"]: e for e in data["entities"]}
    ministry = entities["工业和信息化部"]
    assert ministry["kind"] == "机构（政府机构）" and ministry["names"] == ["工业和信息化部", "工信部"]
    assert ministry["degree"] == 5 and entities["国务院"]["degree"] == 1
    assert data["predicates"] == {"holds_post": "任职", "part_of": "隶属", "issues": "发布", "targets": "针对",
                                  "located_in": "位于", "participates_in": "参加"}
    post = next(r for r in data["relations"] if r["predicate"] == "holds_post")
    assert data["entities"][post["from"]]["label"] == "金壮龙" and post["roles"] == ["党组书记", "部长"]
    assert [data["sentences"][i] for i in post["evidence"]] == [[0, "工业和信息化部党组书记、部长金壮龙出席会议。"]]
    assert data["docs"] == ["doc1"]
    shapes = {t["type"]: t["shape"] for t in data["types"]}
    assert (shapes["Person"], shapes["Organization"]) == ("dot", "square")
    metrics = {m["label"]: m for m in data["metrics"]}
    assert data["entities"][metrics["新能源汽车产量 958.7万辆（2023）"]["subject"]]["label"] == "新能源汽车"
    assert metrics["汽车产销量 突破6.2亿辆"]["subject"] is None


@pytest.mark.parametrize("value, unit, shown", [
    ("620000000.0", "辆", "6.2亿辆"), ("958.7", "万辆", "958.7万辆"), ("30000000", "辆", "3000万辆"),
    ("80600000000", "元", "806亿元"), ("12.0", "%", "12%"), ("340", "个", "340个"), ("0.50", None, "0.5"),
])
def test_html_metric_values_are_readable(value: str, unit: str | None, shown: str) -> None:
    assert readable_number(Decimal(value), unit) == shown


def test_html_metric_label_says_measure_and_qualifier() -> None:
    metric = Metric("m", "销量", Decimal("12"), "%", "同比增长", "2023", "超过", None)
    assert metric_label(metric) == "销量 同比增长超过12%（2023）"


def test_html_long_evidence_is_cut_around_its_ends() -> None:
    filler = "，".join(["推进制造业高质量发展"] * 60)
    text = f"工信部表示{filler}，实施《产业基础再造工程》。"
    kg = KnowledgeGraph(documents={"doc1": Document("doc1", text, "0" * 64)})
    _entity(kg, "o1", "Organization", "工信部", (0, 3))
    _entity(kg, "p1", "Policy", "产业基础再造工程", (len(text) - 10, len(text) - 2))
    _relation(kg, "o1", "issues", "p1", (0, len(text) - 2))
    data = page_data(kg)
    [shown] = [data["sentences"][i][1] for i in data["relations"][0]["evidence"]]
    assert shown.startswith("工信部表示") and shown.endswith("实施《产业基础再造工程》。")
    assert " …… " in shown and len(shown) < 300


def test_html_evidence_is_capped_with_a_count() -> None:
    text = "。".join(f"工信部第{i}次会议" for i in range(12)) + "。"
    kg = KnowledgeGraph(documents={"doc1": Document("doc1", text, "0" * 64)})
    starts = [m.start() for m in re.finditer("工信部", text)]
    _entity(kg, "o1", "Organization", "工信部", *[(s, s + 3) for s in starts])
    [entity] = page_data(kg)["entities"]
    assert len(entity["evidence"]) == 8 and entity["more"] == 4 and entity["mentions"] == 12


def test_html_positions_are_precomputed_and_physics_is_off() -> None:
    data = page_data(small_graph())
    assert data["options"]["physics"] == {"enabled": False}
    points = [(e["x"], e["y"]) for e in data["entities"]]
    assert all(isinstance(v, int) for p in points for v in p) and len(set(points)) == len(points)


def test_html_layout_puts_linked_nodes_close() -> None:
    # two rings of 40 joined by one link, plus 20 loose nodes
    links = [(i, (i + 1) % 40) for i in range(40)] + [(40 + i, 40 + (i + 1) % 40) for i in range(40)] + [(0, 40)]
    points = layout(100, links)
    assert layout(100, links) == points and len(set(points)) == 100
    linked = sum(math.dist(points[a], points[b]) for a, b in links) / len(links)
    across = sum(math.dist(points[a], points[40 + (a * 7) % 40]) for a in range(40)) / 40
    assert linked * 3 < across


@contextmanager
def browser(viewport: dict | None = None) -> Iterator[tuple[object, list[str], list[str]]]:
    """A page in Debian's headless Chromium, with every request and dialog recorded."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is absent: install Debian's chromium package")
    from playwright.sync_api import sync_playwright

    requests: list[str] = []
    dialogs: list[str] = []
    with tempfile.TemporaryDirectory() as profile, sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            profile, executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_FLAGS,
            viewport=viewport or {"width": 1400, "height": 900})
        try:
            context.on("request", lambda request: requests.append(request.url))
            page = context.new_page()
            page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
            yield page, requests, dialogs
        finally:
            context.close()


def open_page(page, path: Path) -> None:
    page.goto(path.as_uri())
    page.wait_for_function("window.kgView && kgView.ready", timeout=60_000)


def node_id(page, label: str) -> str:
    return page.evaluate("(label) => kgView.nodes.get({filter: n => n.label === label})[0].id", label)


def click_node(page, node: str) -> None:
    at = page.evaluate("(id) => kgView.network.canvasToDOM(kgView.network.getPosition(id))", node)
    box = page.locator("#graph").bounding_box()
    page.mouse.click(box["x"] + at["x"], box["y"] + at["y"])


def screenshot(page, name: str) -> Path:
    SCREENS.mkdir(parents=True, exist_ok=True)
    path = SCREENS / name
    page.screenshot(path=str(path))
    print(f"screenshot: {path}")
    return path


def offline(requests: list[str]) -> list[str]:
    return [url for url in requests if not url.startswith(("file://", "data:", "about:"))]


def test_html_seeds_page_search_panel_filters(seeds_out: Path) -> None:
    page_path = seeds_out / "kg.html"
    with browser() as (page, requests, dialogs):
        open_page(page, page_path)
        page.fill("#search", "金壮龙")
        jin = node_id(page, "金壮龙")
        assert page.evaluate("kgView.network.getSelectedNodes()") == [jin]
        # centred: once the camera has moved, the node sits in the middle of the canvas
        page.wait_for_function("""(id) => {
            const at = kgView.network.canvasToDOM(kgView.network.getPosition(id));
            const box = document.getElementById('graph').getBoundingClientRect();
            return Math.abs(at.x - box.width / 2) < 5 && Math.abs(at.y - box.height / 2) < 5;
        }""", arg=jin, timeout=5_000)
        page.fill("#search", "")
        page.locator("#panel").evaluate("panel => panel.replaceChildren()")
        click_node(page, jin)
        assert page.inner_text("#panel h2") == "金壮龙"
        panel = page.inner_text("#panel")
        assert "部长" in panel and "工业和信息化部" in panel and "类型：人物" in panel
        assert ".txt" in panel  # evidence sentences carry their document's name
        screenshot(page, "seeds-jin.png")

        page.fill("#search", "工信部")  # an alias
        assert page.inner_text("#panel h2") == "工业和信息化部"
        assert page.evaluate("kgView.network.getSelectedNodes()") == [node_id(page, "工业和信息化部")]

        # hidden: neither the node nor any of its edges is among those vis-network draws
        hidden = """(id) => { const body = kgView.network.body;
            return !body.nodeIndices.includes(id) &&
                   !body.edgeIndices.some(e => body.edges[e].fromId === id || body.edges[e].toId === id); }"""
        page.uncheck("#legend input[data-type=Person]")
        assert page.evaluate(hidden, jin)
        page.check("#legend input[data-type=Person]")
        assert not page.evaluate(hidden, jin)

        before = page.evaluate("kgView.nodes.length")
        assert page.is_checked("#show-metrics") is False  # metrics start hidden: they crowd the view
        page.check("#show-metrics")
        assert page.evaluate("kgView.nodes.length") > before
        screenshot(page, "seeds-metrics.png")
    assert offline(requests) == [] and dialogs == []


def test_html_hostile_document_runs_nothing(tmp_path: Path) -> None:
    source = tmp_path / "docs"
    source.mkdir()
    (source / f"{IMG}.txt").write_text(
        f"《{SCRIPT}》由工业和信息化部印发。工业和信息化部印发《{IMG}》。{IMG}有限公司董事长王小明表示，2023年{IMG}产量突破6.2亿辆。"
        f"工业和信息化部部长金壮龙出席{SCRIPT}大会。", encoding="utf-8")
    kg = build([str(source)]).kg
    labels = {e.label for e in kg.entities.values()}
    assert SCRIPT in labels and IMG in labels
    page_path = tmp_path / "hostile.html"
    write_html(kg, page_path)
    with browser() as (page, requests, dialogs):
        open_page(page, page_path)
        overview = page.inner_text("#panel")
        assert IMG in overview  # the document's name and the loose metric, as text
        panels = []
        for i in range(len(kg.entities)):
            page.evaluate(f"kgView.select({i})")
            panels.append(page.inner_text("#panel"))
        page.fill("#search", "<")
        suggestions = page.inner_text("#suggestions")
        markup = page.evaluate("[document.images.length, document.scripts.length, "
                               "document.querySelectorAll('#panel *:not(h2,h3,p,ul,li,span,b,mark,div)').length]")
        screenshot(page, "hostile.png")
    assert dialogs == [] and offline(requests) == []
    assert markup == [0, 3, 0]
    assert any(SCRIPT in text for text in panels) and SCRIPT in suggestions


def test_html_benchmark_graph_answers_a_click(tmp_path: Path) -> None:
    """A small run of benchmarks/view_load.py, so the benchmark keeps working."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("view_load", Path(__file__).parents[1] / "benchmarks" / "view_load.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    kg = bench.synthetic_graph(200, 400)
    assert (len(kg.entities), len(kg.relations)) == (200, 400)
    write_html(kg, tmp_path / "synthetic.html")
    hub = sorted(kg.entities)[0]
    timings = bench.time_click(tmp_path / "synthetic.html", 0, kg.entities[hub].label)
    assert 0 < timings["drawn"] <= timings["answered"]
