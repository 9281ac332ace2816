"""Organisations: affiliation chunks before titles, suffix grammar, and the units inside them.

``国务院发展研究中心产业经济研究部`` is one organisation whose parents
(国务院发展研究中心, 国务院) are organisations too; the stage emits each with a
``part_of`` link from the unit to its nearest parent.
"""
from __future__ import annotations

from functools import cache

import re
from bisect import bisect_left, bisect_right

from .. import lexicon
from ..model import Analysis, Mention, RelationMention
from .chunks import NAME_TAGS_STOP_STRONG, TokenIndex
from .cues import (BANK_SHORT_FORMS, EVENT_CUES, LEFT_STOP_WORDS, NOT_BODY_WORDS, ORG_SUFFIXES, UNIT_SUFFIXES,
                   VENUE_CENTRES, WEAK_ORG_SUFFIXES)
from .reach import SpanReach
from .segment import frequency, tagger

_CJK_ONLY = re.compile(r"[\u4e00-\u9fff]+")
_SUFFIXES = sorted(ORG_SUFFIXES, key=lambda s: (-len(s), s))
_GENERIC_HEADS = ("国内", "国外", "我国", "全国各", "各", "该", "本", "这", "其", "相关", "有关", "一些", "多家",
                  "部分", "一批", "首批", "不少", "个别", "许多", "大部分", "绝大多数", "多数", "少数", "某", "另一",
                  "其他", "其它", "所有", "两家", "几家", "数家")
_GENERIC_TAILS = ("企业", "单位", "部门", "机构", "行业", "领域", "地区", "区域", "方面", "高校", "院所", "工厂")
_SELF_REFERENCES = ("本报", "本台", "本刊")
# One-character verbs jieba glues onto a following name (任中源协和…公司, 于爱博…有限公司).
_LEADING_VERBS = frozenset("任于在由从曾现历至赴进入今")
# Particles and conjunctions jieba's name guesser swallows (了泽东|公司, 和贝恩|公司).
_GLUED_FUNCTION_WORDS = frozenset("了和与的")


_LEGAL_TAILS = ("有限公司", "股份有限公司", "有限责任公司", "股份公司", "公司", "控股")
# A registered company name before its legal form is coined freely: verbs and adverbs inside
# it are common (深圳市聚飞光电…, 云南大为制焦…, 山东新能泰山发电…), so only clause words end it.
_LEGAL_FORMS = ("有限公司", "有限责任公司", "股份公司", "集团公司", "总公司")
_LEGAL_NAME_STOP_TAGS = NAME_TAGS_STOP_STRONG - {"v"}
# 上周|交通银行, 他|证实公司: no body's name starts with a time word or a pronoun
_BODY_NAME_STOP_TAGS = NAME_TAGS_STOP_STRONG | {"t", "r"}
_NOT_BODY_WORDS = tuple(sorted(NOT_BODY_WORDS))
_LEGAL_NAME_STOPS = LEFT_STOP_WORDS - {"新", "能"}
_NOT_A_NAME_START = frozenset({"v", "vn", "d", "ad", "m", "t"})
_COMMON = 100  # jieba frequency from which a leading verb is the clause's (收购), not the name's (露笑)
_CLAUSE_BEFORE_VERB = frozenset({"v", "p", "r", "c"})
_DATE_BEFORE = re.compile(r"\d+\s*[年月日]起?|至今|以来|期间|之后|以后")


def after_date(text: str, start: int, end: int) -> int:
    """A date before a name is not part of it (2023年4月上海车展, 2008年10月至今任…集团)."""
    for m in _DATE_BEFORE.finditer(text, start, end):
        start = m.end()
    return start


def suffix_of(name: str) -> str | None:
    for suf in _SUFFIXES:
        if name.endswith(suf):
            return suf
    return None


def subtype_of(name: str) -> str:
    known = lexicon.organizations().get(name)
    if known:
        return known[1]
    suf = suffix_of(name)
    return ORG_SUFFIXES[suf] if suf else "Company"


_REGION_WORDS = ("东部", "西部", "南部", "北部", "中部", "东北部", "西北部", "西南部", "东南部", "内部", "外部", "全部")


# Words that describe a kind of bank, firm or club rather than name one (general vocabulary): the
# graph holds firms, not kinds of firm.
_KINDS = frozenset("""外资 中资 合资 独资 国有 民营 私营 商业 政策性 股份制 股份 零售 网上 网络 私人 寿险 财险 保险 投资 中介 猎头
主流 博彩 电竞 地方 大型 小型 中小 上市 发卡 城商 农商 村镇 证券 基金 信托 贷款 担保 咨询 物业 房产 房地产 经纪 开发 建筑
软件 游戏 科技 贸易 外贸 物流 快递 百货 日式 韩式 欧美 跨国 国际 国内 海外 境外 本地 当地 全国 大 小 新 老 主要 整体 各
商业性 区域 发展 战略 合作 产业 行业 专业 职业 足球 篮球 俱乐部 相关 该 这家 那家 一家 知名 著名 骗子 私立 公立 民办 西部
东部 中部 外国 本土 金融 理财 评级 会计 律师 审计 广告 公关 传媒 媒体 出版 影视 文化 旅游 旅行 航空 汽车 钢铁 能源 电力""".split())


_FIRM_SUFFIXES = frozenset({"银行", "公司", "集团", "俱乐部", "联盟", "学校", "协会", "商会"})


def _only_kinds(head: str) -> bool:
    """Whether ``head`` is made of kind words only (外资, 股份制|商业, 猎头): no proper name in it."""
    ok = [True] + [False] * len(head)
    for end in range(1, len(head) + 1):
        ok[end] = any(ok[start] and head[start:end] in _KINDS for start in range(max(0, end - 4), end))
    return bool(head) and ok[-1]


_COUNTED = re.compile(r"某|(?:大多数|[一二三四五六七八九十百两几数多\d]+)(?:家|批|期|所|个)")


def plausible_org(name: str) -> bool:
    """Refuse generic phrases (国内工业互联网企业, 相关部门) and bare suffixes (公司)."""
    if len(name) < 2 or name.startswith(_GENERIC_HEADS) or name.endswith(_GENERIC_TAILS):
        return False
    if name in lexicon.organizations():
        return True
    if name in lexicon.locations() or name in lexicon.industries() or name in lexicon.titles():
        return False
    if name.endswith(_REGION_WORDS):  # 中国西部(发展研究院): a region, not a body ending in 部
        return False
    if _COUNTED.search(name):  # 沪上某银行, 光大三家银行, 第二批学校: some bodies, not one
        return False
    suf = suffix_of(name)
    if suf in _FIRM_SUFFIXES and _only_kinds(name[:-len(suf)]):  # 外资银行, 猎头公司: a kind of firm
        return False
    if suf and len(name) - len(suf) < 2:
        return False
    return not re.match(r"^[\d一二三四五六七八九十百千万亿%.]", name)


def units(name: str) -> list[int]:
    """Ends of the proper prefixes of ``name`` that are organisations themselves (parents)."""
    ends = []
    for end in range(2, len(name)):
        prefix = name[:end]
        if prefix.count("（") + prefix.count("(") != prefix.count("）") + prefix.count(")"):
            continue  # 马钢(集团|)控股…: a bracket is never cut in two
        if prefix in lexicon.organizations():
            ends.append(end)
            continue
        suf = suffix_of(prefix)
        if suf and suf not in WEAK_ORG_SUFFIXES and plausible_org(prefix) and suffix_of(name[end:]) \
                and plausible_org(name[end:]):  # 泰豪集团|有限公司 is a legal form, not a unit
            ends.append(end)
    return ends


def _common_word_and_legal_form(name: str) -> bool:
    """技术有限公司, 科技公司: a common word and a legal form name no firm (华为|技术有限公司)."""
    tail = next((t for t in _LEGAL_TAILS if name.endswith(t)), None)
    return tail is not None and frequency(name[:-len(tail)]) >= _COMMON


def emit(a: Analysis, start: int, end: int) -> Mention | None:
    """Add an organisation mention for text[start:end] and its parent units; return the mention."""
    text = a.doc.norm
    name = text[start:end]
    if not plausible_org(name):
        return None
    known = lexicon.organizations().get(name)
    m = Mention("Organization", name, start, end, subtype_of(name), known[0] if known else None)
    a.mentions.append(m)
    child = m
    for cut in sorted(units(name), reverse=True):
        parent_name = name[:cut]
        known = lexicon.organizations().get(parent_name)
        parent = Mention("Organization", parent_name, start, start + cut, subtype_of(parent_name),
                         known[0] if known else None)
        a.mentions.append(parent)
        rest = name[cut:]
        if child is m and len(rest) >= 4 and plausible_org(rest) and rest not in lexicon.organizations() \
                and not _common_word_and_legal_form(rest):
            m.canonical = m.canonical or name
            a.mentions.append(Mention("Organization", rest, start + cut, end, subtype_of(rest), name))
        a.relations.append(RelationMention(child, "part_of", parent, start, end))
        child = parent
    return m


def affiliation(a: Analysis, idx: TokenIndex, span: tuple[int, int],
                named: dict[tuple[int, int], Mention]) -> Mention | None:
    """Turn the chunk before a title into an organisation mention (or 本报/部 placeholders);
    ``named`` holds the bodies found before, by span."""
    start, end = span
    text = a.doc.norm
    for ref in _SELF_REFERENCES:
        if text[start:end].endswith(ref):
            return Mention("Organization", ref, end - len(ref), end, "Media")
    if end - start == 1:
        return abbreviated(a, text[start], start)
    start = _after_last_clause_word(a, idx, idx.skip_lead(idx.strip_head(start, end), end), end)
    if start >= end:
        return None
    department = _DEPARTMENT.search(text, start, end)
    if department and department.start() - start >= 2 and plausible_org(text[start:department.start()]):
        end = department.start()  # 链家地产|市场研究部|主任: the post is held at the firm
    return named.get((start, end)) or emit(a, start, end)


# A firm's department after its name (公关部, 营销管理部, 信用卡中心): not an organisation of interest.
_DEPARTMENT = re.compile(r"(?:营销|策划|公关|市场|销售|财务|人事|运营|研发|客户|品牌|产品|信用卡|投资|法务)"
                         r"(?:管理|研究|服务|发展|事业)?(?:部|处|中心|科|室)$")  # a short form named already (省财政厅) is that body


_CLAUSE_TAGS = frozenset({"ul", "uj", "uz", "r", "y", "e"})  # 了 的 着 那位 吧 啊: never inside a name
_CLAUSE_WORDS = frozenset({"是", "请", "有请", "采访", "采访了", "分管", "来自", "介绍", "邀请",
                           "由", "在", "被", "据", "把", "将", "从", "向"})  # …仪式由|赣州市副市长


def _after_last_clause_word(a: Analysis, idx: TokenIndex, start: int, end: int) -> int:
    """Drop the clause before a name (电话采访了|某市房产管理局, 旁边那位是|某公司).

    A chunk before a title runs back to the last punctuation; the name starts after its
    last verb, particle or pronoun, unless that word is inside a known name ending here.
    """
    known = min((m.start for m in a.mentions if m.type == "Organization" and m.end == end
                 and m.start >= start), default=end)
    cut = start
    for word, tag, s in idx.tokens[bisect_left(idx.starts, start):]:
        e = s + len(word)
        if e >= end or e > known:  # a word ending where a known name starts (直属的|中国电子…) may still cut
            break
        rest = a.doc.norm[e:end]
        if s > start and (tag in _CLAUSE_TAGS or word in _CLAUSE_WORDS) and (plausible_org(rest) or _is_place(rest)):
            cut = e
    return cut


def abbreviated(a: Analysis, char: str, pos: int) -> Mention | None:
    """部/局/委 alone stands for the last body mentioned whose name ends with it (部党组成员)."""
    for m in sorted(a.mentions, key=lambda m: -m.start):
        name = m.canonical or m.text
        if m.type == "Organization" and m.end <= pos and name.endswith(char) and len(name) > 2:
            return Mention("Organization", char, pos, pos + 1, m.subtype, name)
    return None


def _over_brackets(idx: TokenIndex, text: str, start: int, **walk) -> int:
    """A bracketed place or form inside a name (东方日升（宁波）电力…公司, 马钢(集团)控股…)
    does not end it: go on leftwards past the bracket."""
    close = text[start - 1:start]
    if close not in ("）", ")"):
        return start
    opening = "（" if close == "）" else "("
    open_at = text.rfind(opening, max(0, start - 8), start)
    if open_at <= 0 or close in text[open_at:start - 1]:
        return start
    before = idx.left_edge(open_at, 12, **(walk or {"tag_stops": NAME_TAGS_STOP_STRONG}))
    return before if before < open_at else start


def _registered_name_start(idx: TokenIndex, text: str, start: int, suffix_at: int) -> int:
    """Where a registered name really starts inside the run before its legal form: after the
    last date (2008年10月至今任…), after a verb that follows a verb (决定收购|华为技术…), and
    past verbs or adverbs leading what is left (收购|华为技术…)."""
    start = after_date(text, start, suffix_at)
    first = bisect_left(idx.starts, start)
    previous = ""
    for word, tag, s in idx.tokens[first:]:
        if s >= suffix_at:
            break
        if tag == "v" and previous in _CLAUSE_BEFORE_VERB:
            start = s
        previous = tag
    i = bisect_left(idx.starts, start)
    while i < len(idx.tokens):
        word, tag, s = idx.tokens[i]
        if s != start or s + len(word) > suffix_at - 2 or tag not in _NOT_A_NAME_START \
                or tag in ("v", "vn", "d", "ad") and frequency(word) < _COMMON:
            break
        start = s + len(word)
        i += 1
    return start


def _with_unit(idx: TokenIndex, text: str, end: int, longest: int = 8) -> int:
    """Extend a name over a unit that follows it directly (…学院|财政系, …证券|深圳营业部)."""
    for j in range(min(longest, len(text) - end), 1, -1):
        piece = text[end:end + j]
        suf = next((u for u in UNIT_SUFFIXES if piece.endswith(u)), None)
        head = end + j - len(suf) if suf else end
        if head > end and idx.token_ending_at(end + j) is not None and idx.token_ending_at(head) is not None \
                and idx.left_edge(head, head - end) <= end and plausible_org(piece):
            return end + j
    return end


# Levels that end a district's or county's own name (丰台区, 泗水县, 戴窑镇): the gazetteer lists
# provinces and cities only, so a lower level is known by jieba's place tag on the whole word.
_LOCAL_LEVELS = ("区", "县", "镇", "乡", "旗")


def _is_place(text: str) -> bool:
    """A gazetteer place, one jieba word tagged ns that ends in a local level (虹口区, 仙游县), or a
    town's name no dictionary holds (戴窑|镇: two characters that are no common word, and 镇 or 乡)."""
    return text in lexicon.locations() \
        or len(text) >= 3 and text.endswith(_LOCAL_LEVELS) and tagger().word_tag_tab.get(text) == "ns" \
        or len(text) == 3 and text[-1] in "镇乡" and frequency(text[:2]) < _COMMON and frequency(text[1:]) < _COMMON


def _has_named_parent(name: str) -> bool:
    """A unit's name (综合司, 通信管理局) makes an organisation only after its parent's or
    its province's name: 国家国防科技工业局综合司, 西藏自治区通信管理局."""
    parents = units(name)
    if parents:  # a company's departments (…有限公司财务部) are not organisations of interest
        return subtype_of(name[:parents[-1]]) != "Company"
    place = next((name[:e] for e in range(len(name) - 2, 1, -1) if _is_place(name[:e])), None)
    if place is None:
        return False
    rest = name[len(place):]  # 日本|政府, 北京市|住建委: after a place a body's bare or short name will do
    if rest[0] in "省市县区":  # 山西|省委: the place is 山西省, and 委 alone names nothing
        return False
    return plausible_org(rest) or (rest in WEAK_ORG_SUFFIXES or len(rest) >= 3 or _abbreviated(rest)) \
        and not rest.startswith(_GENERIC_HEADS)


def _named_parent_start(idx: TokenIndex, text: str, start: int, head: int, end: int) -> int:
    """The first word start after ``start`` from which a weak suffix's name has its parent or its
    place (注册管理部门|虹口区教育局); ``head`` (no name) when there is none."""
    for _, _, s in idx.tokens[bisect_right(idx.starts, start):bisect_left(idx.starts, head)]:
        if _has_named_parent(text[s:end]):
            return s
    return head


def _abbreviated(word: str) -> bool:
    """A body's two-character short form jieba tags as an abbreviation (昌平区|建委)."""
    return len(word) == 2 and tagger().word_tag_tab.get(word) == "j"


# Short names of bodies jieba knows as one word (证监会, 房管局, 扶贫办, 新华网): a proper-name tag and
# a body's last character, never a bare suffix (联合会) or a common word tagged n (委员会, 互联网).
_SHORT_BODY_TAGS = frozenset({"nt", "j", "nz"})
_PLACE_TAGS = frozenset({"ns", "nt", "nz", "j"})
_SHORT_BODY_ENDS = {"局": "GovernmentBody", "委": "GovernmentBody", "会": "Other", "网": "Media", "社": "Media"}


@cache
def _local_cores() -> re.Pattern:
    """National bodies' names without 国家 (发展和改革委员会, 卫生健康委员会): each province and
    city has its own, named after its place. The word walk stops at their 和, so they are listed."""
    cores = {n[2:] for n, (_, sub) in lexicon.organizations().items()
             if n.startswith("国家") and sub == "GovernmentBody" and len(n) >= 7}
    return re.compile("|".join(sorted(map(re.escape, cores), key=len, reverse=True)) or "(?!)")  # none: never


def local_bodies(a: Analysis) -> None:
    """A place and a national body's core name (河南省|发展和改革委员会) is that place's body."""
    place_at = {m.end: m.start for m in a.mentions if m.type == "Location"}
    for m in _local_cores().finditer(a.doc.norm):
        begin = m.start()
        while begin in place_at:  # 河南省|郑州市|发展和改革委员会
            begin = place_at[begin]
        if begin < m.start():
            a.mentions.append(Mention("Organization", a.doc.norm[begin:m.end()], begin, m.end(), "GovernmentBody"))


def short_bodies(a: Analysis) -> None:
    """A body named by its jieba word alone (保监会表示, 据新华网报道), or after its places
    (福建省|宁德市|经贸委): the places start the name."""
    place_at = {m.end: m.start for m in a.mentions if m.type == "Location"}
    for i, (word, tag, start) in enumerate(a.tokens):
        if (tag in _SHORT_BODY_TAGS or tag == "nr" and word[-1] == "社") and len(word) == 3 \
                and word[-1] in _SHORT_BODY_ENDS \
                and word not in ORG_SUFFIXES and not word.endswith(EVENT_CUES):  # 亚运会 is an event
            begin, end = start, start + len(word)
            while begin in place_at:  # 福建省|宁德市|经贸委
                begin = place_at[begin]
            if begin == start and i and (a.tokens[i - 1][1] in _PLACE_TAGS or a.tokens[i - 1][0] in ")）"):
                continue  # 江阴市|财政局, (市)|商业局: the end of a longer name not found whole
            a.mentions.append(Mention("Organization", a.doc.norm[begin:end], begin, end, _SHORT_BODY_ENDS[word[-1]]))


# A list closed by 等 and a kind of firm names firms (民生、工行、浦发等13家银行, 汇丰、花旗等各家外资行):
# short forms no gazetteer or suffix finds.
_LISTED_FIRMS = re.compile(r"((?:[\u4e00-\u9fffA-Za-z]{2,4}、)+[\u4e00-\u9fffA-Za-z]{2,4})等"
                           r"(?:[\d一二三四五六七八九十几多]+家|各家)?(?:中资|外资|股份制|商业)?(?:银行|外资行|券商)")


def listed_firms(a: Analysis) -> None:
    """Each item of a 、-list that 等 closes with a bank or broker word is a firm."""
    for m in _LISTED_FIRMS.finditer(a.doc.norm):
        pos = m.start(1)
        for item in m.group(1).split("、"):
            if not item.startswith(_GENERIC_HEADS):
                a.mentions.append(Mention("Organization", item, pos, pos + len(item), "Company"))
            pos += len(item) + 1


_CLAUSE = re.compile(r"[^，。；：！？!?;:\n（）()“”]+")
_BODY_ENDS = {"部": "GovernmentBody", "局": "GovernmentBody", "办": "GovernmentBody", "委": "GovernmentBody",
              "署": "GovernmentBody", "厅": "GovernmentBody", "会": "Other", "行": "Company", "院": "Other"}
_LIST_TAIL = re.compile(r"(?:等|共|和|及|以及)")


def listed_bodies(a: Analysis) -> None:
    """In a 、-list of bodies, a later item ending like a body is one too (农业部、卫生部、人民银行、
    审计署、林业局、扶贫办): two items already known as organisations make it a list of bodies.
    The first item is left to the other rules (it holds the clause's lead words); an item that is
    a common word (社会, 监事会) or an event (博览会) is none."""
    text = a.doc.norm
    org_ends = {m.end: m.start for m in a.mentions if m.type == "Organization"}
    taken = SpanReach((m.start, m.end) for m in a.mentions)
    for clause in _CLAUSE.finditer(text):
        if clause.group().count("、") < 2:
            continue
        items, pos = [], clause.start()
        for item in clause.group().split("、"):
            items.append((pos, pos + len(item)))
            pos += len(item) + 1
        tail = _LIST_TAIL.search(text, *items[-1])  # …、扶贫办共17个单位: the list ends before 共
        if tail and tail.start() > items[-1][0]:
            items[-1] = (items[-1][0], tail.start())
        known = sum(end in org_ends and org_ends[end] >= start for start, end in items)
        if known < 2:
            continue
        for start, end in items[1:]:
            name = text[start:end]
            kind = _BODY_ENDS.get(name[-1:])
            if kind and 3 <= len(name) <= 8 and _CJK_ONLY.fullmatch(name) and end not in org_ends \
                    and taken.furthest_end(end) <= start and plausible_org(name) and not name.endswith(EVENT_CUES) \
                    and not (frequency(name) >= _COMMON and tagger().word_tag_tab.get(name) not in ("nt", "nz")):
                a.mentions.append(Mention("Organization", name, start, end, kind))


_BRANCH = re.compile(r"分行|支行|分公司|营业部|办事处|代表处")
_BANK_BRANCHES = ("分行", "支行")


def branches(a: Analysis) -> None:
    """A body, the place of its branch and a branch word name the branch (交通银行|四川省|分行,
    工行|福建省|分行), a unit of the body."""
    text = a.doc.norm
    bodies = {m.end: m for m in a.mentions if m.type == "Organization"}
    named = {(m.start, m.end) for m in a.mentions if m.type == "Organization"}
    word_starts = {start for _, _, start in a.tokens}
    place_at = {m.start: m.end for m in a.mentions if m.type == "Location"}
    for begin in sorted(place_at):
        end = begin
        while end in place_at:  # 河南省|郑州市|分行
            end = place_at[end]
        branch = _BRANCH.match(text, end)
        if not branch:
            continue
        body = bodies.get(begin)
        if body is None and text[max(0, begin - 2):begin] in BANK_SHORT_FORMS and branch.group() in _BANK_BRANCHES \
                and begin - 2 in word_starts:  # 工行|福建省|分行, not 锦绣华夏|上海分公司
            body = Mention("Organization", text[begin - 2:begin], begin - 2, begin, "Company")
            a.mentions.append(body)
        if body is not None and (body.start, branch.end()) not in named:
            unit = Mention("Organization", text[body.start:branch.end()], body.start, branch.end(),
                           body.subtype or "Company")
            a.mentions.append(unit)
            a.relations.append(RelationMention(unit, "part_of", body, unit.start, unit.end))


# Armed forces are government bodies: a country (美国海军) or its one-character abbreviation (美军).
_FORCES = re.compile(r"(?:海上|陆上|航空)?自卫队|(?:太平洋|北海|黑海|波罗的海|北方)?舰队|海军|空军|陆军|军方|军队|军")
_COUNTRY_ABBREVIATIONS = frozenset("美日德英俄法苏韩朝印越意")


def armed_forces(a: Analysis, idx: TokenIndex) -> None:
    """美军, 俄军, 美国海军, 日本政府军方: a place or a country's abbreviation before a force word."""
    text = a.doc.norm
    places = lexicon.locations()
    for m in _FORCES.finditer(text):
        if idx.token_ending_at(m.end()) is None:  # 军|事, 冠军 is a word of its own
            continue
        place = next((text[s:m.start()] for s in range(max(0, m.start() - 6), m.start() - 1)
                      if text[s:m.start()] in places), None)
        if place is not None:
            start = m.start() - len(place)
        elif text[m.start() - 1:m.start()] in _COUNTRY_ABBREVIATIONS and m.group() not in ("军方", "军队") \
                and (m.start() == 1 or idx.token_ending_at(m.start() - 1) is not None):  # 美军, 美空军
            start = m.start() - 1
        else:
            continue
        a.mentions.append(Mention("Organization", text[start:m.end()], start, m.end(), "GovernmentBody"))


# Heads of a state's own bodies (美国|国土安全部, 美国|证券交易委员会, 美国|国务院, 施罗普郡|地方政府).
_STATE_BODY_HEADS = ("部", "院", "委员会", "署", "政府", "国会", "议会")
_STATE_BODY_WORD_TAGS = frozenset({"n", "nt", "nz", "vn", "j"})
_CHINESE_LEVELS = ("中国", "省", "市", "自治区", "特别行政区", "区", "县")


def foreign_bodies(a: Analysis, idx: TokenIndex) -> None:
    """A place abroad and up to three nouns ending in a state body's head is that state's body
    (美国|国务院, 印度|外交部): no mention of the Chinese body of the same name (国务院, 外交部) stays."""
    text = a.doc.norm
    for m in [m for m in a.mentions if m.type == "Location"]:
        if (m.canonical or m.text).endswith(_CHINESE_LEVELS):
            continue
        k = bisect_left(idx.starts, m.start)  # 美国国务院 may be one word of jieba's
        if k < len(idx.tokens) and idx.tokens[k][2] == m.start and len(idx.tokens[k][0]) <= len(m.text):
            k += 1
        for j in range(k, min(k + 3, len(idx.tokens))):
            word, tag, start = idx.tokens[j]
            end = start + len(word)
            if idx.tokens[k][2] not in (m.start, m.end) or end <= m.end or tag not in _STATE_BODY_WORD_TAGS:
                break
            if word.endswith(_STATE_BODY_HEADS) and not word.endswith(_GENERIC_TAILS):
                a.mentions[:] = [n for n in a.mentions if not (n.type == "Organization" and m.end <= n.start
                                                             and n.end == end and n.canonical is not None)]
                a.mentions.append(Mention("Organization", text[m.start:end], m.start, end, "GovernmentBody"))
                break


def _after_glued_function_word(idx: TokenIndex, start: int, head: int) -> int:
    """Past the last particle or conjunction jieba's name guesser swallowed before ``head``
    (遭到|了泽东|公司, 招商银行|和贝恩|公司): the name starts after it."""
    for word, tag, s in idx.tokens[bisect_left(idx.starts, start):bisect_left(idx.starts, head)]:
        if word[0] in _GLUED_FUNCTION_WORDS and tag.startswith("nr") and s + 2 < head:
            start = s + 1
    return start


def suffix_orgs(a: Analysis, idx: TokenIndex) -> None:
    """Organisations anywhere in the text, found by a strong suffix (协会, 大学, 有限公司 …)."""
    text = a.doc.norm
    for suf in _SUFFIXES:
        weak = suf in WEAK_ORG_SUFFIXES
        for m in re.finditer(re.escape(suf), text):
            end = m.end()
            if len(suf) <= 2 and idx.token_ending_at(end) is None:  # 厂|商, 细分|行业: inside a word
                continue
            if text.endswith(_NOT_BODY_WORDS, 0, end):  # 使馆|联系: a common word, no suffix
                continue
            if text.startswith(_LEGAL_TAILS, end):  # 泰豪集团|有限公司: the longer name is found too
                continue
            if suffix_of(text[max(0, end - 8):end]) != suf:  # 有限|公司: the longest suffix decides
                continue
            if any(text[end - k:end] in lexicon.titles() for k in range(len(suf) + 1, 5)):
                continue  # 政协|常委, 党组|副书记: the suffix ends a title, not a body
            if text.endswith(VENUE_CENTRES, 0, end):
                continue  # 会展中心: a venue (places.venues)
            if text.endswith(_LEGAL_FORMS, 0, end):
                walk = {"stops": _LEGAL_NAME_STOPS, "tag_stops": _LEGAL_NAME_STOP_TAGS}
                start = _over_brackets(idx, text, idx.left_edge(end, 20, **walk), **walk)
                start = _registered_name_start(idx, text, start, m.start())
            else:
                start = _over_brackets(idx, text, idx.left_edge(end, 20, tag_stops=_BODY_NAME_STOP_TAGS))
                start = after_date(text, idx.skip_lead(start, m.start()), m.start())
            while start + 1 < m.start() and text[start] in _LEADING_VERBS \
                    and (plausible_org(text[start + 1:end]) or text.startswith(_GENERIC_HEADS, start + 1)):
                start += 1
            start = _after_glued_function_word(idx, start, m.start())
            if weak and start < m.start() and not _has_named_parent(text[start:end]):
                start = _named_parent_start(idx, text, start, m.start(), end)  # 管理部门|虹口区教育局
            if start >= m.start():
                continue
            emit(a, start, end if weak else _with_unit(idx, text, end))
