"""``kg query``: every query form, every output format, aligned Chinese, clear errors."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

from kg.sparql.table import display_width, render

ROOT = Path(__file__).resolve().parents[1]
OFFICIALS = str(ROOT / "queries" / "01_officials_at_ministry.rq")


def _kg(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, input=stdin)


def _column_starts(line: str, header: str) -> list[int]:
    """Display columns where each header word starts, read off ``line`` at the same character gaps."""
    starts, col, gap = [], 0, True
    for ch in line:
        if ch != " " and gap:
            starts.append(col)
        gap = ch == " "
        col += display_width(ch)
    return starts


def test_query_table_aligns_chinese_columns(seeds_out):
    r = _kg("query", "-s", str(seeds_out), OFFICIALS)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0].split() == ["official", "title", "unit"] and set(lines[1]) <= {"-", " "}
    header = _column_starts(lines[0], lines[0])
    for line in lines[2:]:
        assert _column_starts(line, lines[0]) == header, line
    assert any(line.split()[:2] == ["金壮龙", "部长"] for line in lines[2:])
    assert r.stderr.strip() == f"{len(lines) - 2} rows"


def test_table_render_pads_by_display_width_and_cuts_long_cells():
    text = render(["名", "x"], [["工业和信息化部", "1"], ["5G", "2"]])
    assert text.splitlines() == ["名              x", "--------------  -", "工业和信息化部  1", "5G              2"]
    cut = render(["s"], [["工业和信息化部党组书记"]], max_width=9)
    assert cut.splitlines()[2] == "工业和信…" and display_width("工业和信…") == 9


def test_query_csv_tsv_json_are_sparql_results(seeds_out):
    out = {fmt: _kg("query", "-s", str(seeds_out), OFFICIALS, "--format", fmt) for fmt in ("csv", "tsv", "json")}
    assert all(r.returncode == 0 and r.stderr == "" for r in out.values())
    rows = list(csv.reader(io.StringIO(out["csv"].stdout)))
    assert rows[0] == ["official", "title", "unit"] and ["金壮龙", "部长", "工业和信息化部"] in rows
    assert out["tsv"].stdout.splitlines()[0] == "?official\t?title\t?unit"
    assert '"金壮龙"@zh\t"部长"@zh\t"工业和信息化部"@zh' in out["tsv"].stdout.splitlines()
    data = json.loads(out["json"].stdout)
    assert data["head"]["vars"] == ["official", "title", "unit"]
    assert len(data["results"]["bindings"]) == len(rows) - 1


def test_query_ask_construct_describe(seeds_out):
    ask = _kg("query", "-s", str(seeds_out), 'ASK { ?p skos:prefLabel "金壮龙"@zh ; a kgo:Person }')
    assert (ask.returncode, ask.stdout) == (0, "true\n")
    assert _kg("query", "-s", str(seeds_out), "ASK { ?p a kgo:Nothing }", "--format", "json").stdout.strip() == \
        '{"head":{},"boolean":false}'
    construct = "CONSTRUCT { ?e a kgo:Event } WHERE { ?e a kgo:Event }"
    table = _kg("query", "-s", str(seeds_out), construct)
    assert table.stdout.splitlines()[0].split() == ["subject", "predicate", "object"]
    assert ["kgr:Event/全国工业和信息化工作会议", "rdf:type", "kgo:Event"] in [r.split() for r in table.stdout.splitlines()]
    jsonld = json.loads(_kg("query", "-s", str(seeds_out), construct, "--format", "json").stdout)
    assert {"@id": "https://w3id.org/kg-cn/id/Event/全国工业和信息化工作会议",
            "@type": ["https://w3id.org/kg-cn/ontology#Event"]} in [
        {"@id": n["@id"], "@type": [t["@id"] for t in n["http://www.w3.org/1999/02/22-rdf-syntax-ns#type"]]}
        for n in jsonld]
    describe = _kg("query", "-s", str(seeds_out), "DESCRIBE <https://w3id.org/kg-cn/id/Person/金壮龙>", "--format", "csv")
    rows = list(csv.reader(io.StringIO(describe.stdout)))
    assert rows[0] == ["subject", "predicate", "object"]
    assert ["https://w3id.org/kg-cn/id/Person/金壮龙", "http://www.w3.org/2004/02/skos/core#prefLabel", "金壮龙"] in rows


def test_query_malformed_gives_line_and_column_and_exit_2(seeds_out):
    r = _kg("query", "-s", str(seeds_out), "SELECT ?x WHERE {\n  ?x skos:prefLabel 工业 }")
    assert r.returncode == 2 and "Traceback" not in r.stderr
    first, line, caret = r.stderr.splitlines()[:3]
    assert first.startswith("kg: error E009: malformed SPARQL query at line 2, column ")
    column = int(first.split("column ")[1].split(":")[0])
    assert line.strip() == "?x skos:prefLabel 工业 }"
    assert display_width(caret) - 1 == display_width(line[:4 + column - 1])  # the caret under the column


def test_query_prefixes_predeclared_and_overridable(seeds_out):
    bare = _kg("query", "-s", str(seeds_out), "SELECT (COUNT(*) AS ?n) { ?p a kgo:Person }", "--format", "csv")
    own = _kg("query", "-s", str(seeds_out), "PREFIX k: <https://w3id.org/kg-cn/ontology#>\n"
              "SELECT (COUNT(*) AS ?n) { ?p a k:Person }", "--format", "csv")
    assert bare.returncode == own.returncode == 0
    assert bare.stdout == own.stdout and int(bare.stdout.split()[1]) > 10


def test_query_reads_stdin_and_files_and_reports_missing_ones(seeds_out, tmp_path):
    via_stdin = _kg("query", "-s", str(seeds_out), "-", "--format", "csv", stdin=Path(OFFICIALS).read_text("utf-8"))
    via_file = _kg("query", "-s", str(seeds_out), OFFICIALS, "--format", "csv")
    assert via_stdin.stdout == via_file.stdout and "金壮龙" in via_file.stdout
    missing = _kg("query", "-s", str(seeds_out), str(tmp_path / "nope.rq"))
    assert missing.returncode == 2 and "E009" in missing.stderr and "nope.rq" in missing.stderr


def test_query_without_store_is_a_clear_error(tmp_path):
    r = _kg("query", "-s", str(tmp_path), "ASK {}")
    assert r.returncode == 2 and "E008" in r.stderr and "Traceback" not in r.stderr


def test_query_table_never_prints_control_characters(seeds_out):
    r = _kg("query", "-s", str(seeds_out), 'SELECT ("a\\u001b[31mb\\nc\\u202ed" AS ?x) {}')
    assert r.returncode == 0, r.stderr
    assert "\x1b" not in r.stdout and "\u202e" not in r.stdout
    assert r.stdout.splitlines()[2] == "a\\u001b[31mb c\\u202ed"


def test_query_evaluation_error_is_a_clear_error(seeds_out):
    r = _kg("query", "-s", str(seeds_out), "SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert r.stderr.startswith("kg: error E009: the query failed: ")
