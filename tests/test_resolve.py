"""Entity resolution: short and long names join, titles are stripped, mentions accumulate."""
from kg.model import Analysis, Document
from kg.pipeline import run
from kg.resolve import resolve


def _graph(*texts: str):
    analyses = [run(Analysis(Document(f"{i}.txt", t, ""))) for i, t in enumerate(texts)]
    return resolve(analyses)


def _by_label(kg, label):
    return next(e for e in kg.entities.values() if e.label == label)


def test_resolve_ministry_short_name_joins_full_name():
    kg = _graph("工业和信息化部党组书记、部长金壮龙出席会议。", "工信部印发《优质中小企业梯度培育管理暂行办法》。")
    miit = _by_label(kg, "工业和信息化部")
    assert "工信部" in miit.aliases
    assert {s.doc for s in miit.mentions} == {"0.txt", "1.txt"}


def test_resolve_academy_alias_and_unit_part_of():
    kg = _graph("中国社科院科学技术和社会研究中心主任段伟文表示，要加强治理。")
    cass = _by_label(kg, "中国社会科学院")
    assert "中国社科院" in cass.aliases
    unit = next(e for e in kg.entities.values() if e.label.endswith("科学技术和社会研究中心") and e.id != cass.id)
    assert (unit.id, "part_of", cass.id) in kg.relations


def test_resolve_title_stripped_from_person_and_post_kept():
    kg = _graph("中国工程院院士张平在接受采访时表示，6G研发要加快。")
    person = _by_label(kg, "张平")
    assert person.type == "Person"
    rel = kg.relations[(person.id, "holds_post", _by_label(kg, "中国工程院").id)]
    assert rel.roles == {"院士"}


def test_resolve_parenthesised_short_name_is_alias():
    kg = _graph("中国信息通信研究院（中国信通院）发布报告。中国信通院专家表示，算力增长很快。")
    caict = _by_label(kg, "中国信息通信研究院")
    assert "中国信通院" in caict.aliases
    assert len(caict.mentions) >= 3


def test_resolve_legal_form_joins_company_names():
    kg = _graph("天合光能股份有限公司董事长高纪凡认为，光伏大有可为。", "天合光能发布新品。天合光能董事长高纪凡说。")
    company = _by_label(kg, "天合光能股份有限公司")
    assert "天合光能" in company.aliases


def test_resolve_same_entity_across_documents_is_one_node():
    kg = _graph("金壮龙表示，要推进新型工业化。", "金壮龙在会上指出，要稳住工业经济。")
    people = [e for e in kg.entities.values() if e.label == "金壮龙"]
    assert len(people) == 1 and len(people[0].mentions) == 2


def test_same_metric_in_two_documents_is_one_fact_even_if_one_says_no_year(tmp_path):
    from kg.build import build

    (tmp_path / "a.txt").write_text("2022年，我国规模以上工业增加值同比增长3.6%。", encoding="utf-8")
    (tmp_path / "b.txt").write_text("规模以上工业增加值同比增长3.6%。", encoding="utf-8")
    metrics = list(build([tmp_path]).kg.metrics.values())
    assert len(metrics) == 1
    assert metrics[0].period == "2022" and {s.doc for s in metrics[0].evidence} == {"a.txt", "b.txt"}
    assert metrics[0].subject is None  # 我国 frames a national figure; it is not the subject


def test_a_metric_silent_about_its_period_joins_only_a_like_indicator_of_another_document():
    kg = _graph("截至2024年9月底，全国已建成数字工厂1000家。", "全国已有一千余家原材料企业建成数字化车间或智能工厂。")
    got = sorted((m.indicator, m.period) for m in kg.metrics.values())
    assert got == [("原材料企业建成数字化车间或智能工厂", None), ("建成数字工厂", "2024-09-30")]
