"""Names found by their cue word: the edges of policies, events and organisations."""
from __future__ import annotations

import pytest

from kg.model import Analysis, Document
from kg.pipeline import run


def _names(text: str, etype: str) -> set[str]:
    a = run(Analysis(Document("x.txt", text, "0")))
    return {m.text for m in a.mentions if m.type == etype}


@pytest.mark.parametrize("text, name", [
    ("研究制定电信和互联网服务合规指南，发布个人信息保护规定。", "电信和互联网服务合规指南"),
    ("开展防范和化解拖欠中小企业账款专项行动。", "防范和化解拖欠中小企业账款专项行动"),
    ("行业计划开展“重型机械行业节能降碳行动”“行业数字化转型行动”。", "重型机械行业节能降碳行动"),
    ("加快“宽带边疆”建设，助力边疆发展。", "宽带边疆"),
    ("布局前沿领域，实施未来产业孵化与加速计划，培育新动能。", "未来产业孵化与加速计划"),
    ("推进国家新型工业化产业示范基地建设。", "国家新型工业化产业示范基地"),
    ("要用好国家级承接产业转移示范区等平台。", "国家级承接产业转移示范区"),
])
def test_policy_edges(text, name):
    assert name in _names(text, "Policy")


def test_programmes_listed_before_one_cue_each_take_it():
    a = run(Analysis(Document("x.txt", "组织开展数字化赋能中小企业、科技成果转化赋智中小企业、质量标准品牌赋值中小企业专项行动。"
                                       "企业通过研发、生产、销售等环节开展合作，加快试点。", "0")))
    policies = {m.canonical or m.text for m in a.mentions if m.type == "Policy"}
    assert policies == {"数字化赋能中小企业专项行动", "科技成果转化赋智中小企业专项行动", "质量标准品牌赋值中小企业专项行动"}


def test_bare_programmes_need_more_than_a_two_character_head_or_a_quality():
    found = _names("这是一项民生工程，也是头号工程和系统性工程。实施东数西算工程。", "Policy")
    assert "东数西算工程" in found and not found & {"民生工程", "头号工程", "系统性工程"}
    assert "强基工程" in _names("实施“强基工程”。", "Policy")  # quoted, a short head is enough


def test_generic_measures_after_an_issuing_verb_are_not_policies():
    assert not _names("研究出台促进装备数字化政策措施。", "Policy")


@pytest.mark.parametrize("text, name", [
    ("成功举办产业链供应链韧性与稳定国际论坛。", "产业链供应链韧性与稳定国际论坛"),
    ("第十九届中国—东盟新兴产业论坛在南宁开幕。", "中国—东盟新兴产业论坛"),
])
def test_event_names_join_nouns(text, name):
    assert name in _names(text, "Event")


@pytest.mark.parametrize("text, name", [
    ("他现任国家国防科技工业局综合司司长。", "国家国防科技工业局综合司"),
    ("西藏自治区通信管理局党组书记张三出席。", "西藏自治区通信管理局"),
    ("曾任中国人民大学财政金融学院财政系教授。", "中国人民大学财政金融学院财政系"),
    ("现任上海三爱富新材料股份有限公司董事。", "上海三爱富新材料股份有限公司"),
])
def test_organisation_edges(text, name):
    assert name in _names(text, "Organization")


@pytest.mark.parametrize("text, name", [
    ("2011年6月至今任深圳市聚飞光电股份有限公司董事、总经理。", "深圳市聚飞光电股份有限公司"),
    ("兼任东莞首道超净技术有限公司董事。", "东莞首道超净技术有限公司"),
    ("董事、党委书记，山东新能泰山发电股份有限公司董事长。", "山东新能泰山发电股份有限公司"),
    ("2008年10月至今任金龙机电股份有限公司董事。", "金龙机电股份有限公司"),
    ("他于2003年加入武汉武商量贩连锁有限公司。", "武汉武商量贩连锁有限公司"),
    ("研究所高级顾问，露笑科技股份有限公司独立董事。", "露笑科技股份有限公司"),
    ("司副总经理、常州大成纺织集团公司董事长等职。", "常州大成纺织集团公司"),
    ("董事、东方日升（宁波）电力开发有限公司总经理。", "东方日升（宁波）电力开发有限公司"),
    ("董事长、马钢(集团)控股有限公司总经理。", "马钢(集团)控股有限公司"),
])
def test_registered_company_names_hold_verbs_but_not_the_clause(text, name):
    orgs = _names(text, "Organization")
    assert name in orgs
    assert not any(o != name and o.endswith(name[-4:]) for o in orgs), orgs  # no clipped or padded copy


def test_a_verb_after_a_verb_starts_the_clause_not_the_name():
    orgs = _names("公司决定收购华为技术有限公司的股权。", "Organization")
    assert "华为技术有限公司" in orgs and not any(o.startswith(("公司", "收购")) for o in orgs)
    assert _names("任本公司第一、二、三届董事。", "Organization") == set()


def test_legal_form_and_company_department_are_not_units():
    orgs = _names("泰豪集团有限公司董事长黄代放表示，公司财务部负责此事。华数传媒网络有限公司财务部经理。", "Organization")
    assert "泰豪集团有限公司" in orgs and "泰豪集团" not in orgs
    assert not any(o.endswith("财务部") for o in orgs)


def test_industry_heads_are_trades_not_qualities():
    found = _names("发展先导性产业和国际化产业，壮大机器人产业，夯实基础产业。", "Industry")
    assert "机器人" in found or "机器人产业" in found
    assert not found & {"先导性", "国际化", "基础", "先导性产业", "国际化产业", "基础产业"}
    modified = _names("发布工业互联网细分行业应用指南，办好中国—东盟新兴产业论坛。", "Industry")
    assert not modified & {"工业互联网细分", "东盟新兴", "工业互联网细分行业", "东盟新兴产业"}


@pytest.mark.parametrize("text, name", [
    ("现任黑牡丹（集团）股份有限公司董事。", "黑牡丹（集团）股份有限公司"),
])
def test_bracket_inside_an_organisation_name(text, name):
    assert name in _names(text, "Organization")


def test_ren_before_a_company_is_the_verb_not_a_surname():
    people = _names("2011年4月至今任鼎捷软件股份有限公司独立董事。\n董事长任建华表示支持。", "Person")
    assert "任鼎捷" not in people and "任建华" in people


def test_dictionary_names_without_a_cue_but_not_dictionary_words():
    people = _names("曾荫权和周杰伦出席。推动产业高端化发展。", "Person")
    assert {"曾荫权", "周杰伦"} <= people and "高端化" not in people


def test_transliterated_names_with_a_separator_dot():
    people = _names("对威尔·史密斯而言，演员丹尼斯·霍珀等藏家的藏品。《一代宗师·叶问》将上映。", "Person")
    assert {"威尔·史密斯", "丹尼斯·霍珀"} <= people and not any("·叶问" in p for p in people)


def test_foreign_clubs_by_their_city_and_team_word():
    orgs = _names("斯托克城队主场迎战纽卡斯尔队，我们的团队和车队到场。", "Organization")
    assert {"斯托克城队", "纽卡斯尔队"} <= orgs and not orgs & {"团队", "车队", "我们的团队"}


def test_a_place_and_a_name_before_a_post_are_an_organisation():
    orgs = _names("现任公司董事、湖南粮油副董事长；江苏省政协常委，南京市科协主席。", "Organization")
    assert {"湖南粮油", "南京市科协", "江苏省政协"} <= orgs
    assert not any(o.endswith("常委") for o in orgs)


@pytest.mark.parametrize("text", ["安徽区域总经理王五到场。", "南京林业大学特聘教授。", "任株洲市计划委员会经济信息处处长。",
                                  "广东省副省长出席。"])
def test_posts_after_generic_words_named_bodies_or_bare_places_name_nothing_new(text):
    assert not {o for o in _names(text, "Organization") if o in ("安徽区域", "南京林业大学特聘", "株洲市计划", "广东省副")}


def test_an_industry_does_not_start_inside_a_word():
    a = run(Analysis(Document("x.txt", "促进大中小企业融通创新，支持中小企业发展。", "0")))
    assert [m.start for m in a.mentions if m.type == "Industry"] == [14]


@pytest.mark.parametrize("text, names", [
    ("深入实施设备更新行动和先进制造业集群培育行动。", {"设备更新行动", "先进制造业集群培育行动"}),
    ("开展“一起益企”中小企业服务行动，全面落实产业链链长制。", {"一起益企中小企业服务行动", "产业链链长制"}),
    ("完善首台（套）重大技术装备保险补偿机制，推进工业母机专项攻关。",
     {"首台（套）重大技术装备保险补偿机制", "工业母机专项攻关"}),
    ("重庆入选智能网联汽车准入和上路通行试点。", {"智能网联汽车准入和上路通行试点"}),
    ("将深入实施“人工智能+”行动和5G规模化应用“扬帆”行动。", {"人工智能+行动", "5G规模化应用扬帆行动"}),
    ("印发《河南省制造业数字化转型行动方案（2023—2025年）》。", {"河南省制造业数字化转型行动方案（2023—2025年）"}),
    ("实施一批产业基础再造工程项目，在重点领域开展试点应用。", {"产业基础再造工程"}),
])
def test_unquoted_programmes_and_their_edges(text, names):
    assert _names(text, "Policy") == names




@pytest.mark.parametrize("text, names", [
    ("会议贯彻中央经济工作会议、全国工业和信息化工作会议和省委经济工作会议精神。",
     {"中央经济工作会议", "全国工业和信息化工作会议", "省委经济工作会议"}),
    ("大会期间还将举办稀土永磁产业链供需对接会和稀土新材料应用创新论坛。",
     {"稀土永磁产业链供需对接会", "稀土新材料应用创新论坛"}),
    ("将在南京举办2025世界智能制造大会。", {"2025世界智能制造大会", "世界智能制造大会"}),
    ("中汽协将于明年1月在北京举办2025中国汽车产业发展年会。", {"2025中国汽车产业发展年会", "中国汽车产业发展年会"}),
])
def test_events_joined_by_and_split_and_keep_their_year(text, names):
    assert _names(text, "Event") == names


def test_development_zones_and_districts_jieba_misreads_are_places():
    places = _names("将分别落户赣州经济技术开发区、章贡区、南康区和信丰县，在产业合作区建设。", "Location")
    assert {"赣州经济技术开发区", "章贡区", "南康区", "信丰县"} <= places
    assert not any("合作区" in p for p in places)


def test_news_agencies_innovation_alliances_and_first_batch_policies():
    assert _names("彭博社记者：请问今年的出口形势如何？新华社北京12月1日电。", "Organization") == {"彭博社", "新华社"}
    assert _names("彭博社记者：请问今年的出口形势如何？", "Person") == set()
    assert _names("完善新材料首批次应用保险补偿机制。", "Policy") == {"新材料首批次应用保险补偿机制"}


@pytest.mark.parametrize("text, etype, name", [
    ("他说：“要实施制造业数字化升级行动，推动发展", "Policy", "制造业数字化升级行动"),
    ("“我们将深入实施制造业数字化升级行动，”他说。", "Policy", "制造业数字化升级行动"),
    ("他说：“我们将举办产业发展大会。”", "Event", "产业发展大会"),
])
def test_an_open_speech_quote_is_no_part_of_a_name(text, etype, name):
    assert _names(text, etype) == {name}


def test_an_edition_of_a_bare_cue_gives_no_alias():
    assert _names("习近平出席第五届峰会。李强出席第三届大会。", "Event") == {"第五届峰会", "第三届大会"}


def test_a_cue_inside_a_body_is_none_but_a_policy_beside_it_is():
    assert _names("中国工程院院士邢振东表示，要实施工业母机专项攻关。", "Policy") == {"工业母机专项攻关"}


def test_a_quoted_short_name_after_xia_cheng_is_an_alias():
    a = run(Analysis(Document("x.txt", "最高人民法院（下称“最高法”）作出决定，最高法表示同意。", "0")))
    short = [m for m in a.mentions if m.text == "最高法"]
    assert len(short) == 2 and all(m.canonical == "最高人民法院" for m in short)
