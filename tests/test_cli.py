"""The command line: clear one-line errors and exit code 2 on bad input, nothing half written."""
from __future__ import annotations

import os
import subprocess
import sys


def _kg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True)


def test_cli_missing_source_is_a_clear_error(tmp_path):
    r = _kg("build", str(tmp_path / "nope"), "-o", str(tmp_path / "out"))
    assert r.returncode == 2
    assert "E001" in r.stderr and "Traceback" not in r.stderr
    assert not (tmp_path / "out").exists()


def test_cli_folder_without_documents(tmp_path):
    r = _kg("build", str(tmp_path), "-o", str(tmp_path / "out"))
    assert r.returncode == 2 and "E002" in r.stderr


def test_cli_binary_file_refused_and_old_exports_kept(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "kg.json").write_text("old", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\xff\xfe\x00garbage\x81")
    r = _kg("build", str(bad), "-o", str(out))
    assert r.returncode == 2 and "E003" in r.stderr and "Traceback" not in r.stderr
    assert (out / "kg.json").read_text(encoding="utf-8") == "old"


def test_cli_empty_file_refused(tmp_path):
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    r = _kg("build", str(tmp_path / "empty.txt"), "-o", str(tmp_path / "out"))
    assert r.returncode == 2 and "E005" in r.stderr


def test_cli_gb18030_document_builds_with_summary(tmp_path):
    doc = tmp_path / "gbk.txt"
    doc.write_bytes("工业和信息化部党组书记、部长金壮龙出席会议。".encode("gb18030"))
    r = _kg("build", str(doc), "-o", str(tmp_path / "out"))
    assert r.returncode == 0, r.stderr
    assert "documents: 1" in r.stderr and "Person 1" in r.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["kg.graphml", "kg.html", "kg.json", "kg.ttl", "store"]


def test_cli_hostile_document_never_runs_script(tmp_path):
    doc = tmp_path / "x.txt"
    doc.write_text("《<script>alert(1)</script>》由工业和信息化部印发。<img src=x onerror=alert(1)>有限公司董事长王小明表示。",
                   encoding="utf-8")
    r = _kg("build", str(doc), "-o", str(tmp_path / "out"))
    assert r.returncode == 0, r.stderr
    html = (tmp_path / "out" / "kg.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html and "<img src=x" not in html


def test_cli_bom_only_file_is_empty(tmp_path):
    (tmp_path / "bom.txt").write_text("\ufeff \n", encoding="utf-8")
    r = _kg("build", str(tmp_path / "bom.txt"), "-o", str(tmp_path / "out"))
    assert r.returncode == 2 and "E005" in r.stderr


def test_cli_output_path_that_is_a_file_fails_before_work(tmp_path):
    (tmp_path / "d.txt").write_text("工信部印发通知。", encoding="utf-8")
    (tmp_path / "outfile").write_text("x", encoding="utf-8")
    r = _kg("build", str(tmp_path / "d.txt"), "-o", str(tmp_path / "outfile"))
    assert r.returncode == 2 and "E006" in r.stderr and "Traceback" not in r.stderr


def test_cli_folder_in_the_way_leaves_old_exports(tmp_path):
    (tmp_path / "d.txt").write_text("工信部印发通知。", encoding="utf-8")
    out = tmp_path / "out"
    (out / "kg.json").mkdir(parents=True)
    (out / "kg.ttl").write_text("old", encoding="utf-8")
    r = _kg("build", str(tmp_path / "d.txt"), "-o", str(out))
    assert r.returncode == 2 and "E006" in r.stderr and "Traceback" not in r.stderr
    assert (out / "kg.ttl").read_text(encoding="utf-8") == "old"


def test_cli_undecodable_file_name_is_refused(tmp_path):
    name = os.fsdecode(b"b\xff.txt")
    (tmp_path / name).write_text("工信部印发通知。", encoding="utf-8")
    r = _kg("build", str(tmp_path), "-o", str(tmp_path / "out"))
    assert r.returncode == 2 and "E003" in r.stderr and "Traceback" not in r.stderr


def test_cli_document_with_no_entities_builds_an_empty_graph(tmp_path):
    (tmp_path / "n.txt").write_text("你好。今天天气很好。\n", encoding="utf-8")
    r = _kg("build", str(tmp_path / "n.txt"), "-o", str(tmp_path / "out"))
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "out" / "kg.html").is_file()


def test_cli_control_characters_do_not_break_xml_exports(tmp_path):
    import networkx as nx

    (tmp_path / "c.txt").write_text("《新能源\x01汽车产业发展规划》由工业和信息化部印发。", encoding="utf-8")
    r = _kg("build", str(tmp_path / "c.txt"), "-o", str(tmp_path / "out"))
    assert r.returncode == 0, r.stderr
    assert nx.read_graphml(tmp_path / "out" / "kg.graphml").number_of_nodes() > 0


def test_cli_output_in_the_way_is_refused_not_replaced(tmp_path):
    (tmp_path / "c.txt").write_text("工业和信息化部部长金壮龙出席会议。", encoding="utf-8")
    assert _kg("build", str(tmp_path / "c.txt"), "-o", str(tmp_path / "out"), "-q").returncode == 0
    r = _kg("export", "-s", str(tmp_path / "out"), "--format", "json", "-o", "/dev/null")
    assert r.returncode == 2 and "E006" in r.stderr
    assert os.path.exists("/dev/null") and not os.path.isfile("/dev/null")


def test_cli_unknown_eval_set_is_an_error():
    r = _kg("eval", "--set", "bogus")
    assert r.returncode == 2 and "E011" in r.stderr


def test_sentence_of_a_line_without_stops_is_bounded():
    from kg.model import Document, Span

    doc = Document("x.txt", "字" * 100_000, "0")
    sentence = doc.sentence_of(Span("x.txt", 50_000, 50_003))
    assert sentence.end - sentence.start <= 403
