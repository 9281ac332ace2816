"""The saved analyst questions in queries/, each answered on the seeds' graph store.

Expected rows are the ones the gold annotations (../shared/gold) agree with and extraction
gets right today; where a count can be worked out from the data model instead, the test
works it out, so a broken query fails whatever extraction finds.
"""
from __future__ import annotations

from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from kg.model import KnowledgeGraph, Span
from kg.sparql.execute import run_query
from kg.sparql.questions import QUERIES, load_questions
from kg.sparql.table import term_text
from kg.store import load_graph, open_store

QUESTIONS = {q.name: q for q in load_questions(QUERIES)}


@pytest.fixture(scope="module")
def store(seeds_out: Path):
    return open_store(seeds_out)


@pytest.fixture(scope="module")
def graph(seeds_out: Path) -> KnowledgeGraph:
    return load_graph(seeds_out)


def _rows(store, name: str) -> list[dict[str, str]]:
    """A saved question's answer, each row a dict of variable → text (unbound: missing)."""
    result = run_query(store, QUESTIONS[name].text)
    names = [v.value for v in result.variables]
    return [{n: term_text(t) for n, t in zip(names, solution) if t is not None} for solution in result]


def test_questions_are_twelve_or_more_each_with_a_header():
    assert len(QUESTIONS) >= 12
    for q in QUESTIONS.values():
        assert q.text.startswith("# ") and q.title.endswith(("?", ".")), q.name


def test_questions_all_run_and_answer(store):
    for name in QUESTIONS:
        assert _rows(store, name), f"{name} has no answer on the seeds"


def test_question_officials_at_ministry(store):
    rows = {(r["official"], r.get("title")) for r in _rows(store, "01_officials_at_ministry")}
    assert {("金壮龙", "部长"), ("金壮龙", "党组书记"), ("张克俭", "副部长"), ("辛国斌", "副部长"),
            ("赵志国", "总工程师")} <= rows
    assert all(official != "李书福" for official, _ in rows)  # a company chairman, not an official here


def test_question_policies_for_nev(store):
    rows = _rows(store, "02_policies_for_nev")
    assert {"policy": "新能源汽车下乡活动", "issuer": "工业和信息化部"} in rows
    assert all("机器人" not in r["policy"] for r in rows)


def test_question_metrics_about_5g_in_time_order(store):
    rows = _rows(store, "03_metrics_about_5g")
    periods = [r.get("period") for r in rows]
    dated = [p for p in periods if p is not None]
    assert dated == sorted(dated) and periods == dated + [None] * (len(periods) - len(dated))
    stations = [Decimal(r["value"]) for r in rows
                if "基站" in r["indicator"] and r.get("measure") == "累计" and r.get("period")]
    assert stations == [Decimal(2300000), Decimal(2310000), Decimal(3377000)]
    assert {"indicator": "5G移动电话用户", "value": "805000000", "unit": "户", "period": "2023-12-31"}.items() <= \
        next(r for r in rows if r["indicator"] == "5G移动电话用户").items()


def test_question_policies_by_issuer(store, graph: KnowledgeGraph):
    rows = [(r["organisation"], r["policy"]) for r in _rows(store, "04_policies_by_issuer")]
    for policy in ("新能源汽车下乡活动", "稳增长工作方案", "中小企业促进法", "机器人+应用行动"):
        assert ("工业和信息化部", policy) in rows, policy
    label = {e.id: e.label for e in graph.entities.values()}
    issued = {(label[r.subject], label[r.object]) for r in graph.relations.values() if r.predicate == "issues"}
    assert rows == sorted(issued)


def test_question_meeting_participants(store):
    rows = {(r["participant"], r["type"]) for r in _rows(store, "05_meeting_participants")}
    assert {("金壮龙", "kgo:Person"), ("张克俭", "kgo:Person"), ("田玉龙", "kgo:Person")} <= rows
    assert {t for _, t in rows} <= {"kgo:Person", "kgo:Organization"}


def test_question_nev_production_and_sales(store):
    rows = _rows(store, "06_nev_production_and_sales")
    figures = {(r["indicator"], r.get("period"), Decimal(r["value"])) for r in rows if r.get("unit") == "辆"}
    assert {("新能源汽车产量", "2022", Decimal(7058000)), ("新能源汽车销量", "2022", Decimal(6887000)),
            ("新能源汽车产量", "2023", Decimal(9587000)), ("新能源汽车销量", "2023", Decimal(9495000))} <= figures
    dated = [r["period"] for r in rows if "period" in r]
    assert dated == sorted(dated)
    assert all(any(k in r["indicator"] for k in ("产量", "销量", "产销")) for r in rows)


def test_question_experts_and_affiliations(store):
    rows = {(r["expert"], r["affiliation"], r.get("title")) for r in _rows(store, "07_experts_and_affiliations")}
    assert {("干勇", "中国工程院", "院士"), ("孙文凯", "中国人民大学国家中小企业研究院", "副院长"),
            ("许召元", "国务院发展研究中心产业经济研究部", "研究员"), ("颜景辉", "中国汽车流通协会", "专家"),
            ("连平", "植信投资", "首席经济学家")} <= rows
    assert not any(expert == "金壮龙" for expert, _, _ in rows)  # a minister, not an expert


def test_question_event_locations(store, graph: KnowledgeGraph):
    rows = _rows(store, "08_event_locations")
    assert {r["event"] for r in rows} == {e.label for e in graph.entities.values() if e.type == "Event"}
    places = {r["event"]: r.get("place") for r in rows}
    assert places["全国工业和信息化工作会议"].startswith("北京")
    assert places["全国政协十四届一次会议"].startswith("北京")


def test_question_fact_provenance(store):
    rows = _rows(store, "09_fact_provenance")
    assert {r["document"] for r in rows} >= {"000_e5e4fb435980d6b6.txt", "004_b26ebfad8c5d4682.txt"}
    assert all("金壮龙" in r["sentence"] for r in rows)
    assert "工业和信息化部党组书记、部长金壮龙出席会议并讲话。" in {r["sentence"] for r in rows}
    assert [(r["document"], int(r["offset"])) for r in rows] == sorted((r["document"], int(r["offset"])) for r in rows)


def test_question_organisation_names(store, graph: KnowledgeGraph):
    rows = _rows(store, "10_organisation_names")
    assert rows[0] == {"name": "工业和信息化部", "kind": "preferred", "uses": rows[0]["uses"]}
    assert {"name": "工信部", "kind": "alternative", "uses": rows[1]["uses"]} in rows
    ministry = graph.entities["Organization/工业和信息化部"]
    written = Counter(graph.documents[s.doc].text[s.start:s.end] for s in ministry.mentions)
    assert {r["name"]: int(r["uses"]) for r in rows} == dict(written) | {
        n: written.get(n, 0) for n in ministry.aliases | {ministry.label}}


def test_question_entity_counts(store, graph: KnowledgeGraph):
    rows = {r["type"]: int(r["entities"]) for r in _rows(store, "11_entity_counts")}
    assert rows == {f"kgo:{t}": n for t, n in Counter(e.type for e in graph.entities.values()).items()}


def _whole_sentences(graph: KnowledgeGraph) -> set[Span]:
    """Every span's whole sentence (unbounded): the kgo:Sentence nodes the RDF has."""
    spans = {s for e in graph.entities.values() for s in e.mentions}
    spans |= {s for fact in (*graph.relations.values(), *graph.metrics.values()) for s in fact.evidence}
    return {graph.documents[s.doc].sentence_of(s, reach=None) for s in spans}


def _inside(sentence: Span, spans: set[Span]) -> bool:
    return any(s.doc == sentence.doc and sentence.start <= s.start and s.end <= sentence.end for s in spans)


def test_question_industries_with_smes(store, graph: KnowledgeGraph):
    rows = {r["industry"]: int(r["sentences"]) for r in _rows(store, "12_industries_with_smes")}
    sme = graph.entities["Industry/中小企业"]
    industries = [e for e in graph.entities.values() if e.type == "Industry" and e is not sme]
    expected: Counter[str] = Counter()
    for sentence in _whole_sentences(graph):
        if _inside(sentence, sme.mentions):
            expected.update({e.label for e in industries if _inside(sentence, e.mentions)})
    assert rows == dict(expected)
    assert "制造业" in rows
