"""The HTML writer: offline, deterministic, inert to hostile text, and really drawn by a browser."""
from __future__ import annotations

import html
import json
import re
import tempfile
from decimal import Decimal
from pathlib import Path

import pytest

from kg.model import Document, Entity, KnowledgeGraph, Metric, Relation, Span
from kg.writers.html import PHYSICS_MAX_NODES, write_html

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
REMOTE = re.compile(r"""(?:\b(?:src|href)\s*=\s*["']?|url\(\s*["']?|@import\s+["']?)\s*(?:https?:)?//""", re.I)


def _entity(kg: KnowledgeGraph, id: str, type: str, label: str, mentions: int = 1,
            subtype: str | None = None, aliases: tuple[str, ...] = ()) -> None:
    spans = {Span("doc1", i, i + 1) for i in range(mentions)}
    kg.entities[id] = Entity(id, type, label, subtype, set(aliases), spans)


def _relation(kg: KnowledgeGraph, subject: str, predicate: str, object: str,
              roles: tuple[str, ...] = ()) -> None:
    relation = Relation(subject, predicate, object, set(roles), {Span("doc1", 0, 1)})
    kg.relations[relation.key] = relation


def small_graph() -> KnowledgeGraph:
    """Every entity type, every predicate, a metric, and two hostile labels."""
    kg = KnowledgeGraph(documents={"doc1": Document("doc1", "正文", "0" * 64)})
    _entity(kg, "p1", "Person", "金壮龙", 3)
    _entity(kg, "o1", "Organization", "工业和信息化部", 5, "GovernmentBody", ("工信部",))
    _entity(kg, "o2", "Organization", "国务院", 2, "GovernmentBody")
    _entity(kg, "pol1", "Policy", "新能源汽车产业发展规划", 2)
    _entity(kg, "i1", "Industry", "新能源汽车", 4)
    _entity(kg, "l1", "Location", "北京")
    _entity(kg, "ev1", "Event", "世界智能网联汽车大会")
    _entity(kg, "x1", "Organization", SCRIPT, aliases=('<a href="javascript:alert(1)">x</a>',))
    _entity(kg, "x2", "Industry", IMG)
    _relation(kg, "p1", "holds_post", "o1", ("党组书记", "部长"))
    _relation(kg, "o1", "part_of", "o2")
    _relation(kg, "o1", "issues", "pol1")
    _relation(kg, "pol1", "targets", "i1")
    _relation(kg, "o1", "located_in", "l1")
    _relation(kg, "ev1", "located_in", "l1")
    _relation(kg, "o1", "participates_in", "ev1")
    _relation(kg, "x1", "issues", "pol1", (IMG,))
    _relation(kg, "pol1", "targets", "x2")
    kg.metrics["m1"] = Metric("m1", "新能源汽车产量", Decimal("958.7"), "万辆", None, "2023", None, "i1",
                              {Span("doc1", 0, 1)})
    return kg


def large_graph() -> KnowledgeGraph:
    """A chain just past the physics limit."""
    kg = KnowledgeGraph()
    for i in range(PHYSICS_MAX_NODES + 5):
        _entity(kg, f"o{i:04d}", "Organization", f"机构{i}")
        if i:
            _relation(kg, f"o{i:04d}", "part_of", f"o{i - 1:04d}")
    return kg


def page_data(text: str) -> tuple[list[dict], list[dict], dict]:
    """The nodes, edges and options the page hands to vis-network."""
    nodes, edges = (json.loads(m) for m in re.findall(r"new vis\.DataSet\((\[.*\])\);", text))
    options = json.loads(re.search(r"\{nodes: nodes, edges: edges\}, (\{.*\})\);", text).group(1))
    return nodes, edges, options


def written(kg: KnowledgeGraph, folder: Path, name: str = "graph.html") -> str:
    path = folder / name
    write_html(kg, path)
    return path.read_text(encoding="utf-8")


def test_html_has_no_remote_urls(tmp_path: Path) -> None:
    text = written(small_graph(), tmp_path)
    assert "vis.Network" in text and "<link" not in text
    assert REMOTE.findall(text) == []


def test_html_is_a_single_file(tmp_path: Path) -> None:
    written(small_graph(), tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.html"]


def test_html_is_byte_identical(tmp_path: Path) -> None:
    kg = small_graph()
    shuffled = KnowledgeGraph(
        documents=kg.documents,
        entities=dict(reversed(kg.entities.items())),
        relations=dict(reversed(kg.relations.items())),
        metrics=kg.metrics,
    )
    write_html(kg, tmp_path / "a.html")
    write_html(shuffled, tmp_path / "b.html")
    write_html(kg, tmp_path / "a.html")  # overwrite in place
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()


def test_html_escapes_hostile_labels(tmp_path: Path) -> None:
    text = written(small_graph(), tmp_path)
    for payload in (SCRIPT, IMG, "<a href"):
        assert payload not in text
    nodes, edges, _ = page_data(text)
    labels = {n["id"]: n["label"] for n in nodes}
    assert labels["e:x1"] == html.escape(SCRIPT) and labels["e:x2"] == html.escape(IMG)
    assert all("<" not in item[key] for item in nodes + edges for key in ("label", "title") if key in item)


def test_html_titles_never_say_href(tmp_path: Path) -> None:
    nodes, _, _ = page_data(written(small_graph(), tmp_path))
    x1 = next(n for n in nodes if n["id"] == "e:x1")
    assert "hre&amp;#102;" not in x1["title"] and "hre&#102;" in x1["title"]
    assert not any("href" in n["title"] for n in nodes)


def test_html_labels_are_chinese(tmp_path: Path) -> None:
    nodes, edges, _ = page_data(written(small_graph(), tmp_path))
    by_id = {n["id"]: n for n in nodes}
    assert by_id["e:o1"]["label"] == "工业和信息化部"
    assert by_id["e:o1"]["title"].splitlines()[1:] == ["类型：机构（政府机构）", "别名：工信部",
                                                       "提及：5 次（1 篇文档）"]
    assert (by_id["e:p1"]["shape"], by_id["e:o1"]["shape"]) == ("dot", "square")
    assert by_id["m:m1"]["label"] == "新能源汽车产量 958.7万辆 2023"
    edge_labels = {(e["from"], e["to"]): e.get("label") for e in edges}
    assert edge_labels[("e:p1", "e:o1")] == "任职：党组书记、部长"
    assert edge_labels[("e:o1", "e:pol1")] == "发布"
    assert edge_labels[("e:i1", "m:m1")] is None


def test_html_physics_only_for_small_graphs(tmp_path: Path) -> None:
    nodes, _, options = page_data(written(small_graph(), tmp_path, "small.html"))
    assert options["physics"]["enabled"] and options["physics"]["stabilization"]["iterations"] > 0
    assert not any("x" in n for n in nodes)
    text = written(large_graph(), tmp_path, "large.html")
    nodes, _, options = page_data(text)
    assert not options["physics"]["enabled"]
    assert all(isinstance(n["x"], int) and isinstance(n["y"], int) for n in nodes)
    assert len({(n["x"], n["y"]) for n in nodes}) == len(nodes)
    assert written(large_graph(), tmp_path, "large2.html") == text


def test_html_in_chromium(tmp_path: Path) -> None:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is absent (Debian package chromium)")
    from playwright.sync_api import sync_playwright

    kg = small_graph()
    page_path = tmp_path / "graph.html"
    write_html(kg, page_path)
    requests: list[str] = []
    dialogs: list[str] = []
    with tempfile.TemporaryDirectory() as profile, sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            profile, executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_FLAGS,
            viewport={"width": 1280, "height": 900})
        try:
            context.on("request", lambda request: requests.append(request.url))
            page = context.new_page()
            page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
            page.goto(page_path.as_uri())
            # the page turns physics off once stabilised: the layout is final then
            page.wait_for_function("network.physics.options.enabled === false", timeout=60_000)
            drawn = page.evaluate("""() => {
                const canvas = document.querySelector('#mynetwork canvas');
                const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                let inked = 0;
                for (let i = 0; i < pixels.length; i += 4) if (pixels[i + 3] && pixels[i] < 200) inked++;
                return {nodes: nodes.length, edges: edges.length, bodyNodes: network.body.nodeIndices.length,
                        inked: inked, images: document.images.length};
            }""")
            hostile = page.evaluate("network.canvasToDOM(network.getPosition('e:x1'))")
            box = page.locator("#mynetwork").bounding_box()
            page.mouse.move(box["x"] + hostile["x"], box["y"] + hostile["y"])
            page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5_000)
            tooltip = page.inner_text("div.vis-tooltip")
            page.screenshot(path=str(tmp_path / "graph.png"), full_page=True)
        finally:
            context.close()
    outside = [url for url in requests if not url.startswith(("file://", "data:", "about:"))]
    assert outside == []
    assert dialogs == []
    expected_nodes = len(kg.entities) + len(kg.metrics)
    assert drawn["nodes"] == drawn["bodyNodes"] == expected_nodes
    assert drawn["edges"] == len(kg.relations) + 1
    assert drawn["inked"] > 1000 and drawn["images"] == 0
    assert tooltip.splitlines()[0] == html.escape(SCRIPT)
    assert (tmp_path / "graph.png").stat().st_size > 10_000
