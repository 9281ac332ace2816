"""Interactive HTML view of a knowledge graph: one self-contained pyvis (vis-network) page.

The page must open with no network at all, show hostile document text as inert text and
be byte-identical for the same graph, so it is rendered through our own small template
(vis-network inlined from pyvis's package, no Bootstrap or tom-select from a CDN) and every
string taken from documents is HTML-escaped before pyvis sees it.
"""
from __future__ import annotations

import html
import math
import os
from typing import TYPE_CHECKING, Any

from ..model import Entity, KnowledgeGraph, Metric, Relation
from .atomic import write_atomic

if TYPE_CHECKING:
    from jinja2 import Environment
    from pyvis.network import Network

# type: (Chinese name, colour, vis shape, legend glyph)
TYPE_STYLES: dict[str, tuple[str, str, str, str]] = {
    "Person": ("人物", "#e15759", "dot", "●"),
    "Organization": ("机构", "#4e79a7", "square", "■"),
    "Industry": ("产业", "#59a14f", "hexagon", "⬢"),
    "Policy": ("政策", "#f28e2b", "diamond", "◆"),
    "Location": ("地点", "#17becf", "triangle", "▲"),
    "Event": ("事件", "#b07aa1", "star", "★"),
}
METRIC_STYLE = ("指标", "#bab0ac", "box", "▭")
OTHER_STYLE = ("其他", "#9c755f", "ellipse", "⬬")  # a type the model may grow later

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

# Above this many nodes physics in the browser takes minutes to settle (200 nodes: ~28 s
# headless), so the layout is computed here and physics is switched off.
PHYSICS_MAX_NODES = 300
# networkx's spring layout is quadratic per iteration; past this, the spiral is used.
SPRING_MAX_NODES = 5000
LAYOUT_SEED = 7
STABILIZATION_ITERATIONS = 250
FONT_FACE = "'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', sans-serif"

_TEMPLATE_NAME = "kg_graph.html"
_TEMPLATE = """<!DOCTYPE html>
<html lang="zh">
<head>
<meta charset="utf-8">
<title>{{ heading }}</title>
<script>{% include 'lib/vis-9.1.2/vis-network.min.js' %}</script>
<style>{% include 'lib/vis-9.1.2/vis-network.css' %}</style>
<style>
body { margin: 0; font-family: {{ font_face|safe }}; }
h1 { font-size: 20px; margin: 8px 12px; }
#legend { margin: 0 12px 6px; font-size: 13px; }
#legend span { margin-right: 14px; white-space: nowrap; }
#mynetwork { width: {{ width }}; height: {{ height }}; background-color: {{ bgcolor }};
             border-top: 1px solid lightgray; }
div.vis-tooltip { font-family: {{ font_face|safe }}; }
</style>
</head>
<body>
<h1>{{ heading }}</h1>
<div id="legend">{% for name, colour, glyph in legend %}<span><b style="color: {{ colour }}">{{ glyph }}</b> {{ name }}</span>{% endfor %}</div>
<div id="mynetwork"></div>
<script>
var nodes = new vis.DataSet({{ nodes|tojson }});
var edges = new vis.DataSet({{ edges|tojson }});
var network = new vis.Network(document.getElementById("mynetwork"),
                              {nodes: nodes, edges: edges}, {{ options|safe }});
{% if physics_enabled %}
network.once("stabilizationIterationsDone", function () {
  network.setOptions({physics: {enabled: false}});
});
{% endif %}
</script>
</body>
</html>
"""


def write_html(kg: KnowledgeGraph, path: str | os.PathLike[str]) -> None:
    """Write the graph as one self-contained interactive HTML page, atomically."""
    write_atomic(path, render_html(kg).encode("utf-8"))


def render_html(kg: KnowledgeGraph) -> str:
    """The page as text: same graph in, same text out."""
    return _network(kg).generate_html()


def escape(text: str) -> str:
    """HTML-escape document text; also break "href", which makes pyvis's own template
    switch to an HTML popup that would render titles as markup."""
    return html.escape(text, quote=True).replace("href", "hre&#102;")


def _network(kg: KnowledgeGraph) -> Network:
    # pyvis imports networkx and IPython (~0.7 s): only pay for it when writing a page.
    from pyvis.network import Network

    net = Network(height="800px", width="100%", directed=True, cdn_resources="in_line",
                  heading=_heading(kg))
    net.templateEnv = _environment(net.template_dir)
    net.path = _TEMPLATE_NAME
    for entity in kg.sorted_entities():
        net.add_node(_entity_node_id(entity.id), **_entity_node(entity))
    for relation in kg.sorted_relations():
        if relation.subject in kg.entities and relation.object in kg.entities:
            net.add_edge(_entity_node_id(relation.subject), _entity_node_id(relation.object),
                         **_relation_edge(relation))
    for metric in kg.sorted_metrics():
        net.add_node(_metric_node_id(metric.id), **_metric_node(metric))
        if metric.subject in kg.entities:
            net.add_edge(_entity_node_id(metric.subject), _metric_node_id(metric.id),
                         dashes=True, arrows="", color="#bab0ac")
    large = len(net.nodes) > PHYSICS_MAX_NODES
    if large:
        _place(net)
    net.options = _options(physics=not large)
    return net


def _environment(pyvis_templates: str) -> Environment:
    """Our template first, pyvis's folder for the vis-network files it inlines."""
    from jinja2 import ChoiceLoader, DictLoader, Environment, FileSystemLoader

    env = Environment(loader=ChoiceLoader([DictLoader({_TEMPLATE_NAME: _TEMPLATE}),
                                           FileSystemLoader(pyvis_templates)]),
                      autoescape=True)
    env.globals["legend"] = [(name, colour, glyph) for name, colour, _, glyph
                             in (*TYPE_STYLES.values(), METRIC_STYLE)]
    env.globals["font_face"] = FONT_FACE
    return env


def _heading(kg: KnowledgeGraph) -> str:
    return (f"产业政策知识图谱（{len(kg.documents)} 篇文档，{len(kg.entities)} 个实体，"
            f"{len(kg.relations)} 条关系，{len(kg.metrics)} 项指标）")


def _entity_node_id(entity_id: str) -> str:
    return "e:" + escape(entity_id)


def _metric_node_id(metric_id: str) -> str:
    return "m:" + escape(metric_id)


def _entity_node(entity: Entity) -> dict[str, Any]:
    name, colour, shape, _ = TYPE_STYLES.get(entity.type, OTHER_STYLE)
    kind = name + (f"（{SUBTYPE_LABELS.get(entity.subtype, entity.subtype)}）" if entity.subtype else "")
    lines = [entity.label, f"类型：{kind}"]
    aliases = sorted(entity.aliases - {entity.label})
    if aliases:
        lines.append("别名：" + "、".join(aliases))
    docs = len({span.doc for span in entity.mentions})
    lines.append(f"提及：{len(entity.mentions)} 次（{docs} 篇文档）")
    return {"label": escape(entity.label), "title": escape("\n".join(lines)), "shape": shape,
            "color": colour, "value": max(1, len(entity.mentions))}


def _relation_edge(relation: Relation) -> dict[str, Any]:
    label = PREDICATE_LABELS.get(relation.predicate, relation.predicate)
    if relation.roles:
        label += "：" + "、".join(sorted(relation.roles))
    title = f"{label}\n证据：{len(relation.evidence)} 处"
    return {"label": escape(label), "title": escape(title)}


def _metric_node(metric: Metric) -> dict[str, Any]:
    value = format(metric.value, "f") + (metric.unit or "")
    label = " ".join(part for part in (metric.indicator, value, metric.period) if part)
    details = [label] + [f"{key}：{text}" for key, text in
                         (("口径", metric.measure), ("限定", metric.qualifier)) if text]
    details.append(f"证据：{len(metric.evidence)} 处")
    return {"label": escape(label), "title": escape("\n".join(details)), "shape": METRIC_STYLE[2],
            "color": METRIC_STYLE[1], "font": {"size": 10}}


def _options(physics: bool) -> dict[str, Any]:
    """vis-network options; a fixed seed so the browser lays out the same way every time."""
    return {
        "layout": {"randomSeed": LAYOUT_SEED, "improvedLayout": physics},
        "physics": {
            "enabled": physics,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 110},
            "stabilization": {"enabled": physics, "iterations": STABILIZATION_ITERATIONS, "fit": True},
            "minVelocity": 1,
        },
        "nodes": {"font": {"size": 14, "face": FONT_FACE}, "scaling": {"min": 10, "max": 30}},
        "edges": {"font": {"size": 11, "face": FONT_FACE},
                  "arrows": {"to": {"scaleFactor": 0.5}},
                  "smooth": {"enabled": physics, "type": "dynamic"}},
        "interaction": {"hover": True, "tooltipDelay": 150},
    }


def _place(net: Network) -> None:
    """Give every node fixed x/y so a large page needs no physics."""
    ids = [node["id"] for node in net.nodes]
    links = [(edge["from"], edge["to"]) for edge in net.edges]
    positions = _layout(ids, links)
    for node in net.nodes:
        node["x"], node["y"] = positions[node["id"]]


def _layout(ids: list[str], links: list[tuple[str, str]]) -> dict[str, tuple[int, int]]:
    """Spring layout where it is affordable and installed, else the spiral."""
    if len(ids) <= SPRING_MAX_NODES:
        spring = _spring_positions(ids, links)
        if spring is not None:
            return spring
    return _spiral_positions(ids)


def _spread(count: int) -> float:
    """Layout radius in pixels, so density stays about the same at any size."""
    return 40 * math.sqrt(count)


def _spring_positions(ids: list[str], links: list[tuple[str, str]]) -> dict[str, tuple[int, int]] | None:
    """networkx spring layout with a fixed seed; None where numpy (or scipy, which it needs
    above 500 nodes) is not installed."""
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(ids)
    graph.add_edges_from(links)
    try:
        layout = nx.spring_layout(graph, seed=LAYOUT_SEED, scale=_spread(len(ids)))
    except ImportError:
        return None
    return {node: (round(float(x)), round(float(y))) for node, (x, y) in layout.items()}


def _spiral_positions(ids: list[str]) -> dict[str, tuple[int, int]]:
    """A sunflower spiral: even density, no dependencies, same result everywhere."""
    golden_angle = math.pi * (3 - math.sqrt(5))
    step = _spread(len(ids)) / math.sqrt(max(1, len(ids)))
    return {node: (round(step * math.sqrt(i + 0.5) * math.cos(i * golden_angle)),
                   round(step * math.sqrt(i + 0.5) * math.sin(i * golden_angle)))
            for i, node in enumerate(ids)}
