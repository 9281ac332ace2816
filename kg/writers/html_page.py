"""The page around the graph data: markup, style and the script that makes it a tool.

Everything is inlined (vis-network comes from the pyvis package, read as a file so pyvis
itself is never imported), so the page opens with no network. Document text reaches the
page only as JSON inside a non-executed script element, with ``<``, ``>`` and ``&``
written as ``\\u`` escapes, and the script puts it into the DOM with ``textContent`` only.
"""
from __future__ import annotations

import html
import importlib.util
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = ["page", "embed_json"]

VIS_NETWORK = Path("templates", "lib", "vis-9.1.2", "vis-network.min.js")
FONT_FACE = "'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', sans-serif"

_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def page(heading: str, data: dict[str, Any]) -> str:
    """The whole HTML page for ``data`` (see :func:`kg.writers.html.page_data`)."""
    pieces = {"TITLE": html.escape(heading, quote=True), "STYLE": _STYLE.replace("__FONT__", FONT_FACE),
              "DATA": embed_json(data), "SCRIPT": _SCRIPT, "VIS": _vis_network()}
    # one pass over the template: text put in is never searched for placeholders again
    return _PLACEHOLDER.sub(lambda match: pieces[match.group(1)], _TEMPLATE)


def embed_json(data: Any) -> str:
    """JSON that cannot end its script element or open markup, whatever strings it holds."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return "".join(_JSON_ESCAPES.get(char, char) for char in text)


@lru_cache(maxsize=1)
def _vis_network() -> str:
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("pyvis is not installed; it provides vis-network for kg.html")
    return (Path(spec.submodule_search_locations[0]) / VIS_NETWORK).read_text(encoding="utf-8")


_PLACEHOLDER = re.compile(r"__(TITLE|STYLE|DATA|SCRIPT|VIS)__")
_TEMPLATE = """<!DOCTYPE html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>__TITLE__</title>
<style>__STYLE__</style>
</head>
<body>
<header>
<h1>__TITLE__</h1>
<div id="toolbar">
<div id="finder"><input id="search" type="search" placeholder="搜索名称或别名，如 金壮龙、工信部" autocomplete="off" spellcheck="false"><ul id="suggestions" hidden></ul></div>
<div id="legend"></div>
<label id="metrics-toggle"><input type="checkbox" id="show-metrics"> <span id="metrics-label">显示指标</span></label>
</div>
</header>
<main>
<div id="graph"></div>
<aside id="panel"></aside>
</main>
<script type="application/json" id="kg-data">__DATA__</script>
<script>__VIS__</script>
<script>__SCRIPT__</script>
</body>
</html>
"""

_STYLE = """
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; font-family: __FONT__; font-size: 14px; color: #222; }
body { display: flex; flex-direction: column; }
header { padding: 6px 12px; border-bottom: 1px solid #ddd; }
h1 { font-size: 18px; margin: 2px 0 6px; font-weight: 600; }
#toolbar { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 18px; }
#finder { position: relative; }
#search { width: 260px; padding: 4px 8px; font: inherit; }
#suggestions { position: absolute; z-index: 10; left: 0; top: 100%; width: 320px; margin: 0; padding: 0;
  list-style: none; background: #fff; border: 1px solid #bbb; box-shadow: 0 2px 6px rgba(0,0,0,.2); }
#suggestions li { padding: 4px 8px; cursor: pointer; }
#suggestions li:hover, #suggestions li.active { background: #e8f0fe; }
#suggestions .note, .muted { color: #777; font-size: 12px; }
#legend label, #metrics-toggle { margin-right: 10px; white-space: nowrap; cursor: pointer; user-select: none; }
.glyph { font-weight: bold; }
main { flex: 1; display: flex; min-height: 0; }
#graph { flex: 1; min-width: 0; position: relative; }
#panel { width: 380px; overflow-y: auto; padding: 8px 14px; border-left: 1px solid #ddd; background: #fafafa; }
#panel h2 { font-size: 18px; margin: 6px 0; word-break: break-all; }
#panel h3 { font-size: 14px; margin: 14px 0 4px; border-bottom: 1px solid #e2e2e2; }
#panel ul { margin: 0; padding-left: 18px; }
#panel li { margin: 3px 0; }
#panel .link { color: #1a5fb4; cursor: pointer; text-decoration: underline; }
#panel .predicate { color: #8a4b00; margin: 0 4px; }
.evidence { list-style: none; padding-left: 6px !important; font-size: 13px; }
.evidence li { border-left: 3px solid #ccc; padding-left: 6px; }
.evidence mark { background: #fff3a8; }
.evidence .doc { display: block; color: #777; font-size: 12px; }
"""

_SCRIPT = r"""
"use strict";
(function () {
  const DATA = JSON.parse(document.getElementById("kg-data").textContent);
  const STYLE = new Map(DATA.types.map(t => [t.type, t]));
  const E = DATA.entities, R = DATA.relations, M = DATA.metrics;
  const touching = E.map(() => []), metricsOf = E.map(() => []);
  R.forEach((r, i) => { touching[r.from].push(i); if (r.to !== r.from) touching[r.to].push(i); });
  M.forEach((m, i) => { if (m.subject !== null) metricsOf[m.subject].push(i); });
  const focus = new Set(DATA.focus);
  const hiddenTypes = new Set();
  let metricsShown = false;

  function el(tag, text, cls) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (cls) node.className = cls;
    return node;
  }
  function entityNode(e, i) {
    const s = STYLE.get(e.type);
    const node = {id: "e" + i, label: e.label, shape: s.shape, color: s.colour, value: e.degree,
                  hidden: hiddenTypes.has(e.type)};
    node.x = e.x; node.y = e.y;
    if (focus.has(i)) { node.borderWidth = 5; node.color = {background: s.colour, border: "#111"}; }
    return node;
  }
  function relationLabel(r) {
    return DATA.predicates[r.predicate] + (r.roles.length ? "：" + r.roles.join("、") : "");
  }

  const nodes = new vis.DataSet(E.map(entityNode));
  const edges = new vis.DataSet(R.map((r, i) => ({id: "r" + i, from: "e" + r.from, to: "e" + r.to,
                                                  label: relationLabel(r)})));
  const container = document.getElementById("graph");
  const network = new vis.Network(container, {nodes: nodes, edges: edges}, DATA.options);
  const view = window.kgView = {network: network, nodes: nodes, edges: edges, ready: false,
                                select: select, showMetrics: showMetrics};
  function markReady() { view.ready = true; document.body.dataset.ready = "true"; }
  network.once("afterDrawing", markReady);

  // ---- side panel ----
  const panel = document.getElementById("panel");
  function clear() { panel.replaceChildren(); panel.scrollTop = 0; }
  function section(title) { panel.appendChild(el("h3", title)); const list = el("ul"); panel.appendChild(list); return list; }
  function link(i) {
    const a = el("span", E[i].label, "link");
    a.addEventListener("click", () => select(i));
    return a;
  }
  function marked(text, names) {
    // the sentence as text nodes, with every occurrence of a name in <mark>
    const out = document.createDocumentFragment();
    const sorted = names.filter(n => n).sort((a, b) => b.length - a.length);
    let at = 0;
    while (at < text.length) {
      let best = -1, name = "";
      for (const n of sorted) {
        const found = text.indexOf(n, at);
        if (found >= 0 && (best < 0 || found < best)) { best = found; name = n; }
      }
      if (best < 0) break;
      out.appendChild(document.createTextNode(text.slice(at, best)));
      out.appendChild(el("mark", name));
      at = best + name.length;
    }
    out.appendChild(document.createTextNode(text.slice(at)));
    return out;
  }
  function evidence(list, indices, more, names) {
    const ul = el("ul", null, "evidence");
    for (const s of indices) {
      const li = el("li");
      li.appendChild(marked(DATA.sentences[s][1], names));
      li.appendChild(el("span", DATA.docs[DATA.sentences[s][0]], "doc"));
      ul.appendChild(li);
    }
    if (more) ul.appendChild(el("li", "另有 " + more + " 句未列出", "muted"));
    list.appendChild(ul);
  }
  function kindLine(e) {
    const p = el("p");
    const glyph = el("span", STYLE.get(e.type).glyph + " ", "glyph");
    glyph.style.color = STYLE.get(e.type).colour;
    p.append(glyph, el("span", "类型：" + e.kind));
    return p;
  }
  function showEntity(i) {
    const e = E[i];
    clear();
    panel.appendChild(el("h2", e.label));
    panel.appendChild(kindLine(e));
    const names = section("名称（" + e.names.length + "）");
    for (const n of e.names) names.appendChild(el("li", n));
    const rels = section("关系（" + touching[i].length + "）");
    for (const r of touching[i]) rels.appendChild(relationItem(r, i));
    if (metricsOf[i].length) {
      const ms = section("指标（" + metricsOf[i].length + "）");
      for (const m of metricsOf[i]) ms.appendChild(metricItem(m));
    }
    const seen = section("提及：" + e.mentions + " 次，" + e.docs + " 篇文档");
    evidence(seen, e.evidence, e.more, e.names);
  }
  function relationItem(r, from) {
    const rel = R[r], li = el("li");
    for (const [part, i] of [["s", rel.from], ["p"], ["o", rel.to]]) {
      if (part === "p") li.appendChild(el("span", DATA.predicates[rel.predicate], "predicate"));
      else li.appendChild(i === from ? el("b", E[i].label) : link(i));
    }
    if (rel.roles.length) li.appendChild(el("span", "（" + rel.roles.join("、") + "）"));
    evidence(li, rel.evidence, rel.more, E[rel.from].names.concat(E[rel.to].names));
    return li;
  }
  function metricItem(m) {
    const li = el("li", M[m].label);
    for (const d of M[m].details) li.appendChild(el("div", d, "muted"));
    evidence(li, M[m].evidence, M[m].more, []);
    return li;
  }
  function showRelation(r) {
    clear();
    panel.appendChild(el("h2", E[R[r].from].label + " " + relationLabel(R[r]) + " " + E[R[r].to].label));
    section("关系").appendChild(relationItem(r, -1));
  }
  function showMetric(m) {
    clear();
    panel.appendChild(el("h2", M[m].label));
    const about = section("指标");
    if (M[m].subject !== null) {
      const li = el("li", "主体：");
      li.appendChild(link(M[m].subject));
      about.appendChild(li);
    }
    about.appendChild(metricItem(m));
  }
  function showOverview() {
    clear();
    panel.appendChild(el("h2", "概览"));
    panel.appendChild(el("p", "在上方搜索名称或别名，或点击节点、连线，查看类型、名称、关系和证据句。", "muted"));
    const docs = section("文档（" + DATA.docs.length + "）");
    for (const d of DATA.docs) docs.appendChild(el("li", d));
    const loose = M.map((m, i) => i).filter(i => M[i].subject === null);
    if (loose.length) {
      const list = section("未关联实体的指标（" + loose.length + "）");
      for (const m of loose) list.appendChild(metricItem(m));
    }
  }

  // ---- selection and search ----
  function select(i) {
    const e = E[i];
    if (hiddenTypes.has(e.type)) setType(e.type, true);
    network.selectNodes(["e" + i]);
    network.focus("e" + i, {scale: Math.max(network.getScale(), 1),
                            animation: {duration: 400, easingFunction: "easeInOutQuad"}});
    showEntity(i);
  }
  const names = [];
  E.forEach((e, i) => e.names.forEach(n => names.push({name: n, key: n.toLowerCase(), i: i, alias: n !== e.label})));
  const search = document.getElementById("search"), suggestions = document.getElementById("suggestions");
  function matches(query) {
    const q = query.toLowerCase(), best = new Map();
    for (const n of names) {
      const at = n.key.indexOf(q);
      if (at < 0) continue;
      const rank = [n.key === q ? 0 : at === 0 ? 1 : 2, n.alias ? 1 : 0, -E[n.i].degree, n.key.length, n.i];
      const old = best.get(n.i);
      if (!old || compare(rank, old.rank) < 0) best.set(n.i, {rank: rank, n: n});
    }
    return [...best.values()].sort((a, b) => compare(a.rank, b.rank)).slice(0, 12).map(m => m.n);
  }
  function compare(a, b) { for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return a[k] < b[k] ? -1 : 1; return 0; }
  function suggest() {
    const query = search.value.trim();
    suggestions.replaceChildren();
    suggestions.hidden = true;
    if (!query) return;
    const found = matches(query);
    if (found.length && found[0].key === query.toLowerCase()) { select(found[0].i); return; }
    for (const n of found) {
      const li = el("li");
      const glyph = el("span", STYLE.get(E[n.i].type).glyph + " ", "glyph");
      glyph.style.color = STYLE.get(E[n.i].type).colour;
      li.append(glyph, el("span", E[n.i].label));
      if (n.alias) li.appendChild(el("span", "  别名：" + n.name, "note"));
      li.addEventListener("mousedown", ev => { ev.preventDefault(); pick(n); });
      suggestions.appendChild(li);
    }
    if (!found.length) suggestions.appendChild(el("li", "没有匹配的名称", "note"));
    suggestions.hidden = false;
  }
  function pick(n) { search.value = n.name; suggestions.hidden = true; select(n.i); }
  search.addEventListener("input", suggest);
  search.addEventListener("keydown", ev => {
    if (ev.key === "Enter") { const found = matches(search.value.trim()); if (search.value.trim() && found.length) pick(found[0]); }
    if (ev.key === "Escape") suggestions.hidden = true;
  });
  search.addEventListener("blur", () => { suggestions.hidden = true; });

  // ---- type filters and metrics ----
  const legend = document.getElementById("legend"), boxes = new Map();
  for (const t of DATA.types) {
    const count = E.filter(e => e.type === t.type).length;
    if (!count) continue;
    const label = el("label"), box = el("input"), glyph = el("span", t.glyph, "glyph");
    box.type = "checkbox"; box.checked = true; box.dataset.type = t.type;
    glyph.style.color = t.colour;
    box.addEventListener("change", () => setType(t.type, box.checked));
    label.append(box, " ", glyph, " " + t.name + "（" + count + "）");
    legend.appendChild(label);
    boxes.set(t.type, box);
  }
  function setType(type, shown) {
    if (shown) hiddenTypes.delete(type); else hiddenTypes.add(type);
    boxes.get(type).checked = shown;
    const changes = [];
    E.forEach((e, i) => { if (e.type === type) changes.push({id: "e" + i, hidden: !shown}); });
    nodes.update(changes);
    edges.update(R.map((r, i) => ({id: "r" + i, hidden: hiddenTypes.has(E[r.from].type) || hiddenTypes.has(E[r.to].type)})));
    if (metricsShown) nodes.update(M.map((m, i) => ({id: "m" + i})).filter(n => nodes.get(n.id))
      .map(n => ({id: n.id, hidden: hiddenTypes.has(E[M[+n.id.slice(1)].subject].type)})));
  }
  const toggle = document.getElementById("show-metrics"), placed = M.filter(m => m.subject !== null).length;
  document.getElementById("metrics-label").textContent = "显示指标（" + placed + "）";
  if (!placed) document.getElementById("metrics-toggle").hidden = true;
  toggle.addEventListener("change", () => showMetrics(toggle.checked));
  function showMetrics(shown) {
    metricsShown = toggle.checked = shown;
    const ids = M.map((m, i) => "m" + i).filter((id, i) => M[i].subject !== null);
    if (!shown) { nodes.remove(ids); edges.remove(ids.map(id => "l" + id)); return; }
    const at = network.getPositions(M.filter(m => m.subject !== null).map(m => "e" + m.subject));
    const added = [], links = [], golden = Math.PI * (3 - Math.sqrt(5));
    E.forEach((e, s) => metricsOf[s].forEach((m, k) => {
      const centre = at["e" + s], radius = 60 + 24 * Math.sqrt(k);
      added.push({id: "m" + m, label: M[m].label, shape: "box", color: DATA.metricColour,
                  font: {size: 9}, hidden: hiddenTypes.has(e.type),
                  x: centre.x + radius * Math.cos(k * golden), y: centre.y + radius * Math.sin(k * golden)});
      links.push({id: "lm" + m, from: "e" + s, to: "m" + m, dashes: true, arrows: "", color: DATA.metricColour});
    }));
    nodes.add(added);
    edges.add(links);
  }

  network.on("click", function (params) {
    if (params.nodes.length) {
      const id = params.nodes[0];
      if (id[0] === "e") showEntity(+id.slice(1)); else showMetric(+id.slice(1));
    } else if (params.edges.length && params.edges[0][0] === "r") {
      showRelation(+params.edges[0].slice(1));
    } else {
      showOverview();
    }
  });
  if (DATA.focus.length) {
    network.selectNodes(DATA.focus.map(i => "e" + i));
    showEntity(DATA.focus[0]);
  } else {
    showOverview();
  }
})();
"""
