"""The endpoint's HTML page: a query box, the saved questions as examples, results as a table.

Everything that reaches the page from files is escaped, results are put in with
``textContent`` only, and a Content-Security-Policy allows exactly the page's own script and
style (by hash) and requests to this server.
"""
from __future__ import annotations

import base64
import hashlib
from html import escape

from ..ontology import PREFIXES
from .questions import Question

__all__ = ["render_page"]

_STYLE = """
body { font: 15px/1.5 system-ui, "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; margin: 1.5rem auto;
       max-width: 72rem; padding: 0 1rem; color: #222; }
textarea { width: 100%; font: 14px/1.4 ui-monospace, monospace; box-sizing: border-box; }
table { border-collapse: collapse; margin-top: .5rem; }
th, td { border: 1px solid #ccc; padding: .2rem .5rem; text-align: left; vertical-align: top; }
th { background: #f3f3f3; }
pre { background: #f7f7f7; padding: .5rem; overflow-x: auto; white-space: pre-wrap; }
li { margin: .2rem 0; }
code { color: #555; }
"""

_SCRIPT = """
const form = document.getElementById("ask"), out = document.getElementById("out"),
      note = document.getElementById("note");
for (const b of document.querySelectorAll("button[data-query]")) {
  b.addEventListener("click", () => { form.query.value = b.dataset.query; form.query.focus(); });
}
function show(text) { const pre = document.createElement("pre"); pre.textContent = text; out.append(pre); }
function table(data) {
  const t = document.createElement("table"), head = t.createTHead().insertRow(), body = t.createTBody();
  for (const v of data.head.vars) { const th = document.createElement("th"); th.textContent = v; head.append(th); }
  for (const b of data.results.bindings) {
    const row = body.insertRow();
    for (const v of data.head.vars) row.insertCell().textContent = b[v] ? b[v].value : "";
  }
  out.append(t);
  return data.results.bindings.length;
}
form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const format = form.format.value, body = new URLSearchParams({query: form.query.value});
  if (format !== "table") body.set("format", format);
  out.replaceChildren();
  note.textContent = "running…";
  const t0 = performance.now();
  try {
    const r = await fetch("sparql", {method: "POST", body,
      headers: {Accept: "application/sparql-results+json, text/turtle;q=0.9"}});
    const text = await r.text(), ms = Math.round(performance.now() - t0);
    const json = (r.headers.get("Content-Type") || "").startsWith("application/sparql-results+json");
    if (!r.ok || format !== "table" || !json) { show(text); note.textContent = `HTTP ${r.status} · ${ms} ms`; return; }
    const data = JSON.parse(text);
    if ("boolean" in data) { show(String(data.boolean)); note.textContent = `${ms} ms`; return; }
    note.textContent = `${table(data)} rows · ${ms} ms`;
  } catch (e) { note.textContent = String(e); }
});
"""

_FORMATS = ("table", "json", "xml", "csv", "tsv", "turtle", "ntriples", "jsonld")


def _hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii") + "'"


CONTENT_SECURITY_POLICY = (f"default-src 'none'; script-src {_hash(_SCRIPT)}; style-src {_hash(_STYLE)}; "
                           "connect-src 'self'; form-action 'self'; base-uri 'none'")


def render_page(questions: list[Question]) -> bytes:
    """The page, with the first saved question in the box."""
    prefixes = " ".join(f"<code>{escape(p)}:</code>" for p in PREFIXES)
    options = "".join(f"<option>{f}</option>" for f in _FORMATS)
    examples = "".join(
        f'<li><button type="button" data-query="{escape(q.text)}">{escape(q.title or q.name)}</button> '
        f"<code>{escape(q.name)}.rq</code></li>" for q in questions)
    first = escape(questions[0].text) if questions else "SELECT * WHERE { ?s ?p ?o } LIMIT 10"
    html = f"""<!doctype html>
<html lang="zh">
<head>
<meta charset="utf-8">
<title>kg · SPARQL</title>
<style>{_STYLE}</style>
</head>
<body>
<h1>kg · SPARQL</h1>
<p>A read-only SPARQL 1.1 endpoint at <code>/sparql</code> (GET or POST). Predeclared prefixes: {prefixes}.</p>
<form id="ask" method="get" action="sparql">
<textarea name="query" rows="16" spellcheck="false">{first}</textarea>
<p><label>format <select name="format">{options}</select></label> <button type="submit">Run</button>
<span id="note"></span></p>
</form>
<div id="out"></div>
<h2>Saved questions</h2>
<ul>{examples}</ul>
<script>{_SCRIPT}</script>
</body>
</html>
"""
    return html.encode("utf-8")
