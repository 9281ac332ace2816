"""Relations in sentences of the genre: who attends what, which body a department belongs to."""
import pytest

from kg.model import Analysis, Document
from kg.pipeline import run
from kg.resolve import resolve


def _facts(text: str, predicate: str) -> set[tuple[str, str]]:
    a = run(Analysis(Document("t.txt", text, "")))
    return {(r.subject.text, r.object.text) for r in a.relations if r.predicate == predicate}


def test_everyone_listed_before_the_verb_attends():
    text = ("国务院新闻办公室在北京举行“推动高质量发展”系列主题新闻发布会。工业和信息化部党组成员、副部长孟庆华，"
            "部新闻发言人、运行监测协调局局长沈立群，装备工业一司司长欧阳明德出席发布会。")
    got = _facts(text, "participates_in")
    event = "推动高质量发展系列主题新闻发布会"
    assert {(p, event) for p in ("孟庆华", "沈立群", "欧阳明德", "国务院新闻办公室")} <= got
    assert ("工业和信息化部", event) not in got  # the officials' body, not an attendee
    assert (event, "北京") in _facts(text, "located_in")


def test_a_press_conference_is_not_the_reports_meeting():
    text = "会议贯彻中央经济工作会议精神。副部长辛国斌，总工程师赵志国出席发布会，介绍相关情况。"
    assert _facts(text, "participates_in") == set()


def test_bodies_sending_their_people_and_speakers_at_the_meeting_attend():
    text = ("全省工业和信息化工作会议在郑州召开\n\n河南省工业和信息化厅在郑州召开全省工业和信息化工作会议。"
            "厅长蒋卫东作工作报告。河南省发展和改革委员会、河南省财政厅等省直有关部门负责同志参加会议。")
    got = {s for s, _ in _facts(text, "participates_in")}
    assert {"河南省工业和信息化厅", "蒋卫东", "河南省发展和改革委员会", "河南省财政厅"} <= got


def test_a_bare_department_belongs_to_the_ministry_named_before_it():
    text = "工业和信息化部副部长孟庆华，运行监测协调局局长沈立群，国家统计局局长康义出席。"
    assert _facts(text, "part_of") == {("运行监测协调局", "工业和信息化部")}


def test_a_region_word_is_no_unit_and_a_cut_name_is_dropped():
    a = run(Analysis(Document("t.txt", "西安交通大学经济与金融学院教授、西安交通大学中国西部发展研究院副院长蔡天恩认为。", "")))
    orgs = {m.text for m in a.mentions if m.type == "Organization"}
    assert "西安交通大学中国西部" not in orgs and "中国西部" not in orgs and "金融学院" not in orgs
    assert "西安交通大学中国西部发展研究院" in orgs


def test_event_names_keep_edition_bracketed_place_and_quoted_theme():
    a = run(Analysis(Document("t.txt", "第二届中国（郑州）先进制造业博览会将在郑州举办，会同商务部推进。", "")))
    events = [(m.text, m.canonical) for m in a.mentions if m.type == "Event"]
    assert events == [("第二届中国（郑州）先进制造业博览会", None),
                      ("中国（郑州）先进制造业博览会", "第二届中国（郑州）先进制造业博览会")]  # the series: an alias
    assert "会同商务部" not in {m.text for m in a.mentions}


def test_bodies_listed_before_the_issuer_issue_too():
    text = ("工业和信息化部、国家发展和改革委员会、财政部、国务院国有资产监督管理委员会等七部门联合印发"
            "《原材料工业数字化绿色化协同转型实施方案（2025—2027年）》。")
    issuers = {s for s, _ in _facts(text, "issues")}
    assert issuers == {"工业和信息化部", "国家发展和改革委员会", "财政部", "国务院国有资产监督管理委员会"}


def test_a_level_led_short_form_is_the_body_named_in_full():
    a = run(Analysis(Document("t.txt", "河南省工业和信息化厅召开会议，河南省财政厅参加。省财政厅印发《方案》。", "")))
    short = [m for m in a.mentions if m.text == "省财政厅"]
    assert [m.canonical for m in short] == ["河南省财政厅"]


def test_a_short_name_in_brackets_does_not_cut_the_chain_to_the_title():
    text = "赣南稀金新材料股份有限公司（稀金新材）董事长兼总经理曾国梁与开发区签约。签约仪式由赣州市副市长罗文斌主持。"
    posts = _facts(text, "holds_post")
    assert ("曾国梁", "赣南稀金新材料股份有限公司") in posts
    # 赣州市 is a place, not a body: the post is its government's, which no text here names in full
    kg = resolve([run(Analysis(Document("t.txt", text, "")))])
    assert {kg.entities[r.object].label for r in kg.relations.values() if r.predicate == "holds_post"} \
        == {"赣南稀金新材料股份有限公司"}


def test_a_policy_targets_the_sectors_listed_after_an_aiming_verb():
    text = ("七部门联合印发《原材料工业数字化绿色化协同转型实施方案（2025—2027年）》。"
            "方案聚焦钢铁、有色金属、建材等重点行业。会议还提到纺织行业。")
    got = {o for _, o in _facts(text, "targets")}
    assert got == {"原材料工业", "钢铁", "有色金属", "建材"}


def test_a_title_after_a_short_form_is_a_post_in_the_body_named_in_full():
    text = "河南省工业和信息化厅在郑州召开会议。省工业和信息化厅党组书记、厅长蒋卫东作工作报告。"
    a = run(Analysis(Document("t.txt", text, "")))
    posts = {(r.subject.text, r.object.canonical or r.object.text) for r in a.relations if r.predicate == "holds_post"}
    assert posts == {("蒋卫东", "河南省工业和信息化厅")}


@pytest.mark.parametrize("text", [
    "全省工业和信息化工作会议在郑州召开。厅长蒋卫东审阅了政府工作报告。",
    "全省工业和信息化工作会议在郑州召开。厅长蒋卫东表示将会加大投入。",
    "全省工业和信息化工作会议在郑州召开。张三邀请李四出席。",
])
def test_no_attendance_from_words_that_only_look_like_it(text):
    assert not any(s in ("蒋卫东", "张三") for s, _ in _facts(text, "participates_in"))


def test_an_ambiguous_or_general_short_form_stays_unresolved():
    text = ("洛阳市工业和信息化局、郑州市工业和信息化局联合发文。市工业和信息化局要抓好落实。"
            "郑州市人民政府签约。各市人民政府要抓好落实。")
    a = run(Analysis(Document("t.txt", text, "")))
    assert not any(m.canonical in ("洛阳市工业和信息化局", "郑州市工业和信息化局", "郑州市人民政府")
                   for m in a.mentions if m.text in ("市工业和信息化局", "市人民政府"))


def test_co_issuers_are_the_outermost_bodies():
    text = "国务院国有资产监督管理委员会、工业和信息化部联合印发《原材料工业数字化转型实施方案》。"
    assert {s for s, _ in _facts(text, "issues")} == {"国务院国有资产监督管理委员会", "工业和信息化部"}


def test_each_person_in_a_list_of_posts_holds_only_their_own():
    text = ("会上，中原智芯半导体科技有限公司董事长周明远、洛阳华锐重型装备集团有限公司总经理韩立新、"
            "河南省智能制造产业联盟理事长何建平作交流发言。")
    assert _facts(text, "holds_post") == {("周明远", "中原智芯半导体科技有限公司"),
                                          ("韩立新", "洛阳华锐重型装备集团有限公司"),
                                          ("何建平", "河南省智能制造产业联盟")}


def test_speakers_at_the_meeting_and_attendees_with_nothing_named():
    text = ("全国原材料工业数字化绿色化协同转型推进会在北京召开。原材料工业司司长韦承志在会上介绍情况。"
            "会上，中原智芯半导体科技有限公司董事长周明远、洛阳华锐重型装备集团有限公司总经理韩立新作交流发言。"
            "中国稀土行业协会会长卢颂恩出席并讲话。")
    got = {s for s, _ in _facts(text, "participates_in")}
    assert {"韦承志", "周明远", "韩立新", "卢颂恩"} <= got


def test_a_spokesperson_who_heads_a_unit_speaks_for_its_parent():
    a = run(Analysis(Document("t.txt", "国务院新闻办公室新闻局副局长、新闻发言人钱文澜主持发布会。运行监测协调局新闻发言人李明介绍情况。", "")))
    posts = {(r.subject.text, r.object.text, r.roles) for r in a.relations if r.predicate == "holds_post"}
    assert ("钱文澜", "国务院新闻办公室新闻局", ("副局长",)) in posts
    assert ("钱文澜", "国务院新闻办公室", ("新闻发言人",)) in posts
    assert ("李明", "运行监测协调局", ("新闻发言人",)) in posts  # the unit's own spokesperson stays with it


def test_the_reporters_of_a_papers_dateline_work_for_it():
    got = _facts("赣南日报讯（记者 钟雨桐 刘浩然）11月4日，稀土产业发展大会在赣州开幕。", "holds_post")
    assert got == {("钟雨桐", "赣南日报"), ("刘浩然", "赣南日报")}


def test_local_posts_named_by_level_go_to_the_place_s_government_or_committee():
    text = ("大会由赣州市人民政府主办。赣州市委书记邝建华致辞，市委副书记、市长温立军主持开幕式。签约仪式由赣州市副市长罗文斌主持。"
            "河南省人民政府副省长梁振华出席。会议要求抓好省政府印发的《河南省加快新能源汽车产业发展实施方案》落实。")
    a = run(Analysis(Document("t.txt", text, "")))
    posts = {(r.subject.text, r.object.canonical or r.object.text, r.roles) for r in a.relations
             if r.predicate == "holds_post"}
    assert {("温立军", "赣州市委", ("副书记",)), ("温立军", "赣州市人民政府", ("市长",)),
            ("罗文斌", "赣州市人民政府", ("副市长",))} <= posts
    issuers = {(r.subject.canonical or r.subject.text) for r in a.relations if r.predicate == "issues"}
    assert issuers == {"河南省人民政府"}
    a = run(Analysis(Document("t.txt", "中共赣州市委副书记、市长李克坚主持。赣州市人民政府主办。全县18个乡镇政府完成改革。", "")))
    assert ("李克坚", "赣州市人民政府") in {(r.subject.text, r.object.canonical) for r in a.relations}
    assert not any("乡镇" in m.text for m in a.mentions if m.type == "Organization")


def test_a_level_word_ending_a_place_s_name_is_no_short_form():
    a = run(Analysis(Document("t.txt", "主办方：崇礼县政府。我们崇礼县是旅游大县，崇礼县发展很快。", "")))
    assert not any(m.text == "县政府" for m in a.mentions)
