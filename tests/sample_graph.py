"""A small hand-built knowledge graph that every writer test serialises.

It holds one of each relation, metrics with Decimal values, Chinese labels, and names
built to break careless IRIs and markup: spaces, quotes, ``<script>``, ``%``, ``#``, ``?``.
"""
from __future__ import annotations

import hashlib
from decimal import Decimal

from kg.model import Document, Entity, KnowledgeGraph, Metric, Relation, Span

DOC = "000_示例.txt"
HOSTILE_DOC = "001 hostile #1?.txt"
HOSTILE = '<script>alert("x")</script> 100% #1? {a|b} \\ ^`'
TEXT = ("工业和信息化部部长金壮龙出席全国工业和信息化工作会议。会议在北京召开。"
        "工业和信息化部发布《新能源汽车产业发展规划》，支持新能源汽车产业。"
        "2023年新能源汽车产量达958.7万辆。工业增加值增长4.60%。")
HOSTILE_TEXT = f"{HOSTILE}隶属于工信部。"


def span(text: str, doc: str = DOC, nth: int = 0) -> Span:
    """The span of the ``nth`` occurrence of ``text`` in the sample document."""
    source = TEXT if doc == DOC else HOSTILE_TEXT
    start = -1
    for _ in range(nth + 1):
        start = source.index(text, start + 1)
    return Span(doc, start, start + len(text))


def sentence(n: int) -> Span:
    """The ``n``-th sentence (ending in 。) of the sample document."""
    ends = [i + 1 for i, ch in enumerate(TEXT) if ch == "。"]
    starts = [0] + ends[:-1]
    return Span(DOC, starts[n], ends[n])


def _doc(name: str, text: str) -> Document:
    return Document(name, text, hashlib.sha256(text.encode("utf-8")).hexdigest())


def build() -> KnowledgeGraph:
    kg = KnowledgeGraph(documents={DOC: _doc(DOC, TEXT), HOSTILE_DOC: _doc(HOSTILE_DOC, HOSTILE_TEXT)})
    for e in (
        Entity("Person/金壮龙", "Person", "金壮龙", mentions={span("金壮龙")}),
        Entity("Organization/工业和信息化部", "Organization", "工业和信息化部", "GovernmentBody",
               aliases={"工信部"}, mentions={span("工业和信息化部"), span("工业和信息化部", nth=1),
                                            span("工信部", HOSTILE_DOC)}),
        Entity(f"Organization/{HOSTILE}", "Organization", HOSTILE, "Other",
               aliases={'"引号" & \'单引号\''}, mentions={span(HOSTILE, HOSTILE_DOC)}),
        Entity("Event/全国工业和信息化工作会议", "Event", "全国工业和信息化工作会议",
               mentions={span("全国工业和信息化工作会议")}),
        Entity("Location/北京", "Location", "北京", mentions={span("北京")}),
        Entity("Policy/新能源汽车产业发展规划", "Policy", "新能源汽车产业发展规划",
               mentions={span("新能源汽车产业发展规划")}),
        Entity("Industry/新能源汽车", "Industry", "新能源汽车", aliases={"新能源汽车产业"},
               mentions={span("新能源汽车", nth=1), span("新能源汽车产业", nth=1)}),
    ):
        kg.entities[e.id] = e
    for r in (
        Relation("Person/金壮龙", "holds_post", "Organization/工业和信息化部", {"部长"}, {sentence(0)}),
        Relation("Person/金壮龙", "participates_in", "Event/全国工业和信息化工作会议", evidence={sentence(0)}),
        Relation("Event/全国工业和信息化工作会议", "located_in", "Location/北京", evidence={sentence(1)}),
        Relation("Organization/工业和信息化部", "issues", "Policy/新能源汽车产业发展规划", evidence={sentence(2)}),
        Relation("Policy/新能源汽车产业发展规划", "targets", "Industry/新能源汽车", evidence={sentence(2)}),
        Relation(f"Organization/{HOSTILE}", "part_of", "Organization/工业和信息化部",
                 evidence={Span(HOSTILE_DOC, 0, len(HOSTILE_TEXT))}),
    ):
        kg.relations[r.key] = r
    for m in (
        Metric("新能源汽车产量/2023", "新能源汽车产量", Decimal("9587000"), "辆", None, "2023", "达",
               "Industry/新能源汽车", {span("2023年新能源汽车产量达958.7万辆")}),
        Metric('工业增加值 增长 4.60% #"q"', "工业增加值", Decimal("4.60"), "%", "增长", None, None, None,
               {span("工业增加值增长4.60%")}),
    ):
        kg.metrics[m.id] = m
    return kg
