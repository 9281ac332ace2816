"""Normalisation repairs PDF damage and every offset still points into the original text."""
from kg.model import Analysis, Document
from kg.normalize import is_column_text, normalize
from kg.pipeline import run


def _roundtrip(text: str, needle: str) -> str:
    norm, offsets = normalize(text)
    i = norm.index(needle)
    doc = Document("d.txt", text, "", norm, offsets)
    span = doc.span(i, i + len(needle))
    return text[span.start:span.end]


def test_normalize_spaced_letters_join_and_map_back():
    text = "在西 井 科 技CEO看来"
    norm, _ = normalize(text)
    assert "西井科技" in norm
    assert _roundtrip(text, "西井科技") == "西 井 科 技"


def test_normalize_full_width_digits_become_ascii():
    norm, offsets = normalize("增长２０２３年５．８％")
    assert norm == "增长2023年5.8%"
    assert len(offsets) == len(norm) + 1


def test_normalize_space_around_numbers_removed():
    assert normalize("力争到 2023 年年底")[0] == "力争到2023年年底"


def test_normalize_column_line_breaks_inside_words_joined():
    lines = ["工作会议提出，促进中小企业", "发展。力争到 2023 年年底，全国专", "精特新中小企业超过8万家、“小巨",
             "人”企业超过1万家。促进大中小企", "业融通创新，助力中小企业融入重", "点产业链供应链。多措并举下，中",
             "小企业展现出了强大的韧性和活", "力。规模以上工业中小企业营业收", "入同比增长 6%。中小企业还贡献"]
    text = "\n\n".join(lines)
    assert is_column_text(text)
    norm, _ = normalize(text)
    assert "专精特新中小企业" in norm
    assert _roundtrip(text, "专精特新") == "专\n\n精特新"


def test_normalize_prose_line_breaks_kept():
    text = "第一段讲制造业的发展情况。\n\n第二段讲信息通信业。"
    assert not is_column_text(text)
    assert "\n" in normalize(text)[0]


def test_normalize_mentions_map_to_original_spans():
    text = "工业和信息化部党组书记、部长金 壮 龙出席会议并讲话。"
    a = run(Analysis(Document("d.txt", text, "")))
    people = [m for m in a.mentions if m.type == "Person"]
    assert people, "the spaced-out name is found"
    span = a.doc.span(people[0].start, people[0].end)
    assert text[span.start:span.end].replace(" ", "") == "金壮龙"


def test_normalize_number_cut_by_a_short_column_line_joined():
    lines = ["工作会议提出，促进中小企业", "发展。力争到 2023 年年底，全国专", "精特新中小企业超过8万家、“小巨",
             "人”企业超过1万家。促进大中小企", "业融通创新，助力中小企业融入重", "点产业链供应链。多措并举下，中",
             "销量同比增长3", "5.8%。规模以上工业中小企业营业收", "入同比增长 6%。中小企业还贡献"]
    norm, _ = normalize("\n\n".join(lines))
    assert "增长35.8%" in norm


def test_normalize_column_break_between_scale_and_unit_joined():
    lines = ["唐志鸿认为，2023年我国制造业增", "加值达到33万亿", "元，占全球比重约30%，连续", "14年位居世界第一。明年要继续",
             "推动制造业高端化发展，公司新", "能源汽车销量达到28.7万", "辆，同比增长64%，其中海外销", "量占比接近两成，明年还要继续"]
    norm, _ = normalize("\n\n".join(lines))
    assert "33万亿元" in norm and "28.7万辆" in norm


def test_normalize_column_break_inside_a_title_joined():
    lines = ["工作会议提出，促进中小企业", "发展。力争到 2023 年年底，全国专", "精特新中小企业超过8万家、制",
             "定《制造业数字化转型三年行动", "计划》，促进大中小企", "业融通创新，助力中小企业融入重",
             "点产业链供应链。多措并举下，中", "小企业展现出了强大的韧性和活"]
    assert "《制造业数字化转型三年行动计划》" in normalize("\n\n".join(lines))[0]


def test_normalize_a_short_column_line_cut_inside_a_word_joined():
    lines = ["工作会议提出，促进中小企业", "发展。力争到 2023 年年底，全国专", "精特新中小企业超过8万家。苏州晶",
             "联光电科技股份有", "限公司董事长表示，哈尔滨工业大学机", "电", "工程学院教授邢振东表示，赛迪研",
             "究所所长认为，协会会长兼秘书长郑怀", "远认为，今年机械工业增长较快。", "工业经济走势", "来源：中国经济时报"]
    norm = normalize("\n\n".join(lines))[0]
    assert "股份有限公司" in norm and "大学机电工程学院" in norm and "研究所" in norm
    assert "秘书长郑怀远认为" in norm  # a name cut after its second character, a speech verb after it
    assert "走势\n\n来源" in norm  # no word spans that break: the title keeps its line
    byline = normalize("\n\n".join(lines[:4] + ["■本报记者王强", "国家统计局数据显示增长。", "文/张伟", "大力推进改革。",
                                                  "来源：人民日报", "社论指出，要发展。"]))[0]
    assert "王强\n\n国家" in byline and "张伟\n\n大力" in byline and "日报\n\n社论" in byline


def test_normalize_continued_on_page_markers_are_cut_out():
    lines = ["工作会议提出，促进中小企业", "发展。力争到 2023 年年底，全国专", "精特新中小企业超过8万家、“小巨",
             "人”企业超过1万家。促进大中小企", "（下转第4版）", "上接第1版", "业融通创新，助力中小企业融入重",
             "点产业链供应链。多措并举下，中"]
    norm = normalize("\n\n".join(lines))[0]
    assert "版" not in norm and "促进大中小企业融通创新" in norm
    lines[4:6] = ["规划研", "（下转第4版）", "究所所长表示"]
    assert "规划研究所所长" in normalize("\n\n".join(lines))[0]


def test_normalize_heading_line_and_decimal_point_breaks():
    lines = ["创新驱动 产业链加速攀升", "“今年1—10月，全国规模以上工", "业增加值同比增长5.8%，其中高技", "术制造业增加值增长9.",
             "4%，明显快于整体工业。中西部", "地区承接产业转移项目超过1.", "1万个，实际到位资金同比增长", "12.4%。陕西、重庆等地的新能"]
    norm = normalize("\n\n".join(lines))[0]
    assert norm.startswith("创新驱动 产业链加速攀升\n\n“今年")  # the heading stays its own line, its phrases apart
    assert "9.4%" in norm and "1.1万个" in norm


def test_normalize_page_header_is_cut_out_but_still_dates_the_text():
    from kg.extract.text import date_stage, normalize_stage

    lines = ["赣南稀金新材料股份有限公司（稀金新材", "２０２４年11月5日 星期二 第4版", "）董事长兼总经理曾国梁与开发区签", "约年产3万吨高性能钕铁硼永磁材料项",
             "目，总投资85亿元，达产后预计年产值", "超过200亿元。去年公司实现营业收入12", "6.8亿元，同比增长18.5%，高性能磁", "材出口占比提高到三成左右，今年还要"]
    a = Analysis(Document("d.txt", "\n\n".join(lines), ""))
    normalize_stage(a)
    date_stage(a)
    assert "（稀金新材）董事长兼总经理曾国梁" in a.doc.norm and "星期二" not in a.doc.norm
    assert a.doc.year == 2024
