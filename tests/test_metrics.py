"""The metrics stage on sentences of the genre: values, units, measures, periods and spans."""
from decimal import Decimal

from kg.extract.metrics import metrics_stage
from kg.extract.text import date_stage, normalize_stage, sentence_stage
from kg.model import Analysis, Document


def _run(text: str, year: int | None = None) -> Analysis:
    a = Analysis(Document("t.txt", text, ""))
    normalize_stage(a)
    date_stage(a)
    if year is not None:
        a.doc.year = year
    sentence_stage(a)
    metrics_stage(a)
    return a


def test_metrics_growth_rate_fields():
    (m,) = _run("2023年全年规模以上工业增加值同比增长4.6%。").metrics
    assert (m.value, m.unit, m.measure, m.period) == (Decimal("4.6"), "%", "同比增长", "2023")
    assert m.indicator == "规模以上工业增加值"


def test_metrics_scale_hedges_and_units():
    a = _run("我国机器人市场规模已超千亿元，培育近千家专精特新企业，比上年提高0.5个百分点。")
    got = [(m.value, m.unit, m.qualifier) for m in a.metrics]
    assert got == [(Decimal(10) ** 11, "元", "超过"), (Decimal(1000), "家", "近"), (Decimal("0.5"), "百分点", None)]


def test_metrics_half_is_a_share():
    (m,) = _run("国民经济大类中一半以上用上了5G网络。").metrics
    assert (m.value, m.unit, m.qualifier) == (50, "%", "以上")


def test_metrics_coordinated_pair_spans():
    a = _run("2023年，新能源汽车产销分别完成了958.7万辆和949.5万辆，同比分别增长35.8%和37.9%。")
    norm = a.doc.norm
    assert [m.indicator for m in a.metrics[:2]] == ["新能源汽车产量", "新能源汽车销量"]
    assert norm[a.metrics[0].start:a.metrics[0].end] == "新能源汽车产销分别完成了958.7万辆"
    assert norm[a.metrics[1].start:a.metrics[1].end] == "新能源汽车产销分别完成了958.7万辆和949.5万辆"
    assert [(m.indicator, m.value, m.measure) for m in a.metrics[2:]] == [
        ("新能源汽车产量", Decimal("35.8"), "同比增长"), ("新能源汽车销量", Decimal("37.9"), "同比增长")]


def test_metrics_coordinated_subjects_give_one_each():
    a = _run("江苏、山东、安徽等省份增速都超过7%。")
    assert len(a.metrics) == 3
    assert {m.indicator for m in a.metrics} == {"增速"}  # the subject says which province


def test_metrics_non_metrics_give_nothing():
    a = _run("1月11日，会议部署2023年十三个方面重点任务，加快5G和6G建设，实施“十四五”规划，突出表现为五个稳。")
    assert a.metrics == []


def test_metrics_paragraph_year_carries_to_next_sentence():
    a = _run("2022年，信息通信业快速发展，累计建成开通5G基站超过230万个。5G应用案例累计超过5万个。")
    assert [(m.period, m.measure) for m in a.metrics] == [("2022", "累计"), ("2022", "累计")]


def test_metrics_relative_year_and_target():
    (m,) = _run("今年将新建开通5G基站60万个。", year=2023).metrics
    assert (m.value, m.period, m.measure) == (600000, "2023", "目标")


def test_metrics_decline_and_year_end_target():
    a = _run("力争到2023年年底，全国专精特新中小企业超过8万家。中小微企业平均资费降低超过10%。")
    assert [(m.measure, m.period) for m in a.metrics] == [("目标", "2023-12-31"), ("下降", None)]


def test_metrics_question_year_frames_the_answer():
    a = _run("记者：请介绍2023年汽车产业发展情况。\n辛国斌：汽车产业是支柱产业。\n全国汽车零售额实现4.86万亿元。\n")
    (m,) = a.metrics
    assert (m.value, m.period) == (Decimal("4.86e12"), "2023")


def test_metrics_list_in_an_earlier_clause_gives_one_per_item():
    a = _run("从行业看，汽车、化工、有色金属等行业投资都是两位数增长，高于10%。")
    assert len(a.metrics) == 3 and {m.indicator for m in a.metrics} == {"投资"}  # the class word goes


def test_metrics_large_chinese_counts_and_tenths_are_figures():
    a = _run("新增省级专精特新中小企业一千二百余家，海外订单占比提高到三成，十个工业大省贡献了六成以上。")
    assert [(m.value, m.unit, m.qualifier) for m in a.metrics] == [
        (Decimal(1200), "家", "余"), (Decimal(30), "%", None), (Decimal(60), "%", "以上")]
    assert _run("形势一成不变，项目建成立即投产，两成都企业参与。").metrics == []


def test_metrics_a_listed_subject_does_not_reach_the_next_clause_figure():
    a = _run("郑州、洛阳、新乡等省辖市工业增加值增速都超过7%，十个工业大省贡献了全国增量的六成以上。")
    listed = [m for m in a.metrics if m.value == 7]
    assert [m.indicator for m in listed] == ["工业增加值增速"] * 3
    assert len([m for m in a.metrics if m.value == 60]) == 1


def test_metrics_a_part_of_the_year_frames_later_changes_in_its_paragraph():
    a = _run("前三季度，全国规模以上工业增加值同比增长5.8%。装备制造业增加值同比增长7.5%。", year=2024)
    assert [m.period for m in a.metrics] == ["2024-01/2024-09"] * 2


def test_metrics_a_dateline_gives_the_year_of_last_year():
    a = _run("2024年10月18日，国新办举行发布会。去年我国新能源汽车出口120.3万辆。2025年将继续推进。")
    assert [(m.value, m.period) for m in a.metrics] == [(Decimal(1203000), "2023")]


def test_metrics_a_yearless_whole_year_takes_the_paragraphs_year():
    a = _run("会议指出，2023年，工业经济回升向好。全年规模以上工业增加值增长5.1%；制造业投资增长8.3%。", year=2024)
    assert [m.period for m in a.metrics] == ["2023", "2023"]


def test_metrics_one_tenth_is_ten_per_cent():
    a = _run("出口占比一成以上，进口占比1成。")
    assert [(m.value, m.unit) for m in a.metrics] == [(Decimal(10), "%"), (Decimal(10), "%")]


def test_metrics_a_date_in_the_body_is_history_not_the_texts_own_day():
    a = _run("2024年，我国工业回升向好。2015年5月8日，国务院印发《中国制造2025》。今年我国新能源汽车产量增长30%。")
    assert a.doc.year == 2024 and [m.period for m in a.metrics] == ["2024"]


def test_metrics_compared_rates_take_the_indicator_before_them():
    a = _run("1—11月，汽车产销分别完成2798.4万辆和2801.6万辆，同比分别增长3.6%和4.1%，增速比1—10月分别提高0.5个和0.6个百分点。"
             "高技术制造业增加值增长9.1%，增速比上半年加快0.4个百分点。")
    got = [(m.indicator, m.value, m.unit) for m in a.metrics if m.unit == "百分点"]
    assert got == [("汽车产量增速比", Decimal("0.5"), "百分点"), ("汽车销量增速比", Decimal("0.6"), "百分点"),
                   ("高技术制造业增加值增速比", Decimal("0.4"), "百分点")]


def test_metrics_lead_words_go_and_a_bare_figure_takes_the_words_after_it():
    a = _run("汽车制造业营业收入同比增长3.2%，但利润率仅为4.4%。截至10月底，全国已有5.8亿吨粗钢产能完成全流程超低排放改造。")
    indicators = [m.indicator for m in a.metrics]
    assert "汽车制造业营业收入利润率" != indicators[1] and indicators[1].endswith("利润率")
    assert not indicators[1].startswith("但")
    assert indicators[2] == "粗钢产能完成全流程超低排放改造"


def test_metrics_a_part_named_after_qizhong_inherits_the_whole_indicator():
    from kg.pipeline import run

    a = run(Analysis(Document("t.txt", "今年前三季度，规模以上工业单位增加值能耗同比下降3.6%，其中钢铁、建材行业分别下降4.1%和5.3%。", "")))
    assert [m.indicator for m in a.metrics] == ["规模以上工业单位增加值能耗", "钢铁行业单位增加值能耗", "建材行业单位增加值能耗"]


def test_metrics_a_work_conference_review_frames_the_paragraphs_after_it():
    a = _run("2024年1月18日，省工信厅召开工作会议，总结2023年全省工业和信息化工作，部署2024年重点任务。\n"
             "产业结构持续优化。高技术制造业增加值增长10.2%。")
    assert [(m.indicator, m.period) for m in a.metrics] == [("高技术制造业增加值", "2023")]


def test_metrics_a_time_word_before_a_semicolon_frames_the_clauses_after_it():
    a = _run("分车型看，11月乘用车产销分别完成301.5万辆和298.3万辆；商用车产销分别完成34.7万辆和34.5万辆。", year=2024)
    assert {m.period for m in a.metrics} == {"2024-11"}


def test_metrics_a_long_measure_after_a_list_is_each_item_s_indicator():
    a = _run("河北、江苏、山东等省份钢铁企业关键工序数控化率都超过70%。")
    assert [m.indicator for m in a.metrics] == ["钢铁企业关键工序数控化率"] * 3


def test_metrics_a_share_or_a_lead_over_the_whole_takes_the_indicator_before_it():
    a = _run("2023年，原材料工业实现营业收入28.6万亿元，约占规模以上工业的三成。"
             "开发区规模以上工业增加值同比增长10.2%，高于全市2.1个百分点。")
    indicators = [m.indicator for m in a.metrics]
    assert indicators[1] == "原材料工业实现营业收入占规模以上工业"
    assert indicators[3] == "开发区规模以上工业增加值高于全市"


def test_metrics_listed_subjects_share_the_measure_after_the_last():
    from kg.pipeline import run

    a = run(Analysis(Document("t.txt", "今年前三季度，龙南经济技术开发区、信丰县稀土相关产业产值分别增长15.4%和11.7%。", "")))
    got = [(m.indicator, m.subject.text) for m in a.metrics]
    assert got == [("龙南经济技术开发区稀土相关产业产值", "龙南经济技术开发区"), ("信丰县稀土相关产业产值", "信丰县")]


def test_metrics_every_short_ge_before_percentage_points_is_one():
    a = _run("三项指标分别提高0.3个、0.5个和0.6个百分点。")
    assert [m.unit for m in a.metrics] == ["百分点"] * 3
