"""Interactive HTML view of a knowledge graph: one self-contained page, byte-identical for the same graph.

The graph goes into the page as data (:func:`page_data`): entities with their names,
evidence sentences and positions computed here (no physics in the browser), relations with
Chinese labels, and metrics for their subjects. :mod:`kg.writers.html_page` turns the data into the page.
"""
from __future__ import annotations

import os
from collections import Counter
from decimal import Decimal
from typing import Any, Iterable

from ..model import SENTENCE_STOPS, Document, Entity, KnowledgeGraph, Metric, Span
from .atomic import write_atomic
from .html_layout import layout
from .html_page import FONT_FACE, page

__all__ = ["write_html", "render_html", "page_data", "heading_for", "metric_label", "readable_number"]

# type: (Chinese name, colour, vis shape, legend glyph)
TYPE_STYLES: dict[str, tuple[str, str, str, str]] = {
    "Person": ("人物", "#e15759", "dot", "●"),
    "Organization": ("机构", "#4e79a7", "square", "■"),
    "Industry": ("产业", "#59a14f", "hexagon", "⬢"),
    "Policy": ("政策", "#f28e2b", "diamond", "◆"),
    "Location": ("地点", "#17becf", "triangle", "▲"),
    "Event": ("事件", "#b07aa1", "star", "★"),
}
OTHER_STYLE = ("其他", "#9c755f", "ellipse", "⬬")  # a type the model may grow later
METRIC_COLOUR = "#bab0ac"

PREDICATE_LABELS: dict[str, str] = {
    "holds_post": "任职",
    "part_of": "隶属",
    "issues": "发布",
    "targets": "针对",
    "located_in": "位于",
    "participates_in": "参加",
}

SUBTYPE_LABELS: dict[str, str] = {
    "GovernmentBody": "政府机构",
    "Company": "企业",
    "Association": "协会",
    "Academic": "学术机构",
    "Media": "媒体",
    "Other": "其他",
}

LONG_SENTENCE = 240  # longer "sentences" (a fact spanning paragraphs, text without stops) are cut
EXCERPT_REACH = 90  # characters kept either side of each end of the evidence in a cut sentence
MAX_EVIDENCE = 8  # sentences listed per entity or fact; the panel says how many more there are
UNIT_PREFIXES = ("万", "亿", "%", "‰")  # units already scaled (万辆) or ratios: numbers stay as written


def write_html(kg: KnowledgeGraph, path: str | os.PathLike[str], focus: Iterable[str] = (),
               heading: str | None = None) -> None:
    """Write the graph as one self-contained interactive HTML page, atomically.

    ``focus`` names entity ids the page opens on (selected, outlined, in the side panel).
    """
    write_atomic(path, render_html(kg, focus, heading).encode("utf-8"))


def render_html(kg: KnowledgeGraph, focus: Iterable[str] = (), heading: str | None = None) -> str:
    """The page as text: same graph in, same text out."""
    return page(heading or heading_for(kg), page_data(kg, focus))


def heading_for(kg: KnowledgeGraph) -> str:
    return (f"产业政策知识图谱（{len(kg.documents)} 篇文档，{len(kg.entities)} 个实体，"
            f"{len(kg.relations)} 条关系，{len(kg.metrics)} 项指标）")


def page_data(kg: KnowledgeGraph, focus: Iterable[str] = ()) -> dict[str, Any]:
    """Everything the page script reads, as plain JSON-able values in a fixed order."""
    entities = kg.sorted_entities()
    index = {entity.id: i for i, entity in enumerate(entities)}
    relations = [r for r in kg.sorted_relations() if r.subject in index and r.object in index]
    metrics = kg.sorted_metrics()
    degree = Counter(i for r in relations for i in {index[r.subject], index[r.object]})
    sentences = _Sentences(kg)
    data_entities = [_entity(entity, degree[i], sentences) for i, entity in enumerate(entities)]
    data_relations = [{"from": index[r.subject], "to": index[r.object], "predicate": r.predicate,
                       "roles": sorted(r.roles), **sentences.cite(r.evidence)} for r in relations]
    data_metrics = [_metric(m, index.get(m.subject) if m.subject else None, sentences) for m in metrics]
    links = [(index[r.subject], index[r.object]) for r in relations]
    for record, (x, y) in zip(data_entities, layout(len(entities), links)):
        record["x"], record["y"] = x, y
    table = sentences.table()
    for record in data_entities + data_relations + data_metrics:
        record["evidence"] = [table[excerpt] for excerpt in record["evidence"]]
    return {
        "docs": sentences.docs,
        "entities": data_entities,
        "focus": sorted(index[i] for i in set(focus) if i in index),
        "metricColour": METRIC_COLOUR,
        "metrics": data_metrics,
        "options": OPTIONS,
        "predicates": PREDICATE_LABELS,
        "relations": data_relations,
        "sentences": sentences.rows(),
        "types": [{"type": t, "name": name, "colour": colour, "shape": shape, "glyph": glyph}
                  for t, (name, colour, shape, glyph) in (*TYPE_STYLES.items(), ("Other", OTHER_STYLE))],
    }


class _Sentences:
    """The evidence excerpts a page cites, each stored once and referred to by number.

    An excerpt is the sentence around a span, as :meth:`Document.sentence_of` finds it; where
    that runs past :data:`LONG_SENTENCE` characters, the stretches around the span's two ends.
    """

    def __init__(self, kg: KnowledgeGraph):
        self.kg = kg
        self.used: set[tuple[Span, ...]] = set()
        self.docs = sorted(kg.documents)

    def cite(self, spans: Iterable[Span]) -> dict[str, Any]:
        """The first :data:`MAX_EVIDENCE` distinct excerpts for ``spans`` and how many more there are."""
        found = sorted({_excerpt(self.kg.documents[s.doc], s) for s in spans if s.doc in self.kg.documents})
        shown = found[:MAX_EVIDENCE]
        self.used.update(shown)
        return {"evidence": shown, "more": len(found) - len(shown)}

    def table(self) -> dict[tuple[Span, ...], int]:
        return {excerpt: i for i, excerpt in enumerate(sorted(self.used))}

    def rows(self) -> list[list[Any]]:
        """[document number, text] for each excerpt, in table order."""
        number = {name: i for i, name in enumerate(self.docs)}
        return [[number[excerpt[0].doc], _excerpt_text(self.kg.documents[excerpt[0].doc], excerpt)]
                for excerpt in sorted(self.used)]


def _excerpt(doc: Document, span: Span) -> tuple[Span, ...]:
    whole = doc.sentence_of(span)
    if whole.end - whole.start <= LONG_SENTENCE:
        return (whole,)
    windows: list[Span] = []
    for at in (span.start, span.end - 1):
        sentence = doc.sentence_of(Span(doc.name, at, at + 1))
        start, end = max(sentence.start, at - EXCERPT_REACH), min(sentence.end, at + 1 + EXCERPT_REACH)
        if windows and start <= windows[-1].end:
            windows[-1] = Span(doc.name, windows[-1].start, max(end, windows[-1].end))
        else:
            windows.append(Span(doc.name, start, end))
    return tuple(windows)


def _excerpt_text(doc: Document, excerpt: tuple[Span, ...]) -> str:
    """The excerpt's stretches joined by "……", with "…" where a sentence was cut."""
    text, parts = doc.text, []
    for window in excerpt:
        cut_before = window.start > 0 and text[window.start - 1] not in SENTENCE_STOPS + (" ",)
        cut_after = window.end < len(text) and text[window.end - 1] not in SENTENCE_STOPS \
            and text[window.end] not in SENTENCE_STOPS
        parts.append("…" * cut_before + text[window.start:window.end] + "…" * cut_after)
    return " …… ".join(parts)


def _entity(entity: Entity, degree: int, sentences: _Sentences) -> dict[str, Any]:
    name = TYPE_STYLES.get(entity.type, OTHER_STYLE)[0]
    kind = name + (f"（{SUBTYPE_LABELS.get(entity.subtype, entity.subtype)}）" if entity.subtype else "")
    return {"label": entity.label, "type": entity.type if entity.type in TYPE_STYLES else "Other",
            "kind": kind, "names": [entity.label] + sorted(entity.aliases - {entity.label}),
            "degree": degree, "mentions": len(entity.mentions),
            "docs": len({span.doc for span in entity.mentions}), **sentences.cite(entity.mentions)}


def _metric(metric: Metric, subject: int | None, sentences: _Sentences) -> dict[str, Any]:
    details = [f"{key}：{text}" for key, text in (("口径", metric.measure), ("限定", metric.qualifier),
                                                  ("时期", metric.period)) if text]
    return {"subject": subject, "label": metric_label(metric), "details": details,
            **sentences.cite(metric.evidence)}


def metric_label(metric: Metric) -> str:
    """What a reader says aloud: 汽车产销量 突破3000万辆（2023）, 销量 同比增长12%（2023）."""
    amount = (metric.measure or "") + (metric.qualifier or "") + readable_number(metric.value, metric.unit)
    return f"{metric.indicator} {amount}" + (f"（{metric.period}）" if metric.period else "")


def readable_number(value: Decimal, unit: str | None) -> str:
    """The value with its unit, large counts in 万/亿 as Chinese writes them: 6.2亿辆, 958.7万辆, 12%."""
    unit = unit or ""
    if not unit.startswith(UNIT_PREFIXES):
        for scale, word in ((Decimal(10) ** 8, "亿"), (Decimal(10) ** 4, "万")):
            if abs(value) >= scale:
                value, unit = value / scale, word + unit
                break
    return format(value.normalize(), "f") + unit


# vis-network options. Positions come from :mod:`.html_layout`, so physics is off at any
# size: seeds' 300 entities were ready in 1.1 s this way and in 4.4 s with browser physics
# stabilising first, and physics leaves isolated nodes in a loose ring around the rest.
OPTIONS: dict[str, Any] = {
    "layout": {"improvedLayout": False},
    "physics": {"enabled": False},
    "nodes": {"font": {"size": 14, "face": FONT_FACE}, "scaling": {"min": 10, "max": 36}},
    "edges": {"font": {"size": 11, "face": FONT_FACE, "color": "#555"}, "color": {"color": "#9aa7b4"},
              "arrows": {"to": {"scaleFactor": 0.5}}, "smooth": {"enabled": False}},
    "interaction": {"hover": False, "hideEdgesOnDrag": True, "multiselect": False},
}
