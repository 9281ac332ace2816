"""Sports teams and leagues, found by match grammar rather than by a list of clubs.

Club names are mostly transliterated cities (桑德兰, 博洛尼亚) or short forms (曼联); what
marks them is the match around them: ``A vs B``, ``A队``, ``击败A``, ``A主场``. Leagues are a
country's one-character abbreviation with a division (意甲, 英超).
"""
from __future__ import annotations

import re
from bisect import bisect_left

from .. import lexicon
from ..model import Analysis, Mention
from .chunks import TokenIndex
from .cues import TRANSLIT
from .tagged import is_policy_prose

_TR = "".join(sorted(TRANSLIT))
_TEAM = re.compile(r"([\u4e00-\u9fff]{2,6})队")
# A transliterated run right before a home/away word, or right after a verb of playing a match.
_BEFORE_MATCH = re.compile(rf"([{_TR}]{{2,8}})(?=主场|客场|客战|做客|主队|客队)")
_AFTER_MATCH = re.compile(rf"(?:击败|战胜|负于|不敌|迎战|客战|做客|对阵|逼平|战平|输给|赢了)([{_TR}]{{2,8}})")
_VERSUS = re.compile(r"[vV][sS]")
_SIDE = r"[\u4e00-\u9fffA-Za-z]"
# Words that follow a fixture line (维拉vs曼联从目前…, 切尔西vs阿森纳推介：3) and end the right side.
_FIXTURE_TAIL = re.compile(r"推荐|推介|从|两队|一战|一场|比赛|前瞻|赔率|的|主场|客场|做客|首回合|[，。：:、\d（(]")
# Country abbreviations that name a league with a division (意甲, 英超, 德甲联赛).
_LEAGUE = re.compile(r"[英意西德法荷葡俄苏中日韩][甲乙超](?:联赛)?")


def _add(a: Analysis, start: int, end: int) -> None:
    a.mentions.append(Mention("Organization", a.doc.norm[start:end], start, end, "Other"))


def teams(a: Analysis) -> None:
    """Foreign clubs named by their city and 队 (斯托克城队, 纽卡斯尔队): a transliterated name."""
    text = a.doc.norm
    for m in _TEAM.finditer(text):
        name = m.group(1)
        k = len(name)
        while k > 0 and (name[k - 1] in TRANSLIT or name[k - 1] == "城" and k == len(name)):
            k -= 1
        if len(name) - k >= 2:
            _add(a, m.start(1) + k, m.end())


def matches(a: Analysis) -> None:
    """Transliterated clubs next to a match word: 桑德兰主场, 击败博尔顿."""
    for pattern in (_BEFORE_MATCH, _AFTER_MATCH):
        for m in pattern.finditer(a.doc.norm):
            _add(a, m.start(1), m.end(1))


# Verbs of a result whose object is the other side (轻取冰岛, 2比1战胜曼联).
_RESULT_VERBS = ("击败", "战胜", "负于", "不敌", "迎战", "对阵", "逼平", "战平", "输给", "轻取", "力克", "完胜",
                 "憾负", "惨败给", "淘汰", "横扫", "绝杀")
_HOME_AWAY = ("主场", "客场", "客战", "做客")
_BEFORE_SIDE_TAGS = frozenset({"p", "c", "v", "d", "uj", "m", "x", "r"})
_SIDE_END = frozenset("，。；、！？,;!? \n的后")


def _side_starts(idx: TokenIndex, start: int) -> bool:
    """Nothing name-like runs into ``start``: the text opens there or a function word ends there."""
    i = idx.token_ending_at(start)
    return start == 0 or i is not None and idx.tokens[i][1] in _BEFORE_SIDE_TAGS


def places_as_teams(a: Analysis, idx: TokenIndex) -> None:
    """A known place that is a whole side of a match, right after a result verb or right before a
    home/away word, names that place's team (以2比0轻取冰岛, 罗马主场); a place that only starts or
    ends a club's name (击败巴黎|圣日耳曼, 拜仁|慕尼黑客场) does not."""
    text = a.doc.norm
    for m in [m for m in a.mentions if m.type == "Location"]:
        if text.endswith(_RESULT_VERBS, 0, m.start) and text[m.end:m.end + 1] in _SIDE_END \
                or text.startswith(_HOME_AWAY, m.end) and _side_starts(idx, m.start):
            _add(a, m.start, m.end)


def fixtures(a: Analysis, idx: TokenIndex) -> None:
    """``A vs B``: both sides are teams. The left side starts at a token edge after the last
    punctuation; the right side ends before the words that comment on the fixture."""
    text = a.doc.norm
    for m in _VERSUS.finditer(text):
        left = m.start()
        while left > 0 and re.match(_SIDE, text[left - 1]) and m.start() - left < 8:
            left -= 1
        left = max(left, idx.left_edge(m.start(), 8, tag_stops=frozenset({"p", "c", "v", "d", "uj"})))
        right = m.end()
        while right < len(text) and re.match(_SIDE, text[right]) and right - m.end() < 8:
            right += 1
        tail = _FIXTURE_TAIL.search(text, m.end(), right)
        right = tail.start() if tail else right
        for start, end in ((left, m.start()), (m.end(), right)):
            if end - start >= 2 and not text[start:end].isascii():
                _add(a, start, end)


def leagues(a: Analysis, idx: TokenIndex) -> None:
    """意甲, 英超联赛: a league when it is a word of its own (not 其中|超过)."""
    text = a.doc.norm
    for m in _LEAGUE.finditer(text):
        if m.start() > 0 and idx.token_ending_at(m.start()) is None:
            continue
        if m.group().endswith("联赛"):
            _add(a, m.start(), m.end())
            _add(a, m.start(), m.start() + 2)
        elif idx.token_ending_at(m.end()) is not None:
            _add(a, m.start(), m.end())


def sports_stage(a: Analysis) -> None:
    idx = TokenIndex(a)
    teams(a)
    matches(a)
    places_as_teams(a, idx)
    fixtures(a, idx)
    leagues(a, idx)


# Words of match reports and betting tips; outside policy prose (推动职业联赛改革), a sentence with
# one of them as a word of its own (not 精英|超市) is about a match.
_MATCH_WORDS = frozenset({"联赛", "主场", "客场", "赛季", "本赛季", "球队", "进球", "射手", "转会", "让球", "平局",
                          "升班马", "保级", "足彩", "客胜", "主胜", "战平", "逼平", "欧冠", "联盟杯", "英超", "意甲",
                          "西甲", "德甲", "法甲", "首回合", "次回合", "盘口", "赔率"})
_CHINESE_LEVELS = ("省", "市", "自治区", "特别行政区", "区", "县", "州", "盟", "镇", "乡", "村")
# Venues and natural features are where a match is played, never a side (斯坦福桥球场, 西西里岛, 欧洲).
_NO_TEAM_ENDINGS = ("场", "馆", "园", "中心", "岛", "洲", "湾", "海", "湖", "山", "河", "江")
_NOT_A_SIDE_AFTER = ("杯", "队", "球队", "城", "联", "人", "赛", "站", "的", "市", "省")
_NOT_A_SIDE_BEFORE = ("在", "到", "赴", "于", "去", "来自")  # 到希腊打客场, 在葡萄牙赢球: the place itself
_NAME_TAGS = ("nr", "ns", "nz", "nt")


def _foreign_place(m: Mention) -> bool:
    """A place outside China, named without an administrative level: a club's usual name."""
    name = m.canonical or lexicon.locations().get(m.text, m.text)
    return name != "中国" and not name.endswith(_CHINESE_LEVELS + _NO_TEAM_ENDINGS) \
        and not m.text.endswith(_CHINESE_LEVELS + _NO_TEAM_ENDINGS)


def sides_stage(a: Analysis) -> None:
    """In a sentence about a match, a foreign place standing alone names its team (热那亚意大利杯
    取胜, 联赛里米兰客场不败); a place inside a longer name or before 杯/队 (意大利杯) does not."""
    if is_policy_prose(a):
        return
    text = a.doc.norm
    idx = TokenIndex(a)
    sporty = {(lo, hi) for lo, hi in a.sentences
              if any(w in _MATCH_WORDS for w, _, _ in idx.tokens[bisect_left(idx.starts, lo):bisect_left(idx.starts, hi)])}
    if not sporty:
        return
    places = {m.start for m in a.mentions if m.type == "Location"}
    for i, m in enumerate(a.mentions):
        if m.type != "Location" or not _foreign_place(m) or text.startswith(_NOT_A_SIDE_AFTER, m.end) \
                or text.endswith(_NOT_A_SIDE_BEFORE, 0, m.start) \
                or a.sentence_of(m.start) not in sporty or not _side_starts(idx, m.start):
            continue
        k = bisect_left(idx.starts, m.end)
        if k < len(idx.tokens) and idx.tokens[k][2] == m.end and idx.tokens[k][1].startswith(_NAME_TAGS) \
                and m.end not in places:  # 巴黎|圣日耳曼: the place starts a club's longer name
            continue
        a.mentions[i] = Mention("Organization", m.text, m.start, m.end, "Other")
