"""Names announced by a cue word: policies (《…》, …行动/工程/试点), events (…会议/论坛), industries (…产业).

The cue fixes the right edge; the left edge is where the governing verb or a particle stands
(实施 | 产业基础再造工程). Quotes inside a name are kept in the span and dropped from the label.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import Callable

from .. import lexicon
from ..model import Analysis, Mention
from .chunks import TokenIndex
from .organizations import after_date, suffix_of
from .cues import EVENT_CUES, LEFT_STOP_WORDS, POLICY_CUES, STRONG_POLICY_CUES

_QUOTES = "“”‘’\"'"
# Verbs that take a policy or event as object: they end a name going leftwards.
GOVERNING = frozenset("""实施 开展 启动 启动实施 印发 印发实施 出台 制定 研究制定 发布 落实 推进 组织 深入开展 部署 加快 持续 深化
认真 贯彻 入选 得益于 受益于 好 了 的 与 及 等 在 是 为 将 一批 首批 批 场 个 项 各地 通过 依托 围绕 按照 根据 结合 继续 进一步 大力
积极 扎实 着力 推出 谋划 编制 完成 做好 抓好 用好 举办 召开 牵头 参与 参加 还 也 要 已 已经 正在 分别 先后 共
总共 累计 对 向 从 以 把 被 让 并 和 举行 出席 主持 强调 指出 提出 表示 精神 期间 上 中 以来 成功 圆满 胜利
健全 完善 建立 构建 优化 圆满完成 确定 正式 开启 推广 全面落实 全面推进 全面实施 深入实施 加快推进 大力推进
今年 去年 明年 全国各地 各地 开好 办好 搞好 打造 培育 创建 建设 此次 本次 这次 该 本 作为 聚焦 实现 组织实施 研究
""".split())
_EVENT_LEAD = re.compile(r"(?:认真|深入|全面|贯彻|落实|学习|传达|领会|按照|根据)+")
_EVENT_VERB_TAIL = re.compile(r"(?:主持|出席|参加|召开|举行|举办|落实|贯彻|学习|传达|开好|办好)$")
_GENERIC_EVENT_HEADS = frozenset("工作 此次 本次 这次 该 相关 有关 各类 重要 专题 新闻 相关工作 各项".split())
_MEDIA_TAILS = ("报", "日报", "晚报", "杂志", "周刊", "时报", "网")
_EVENT_FORMS = re.compile(r"党的[一二三四五六七八九十]+大|[一二三四五六七八九十]+届全国人大[一二三四五六七八九十]+次会议"
                          r"|全国政协[一二三四五六七八九十]+届[一二三四五六七八九十]+次会议")
_INDUSTRY_TAIL = re.compile(r"产业|行业")
_NOUN_TAGS = {"n", "nz", "vn", "eng", "j", "nt"}
_ORG_AFTER = ("协会", "联盟", "联合", "商会", "学会", "集团", "基金", "园区", "研究", "发展")
_QUALITY_ENDS = ("性", "化", "型", "级", "良性", "细分", "新兴", "传统", "重点", "相关", "优势", "支柱", "主导", "特色")
_GENERIC_INDUSTRY = frozenset("基础 地方 成果 技术 数字 行业 构筑 前沿技术 相关 配套 传统 新兴 未来 重点 优势 主导 支柱 特色 战略性 其他 各类 上下游 实体 整个 该 本 "
                              "全 各 我国 中国 全球 国内 国际 这一 这个 两大 核心 整体 下游 上游 关联 龙头 新 老".split())


def _has_person(a: Analysis, start: int, end: int) -> bool:
    return any(m.type == "Person" and start <= m.start < end for m in a.mentions)


def _label(text: str) -> str:
    return "".join(c for c in text if c not in _QUOTES)


def _add(a: Analysis, etype: str, start: int, end: int, subtype: str | None = None,
         canonical: str | None = None) -> Mention:
    m = Mention(etype, _label(a.doc.norm[start:end]), start, end, subtype, canonical)
    a.mentions.append(m)
    return m


def _left(idx: TokenIndex, end: int, limit: int, stops=GOVERNING) -> int:
    """Left edge of a cued name; a 和 joining two verbs (防范和化解) stays inside."""
    edge = idx.left_edge(end, limit, stops=stops, allow_verbs=True, quotes=True)
    i = idx.token_ending_at(edge)
    if i is not None and i >= 1 and idx.tokens[i][0] == "和" and idx.tokens[i - 1][1] == "v" \
            and i + 1 < len(idx.tokens) and idx.tokens[i + 1][1] == "v":
        edge = idx.left_edge(idx.tokens[i][2], limit - (end - idx.tokens[i][2]), stops=stops,
                             allow_verbs=True, quotes=True)
    return edge


def _cut_at_and(text: str, start: int, end: int, cues: tuple[str, ...] = POLICY_CUES) -> int:
    """``A行动和B计划``, ``A会议和B会议``: a 和 after a complete name starts a new one; keep
    the part after it. 和 inside one name (电信和互联网服务合规指南, 工业和信息化工作会议) stays.
    """
    cut = text.rfind("和", start, end)
    return cut + 1 if cut >= 0 and text[start:cut].endswith(cues) else start


_JOINERS = "与和—－-"
_JOINED_TAGS = frozenset({"n", "nz", "ns", "vn", "nt", "j", "an", "eng", "nrt"})


def _join_left(a: Analysis, idx: TokenIndex, start: int, limit: int, stops,
               tags: frozenset[str] = _JOINED_TAGS, allow_verbs: bool = False) -> int:
    """An event name may join two nouns (韧性与稳定, 中国—东盟): extend over the joiner when
    the word before it is a plain noun, not the end of an organisation's or a person's name."""
    j = start - 1
    if j <= 0 or idx.text[j] not in _JOINERS:
        return start
    prev = idx.token_ending_at(j)
    if prev is None or idx.tokens[prev][1] not in tags \
            or any(m.end == j and m.type in ("Organization", "Person") for m in a.mentions):
        return start
    edge = idx.left_edge(j, limit, stops=stops, quotes=True, allow_verbs=allow_verbs)
    return edge if edge < j else start


def titled(a: Analysis) -> None:
    """《…》 is a policy, or a newspaper or magazine when it ends like one."""
    for m in re.finditer(r"《([^《》\n]{2,40})》", a.doc.norm):
        inner = m.group(1)
        if inner.endswith(_MEDIA_TAILS):
            _add(a, "Organization", m.start(1), m.end(1), "Media")
        else:
            _add(a, "Policy", m.start(1), m.end(1))


_QUOTED = re.compile(r"“([^“”\n]{2,30})”")
_LAUNCH = re.compile(r"(?:启动|加快|实施|开展|推进|推动|深化|组织)$")
_DOCUMENT_CUES = frozenset("计划 方案 办法 意见 指南 条例 规划 战略 行动计划 行动方案 实施方案 工作方案 指导意见 "
                           "暂行办法 管理办法 实施意见".split())
_ISSUE_BEFORE = ("实施", "印发", "出台", "制定", "研究制定", "启动", "开展", "发布", "编制", "推出")


def quoted_policies(a: Analysis) -> None:
    """“重型机械行业节能降碳行动”: a quoted name ending in a cue; 加快“宽带边疆”建设."""
    text = a.doc.norm
    for m in _QUOTED.finditer(text):
        inner = m.group(1)
        launched = _LAUNCH.search(text[max(0, m.start() - 2):m.start()]) and text.startswith("建设", m.end())
        if inner.endswith(POLICY_CUES) and len(inner) >= 4 or launched:
            _add(a, "Policy", m.start(1), m.end(1))


# Cues that name a programme by themselves: a two-character head is enough (汽车|以旧换新).
_PROGRAMME_CUES = frozenset({"以旧换新", "以旧换新政策"})


def _inside_word(idx: TokenIndex, start: int, end: int) -> bool:
    """The cue ends inside a body's name or a title (中国工程院, 工程师), not a policy's."""
    i = bisect_left(idx.starts, end) - 1
    if i < 0:
        return False
    word, _, wstart = idx.tokens[i]
    return wstart < end < wstart + len(word) and (suffix_of(word) is not None or word in lexicon.titles())


def policies(a: Analysis, idx: TokenIndex) -> None:
    text = a.doc.norm
    for cue in sorted(set(POLICY_CUES) | set(STRONG_POLICY_CUES), key=len, reverse=True):
        for m in re.finditer(re.escape(cue), text):
            quoted = text[m.start() - 1:m.start()] in "”"
            strong = any(text.endswith(c, 0, m.end()) for c in STRONG_POLICY_CUES)
            if text[m.end():m.end() + 1] in "》" or _inside_word(idx, m.start(), m.end()):
                continue  # 中国工程院: the cue is part of a longer word
            start = _left(idx, m.end(), 22)
            verb = idx.token_ending_at(m.start()) if start == m.start() else None
            if verb is not None and idx.tokens[verb][1] == "vn" and idx.tokens[verb][0] in GOVERNING:
                start = _left(idx, idx.tokens[verb][2], 18)  # 集群培育|行动: the verb is the name's own
            start = _join_left(a, idx, start, 22 - (m.end() - start), GOVERNING, _JOINED_TAGS | {"v"}, True)
            start = _name_lead(text, start, m.start(), lambda e: _left(idx, e, 12))
            closing = text.rfind("”“", start, m.start())  # “A行动”“B行动”: B starts at its own quote
            start = max(start, closing + 1)
            issued = text[:start].endswith(_ISSUE_BEFORE) and cue in _DOCUMENT_CUES  # 实施|…加速计划
            if not (quoted or strong or issued):
                continue
            if m.start() - start < (2 if quoted or cue in _PROGRAMME_CUES else 3) or text[m.start() - 1] == "性" \
                    or not re.search(r"[\u4e00-\u9fffA-Za-z0-9]", text[start:m.start()]):
                continue  # 民生工程, 头号工程, 系统性工程: a bare two-character head or a quality
            if "和" in text[start:m.start()]:
                start = _cut_at_and(text, start, m.start())
            if m.end() - start >= 4:
                _add(a, "Policy", start, m.end())
                if strong:
                    for s, e in _listed_before(text, start):  # 开展A、B、C专项行动: A专项行动 and B专项行动 too
                        _add(a, "Policy", s, e, canonical=_label(text[s:e]) + cue)


# A list of programmes sharing one cue, opened by the verb that launches them (开展A、B、C专项行动).
_LAUNCHED_LIST = re.compile(r"(?:开展|实施|启动|推进|组织|深化|部署)+((?:[\u4e00-\u9fffA-Za-z0-9“”]{4,20}、)+)$")


def _listed_before(text: str, start: int) -> list[tuple[int, int]]:
    """The items listed with a cued name and sharing its cue, when a launching verb opens the list."""
    lo = max(0, start - 200)  # a list of programmes is no longer than a few items
    clause = max(lo, max(text.rfind(c, lo, start) for c in "，。；：\n") + 1)
    m = _LAUNCHED_LIST.search(text, clause, start)
    if m is None:
        return []
    items, pos = [], m.start(1)
    for item in m.group(1).split("、")[:-1]:
        items.append((pos, pos + len(item)))
        pos += len(item) + 1
    return items


_ORDINAL_BEFORE = re.compile(r"第[一二三四五六七八九十百零\d]+届")
_YEAR_BEFORE = re.compile(r"(?<!\d)(?:19|20)\d{2}")  # 2024中国（赣州）…大会
_CJK_AT = re.compile(r"[\u4e00-\u9fff]")
_QUOTED_BEFORE = re.compile(r"“[^“”，。；]{2,16}”(?:系列)?$")
_BRACKETED_BEFORE = re.compile(r"（[\u4e00-\u9fff]{1,6}）$")


def _name_lead(text: str, start: int, cue: int, walk: Callable[[int], int]) -> int:
    """Parts of a cued name the word walk stops at: a quoted theme (“推动高质量发展”系列…,
    “一起益企”中小企业服务行动), a short bracket (中国（郑州）…博览会, 首台（套）…机制), after
    which ``walk`` goes on leftwards, and an edition or year (第二十四届…, 2025世界…大会).
    ``cue`` is where the cue word starts."""
    window = text[max(0, start - 20):start]
    opened = window.rfind("“")
    if opened > window.rfind("”") and text.find("”", start, cue) >= 0:  # the walk stopped inside the theme
        return start - len(window) + opened
    quoted = _QUOTED_BEFORE.search(window)
    bracket = _BRACKETED_BEFORE.search(window)
    if quoted:
        start -= len(quoted.group())
    elif bracket:
        inner = start - len(bracket.group())
        start = min(inner, walk(inner))
    for pattern, reach in ((_ORDINAL_BEFORE, 8), (_YEAR_BEFORE, 4)):
        m = pattern.search(text, max(0, start - reach), start)
        if m and m.end() == start and _CJK_AT.match(text, start):
            return m.start()
    return start


def events(a: Analysis, idx: TokenIndex) -> None:
    text = a.doc.norm
    for m in _EVENT_FORMS.finditer(text):
        _add(a, "Event", m.start(), m.end())
    for cue in sorted(EVENT_CUES, key=len, reverse=True):
        for m in re.finditer(re.escape(cue), text):
            stops = (GOVERNING | LEFT_STOP_WORDS) - {"工作", "创新", "建设"}  # 应用创新论坛
            # from the cue's start: jieba may cut the cue itself (年|会); verbs inside the name stay
            # (应用创新论坛), the governing ones stop it
            start = idx.left_edge(m.start(), 18 - len(cue), stops=stops, quotes=True, allow_verbs=True)
            start = _join_left(a, idx, start, 24 - (m.end() - start), stops)
            tok = idx.token_ending_at(m.end())
            if tok is None or idx.tokens[tok][2] < m.start() and idx.tokens[tok][1] == "v":
                continue
            start = max(start, after_date(text, start, m.start()))
            lead = _EVENT_LEAD.match(text, start, m.start())
            start = _name_lead(text, lead.end() if lead else start, m.start(),
                               lambda e: idx.left_edge(e, 10, stops=stops))
            start = _cut_at_and(text, start, m.start(), EVENT_CUES)
            head = text[start:m.start()]
            if head in _GENERIC_EVENT_HEADS or _EVENT_VERB_TAIL.search(head) or _has_person(a, start, m.start()):
                continue
            if len(head) < 2 or head.endswith(("次", "场", "个")) or re.fullmatch(r"[\d一二三四五六七八九十]+", head):
                continue
            full = _add(a, "Event", start, m.end())
            edition = _ORDINAL_BEFORE.match(text, start, m.start()) or _YEAR_BEFORE.match(text, start, m.start())
            series = text[start + len(edition.group()):m.start()] if edition else ""
            if len(series) >= 2 and series not in _GENERIC_EVENT_HEADS:  # 第十九届|中国—东盟…论坛: an alias
                _add(a, "Event", start + len(edition.group()), m.end(), canonical=full.text)


def industries(a: Analysis, idx: TokenIndex) -> None:
    """X产业 / X行业: X is the industry (alias X产业), unless X alone is too generic to be a name."""
    text = a.doc.norm
    known = lexicon.industries()
    for m in _INDUSTRY_TAIL.finditer(text):
        start = idx.left_edge(m.start(), 8)
        head = text[start:m.start()]
        tags = {t for _, t, _ in idx.tokens[bisect_left(idx.starts, start):bisect_left(idx.starts, m.start())]}
        if not tags <= _NOUN_TAGS or suffix_of(head) or text[m.end():m.end() + 2] in _ORG_AFTER:
            continue
        if len(head) < 2 or head in _GENERIC_INDUSTRY or head in lexicon.locations() \
                or not re.fullmatch(r"[\u4e00-\u9fffA-Za-z0-9.]+", head):
            continue
        if head in known or text[start:m.end()] in known:
            continue  # the gazetteer has it
        if any(g in head for g in ("企业", "公司", "集团")) or head.endswith(_QUALITY_ENDS):
            continue  # 先导性产业, 国际化产业, 良性产业生态: a quality, not a trade
        _add(a, "Industry", start, m.end(), canonical=head)


def parenthesised_aliases(a: Analysis) -> None:
    """X（以下简称Y） / X（Y）: Y is another name of the mention X; its later uses are mentions too."""
    text = a.doc.norm
    by_end = {m.end: m for m in a.mentions}
    for m in re.finditer(r"[（(](?:以下简称|下称|简称)?[“\"]?([^（）()“”\"\n]{1,12})[”\"]?[）)]", text):
        head = by_end.get(m.start())
        alias = m.group(1)
        if head is None or alias == head.text or not _is_abbreviation(alias, head.text):
            continue
        canonical = head.canonical or head.text
        later = re.escape(alias) if not alias.isascii() else rf"(?<![A-Za-z]){re.escape(alias)}(?![A-Za-z])"
        for occ in re.finditer(later, text):
            if occ.start() >= m.start(1):
                a.mentions.append(Mention(head.type, alias, occ.start(), occ.end(), head.subtype, canonical))


def _is_abbreviation(short: str, full: str) -> bool:
    """True when the characters of ``short`` appear in ``full`` in order (中国信通院 ⊂ 中国信息通信研究院)."""
    if short.isascii():  # an acronym, in capitals or, in text written lower case, not (美国证券交易委员会(sec))
        return short.isalpha() and (short.isupper() or short.islower()) and 2 <= len(short) <= 8
    it = iter(full)
    return all(c in it for c in short)


def cued_stage(a: Analysis) -> None:
    idx = TokenIndex(a)
    titled(a)
    quoted_policies(a)
    policies(a, idx)
    events(a, idx)
    industries(a, idx)
