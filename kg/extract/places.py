"""Places the lexicon does not know: addresses, found by their suffix.

Gazetteers hold provinces and cities; streets, villages and parks come from grammar: the
name-like run before 路, 村 or 广场. (jieba's own ns dictionary was tried: too noisy.)
"""
from __future__ import annotations

import re
from bisect import bisect_right

from .. import lexicon
from ..model import Analysis, Mention
from .chunks import TokenIndex
from .cues import VENUE_CENTRES
from .segment import tagger

# Address heads: the run before one of these is the place's own name (文汇路, 子君村).
PLACE_SUFFIXES = ("大街", "大道", "胡同", "小区", "公园", "广场", "大厦", "码头", "机场", "体育场", "体育馆", "球场",
                  "球馆", "路", "街", "巷", "村", "镇", "乡", "县", "区", "旗")
# Venues: a common word before one names it only after a proper name (上海|世纪|广场, 清华|灯光|球场)
# or an organisation's name (华中科技大学|体育馆); alone (世纪广场, 城市公园) it describes.
_VENUES = frozenset({"公园", "广场", "大厦", "体育场", "体育馆", "球场", "球馆"})
# Suffixes that also end common words (合作区, 城市): a place only when jieba keeps X区 as one word.
_WORD_SUFFIXES = ("区", "旗")
_SUFFIX = re.compile("|".join(PLACE_SUFFIXES))
_CJK = re.compile(r"^[\u4e00-\u9fff]+$")
# Tags jieba gives a district's or county's own word (it reads some, 章贡区, as a person's name).
_LEVEL_WORD_TAGS = {"区": ("ns", "nr", "nz"), "县": ("ns", "nr", "nz"), "旗": ("ns", "nr", "nz")}


# One step of an address after a place (湖北省|赤壁市, 蕲春县|漕河镇|芝麻山): a short name and its level.
_STEP = re.compile(r"[\u4e00-\u9fff]{1,6}?(?:省|市|区|县|旗|镇|乡|村|街道|大街|大道|路|街|巷|小区)"
                   r"|(?:[东南西北中]{1,2}部)?地区|[东南西北中]{1,2}部")
_STREETS = ("大街", "大道", "路", "街", "巷")
_HOUSE_NUMBER = re.compile(r"\d{1,5}号(?:楼|院)?")
_LEVELS = frozenset("省 市 区 县 旗 镇 乡 村 街道 大街 大道 路 街 巷 小区 地区".split())
_NAME_TAGS = frozenset({"ns", "nr", "nrt", "nz", "j"})
# A bearing and a verb of bordering before a street (南邻|广福路, 西靠|新昆洛路, 北至|纬五路).
_BEARING = re.compile(r"^[东南西北][邻靠至临接抵近]$")
_HEAD_TAGS = frozenset({"n", "a", "nz", "ns", "nr", "j", "nrt"})


def _name_start(idx: TokenIndex, end: int, limit: int) -> int:
    """Leftmost start of a run of name tokens ending at ``end``: proper names, words jieba does
    not know, level words (海城|唐王|山后|村), never common words (年度|顺义区, 全程|长安街)."""
    words = tagger().word_tag_tab
    i = idx.token_ending_at(end)
    start = end
    while i is not None and i >= 0:
        word, tag, s = idx.tokens[i]
        if end - s > limit or not _CJK.match(word) or _BEARING.match(word) \
                or not (tag in _NAME_TAGS or word not in words or word in _LEVELS or word.endswith("部")):
            break
        start = s
        i -= 1
    return start


def _address_end(a: Analysis, idx: TokenIndex, end: int, starts: dict[int, Mention]) -> int:
    """Where an address that has a place ending at ``end`` ends: over adjacent places and steps."""
    while True:
        if end in starts and (starts[end].canonical or starts[end].text) not in lexicon.countries():
            end = starts[end].end  # 上海市|浦东新区; never down into a country (伦敦|伊朗, 浦东新区|中国)
            continue
        if a.doc.norm.endswith(_STREETS, 0, end) and (number := _HOUSE_NUMBER.match(a.doc.norm, end)):
            return number.end()  # 王府井大街|218号: the house number ends the address
        m = _STEP.match(a.doc.norm, end)
        if not m or _name_start(idx, m.end(), m.end() - end) > end \
                or m.group()[-1] in "市区县" and len(m.group()) < 3:  # 北美|上市
            return end
        end = m.end()


def addresses(a: Analysis) -> None:
    """Chain a place and what follows it into one address (江苏省苏州, 辽宁省海城唐王山后村):
    an address is named as fully as the text gives it, its parts are not mentions of their own."""
    idx = TokenIndex(a)
    places = sorted((m for m in a.mentions if m.type == "Location"), key=lambda m: (m.start, -m.end))
    starts = {m.start: m for m in places}
    chains: list[tuple[int, int]] = []
    for m in places:
        if chains and m.start < chains[-1][1]:
            continue
        end = _address_end(a, idx, m.end, starts)
        if end > m.end:
            chains.append((m.start, end))
    if not chains:
        return
    chain_starts = [s for s, _ in chains]  # chains are sorted and do not overlap

    def in_chain(m: Mention) -> bool:
        i = bisect_right(chain_starts, m.start) - 1
        return i >= 0 and m.end <= chains[i][1]
    inside = {id(m) for m in places if in_chain(m)}
    a.mentions = [m for m in a.mentions if id(m) not in inside]
    a.mentions.extend(Mention("Location", a.doc.norm[s:e], s, e) for s, e in chains)


_PERSON_TAGS = frozenset({"nr", "nrt", "nrfg"})


def drop_places_in_person_words(a: Analysis, idx: TokenIndex) -> None:
    """A known place inside a word jieba reads as a person's name (尼斯 in 丹尼斯, 德里 in 德里克,
    雅典 in 雅典娜) is a piece of that name, not a place."""
    def in_name_word(m: Mention) -> bool:
        i = bisect_right(idx.starts, m.start) - 1
        if i < 0:
            return False
        word, tag, start = idx.tokens[i]
        return tag in _PERSON_TAGS and m.end <= start + len(word) and len(word) > m.end - m.start
    a.mentions = [m for m in a.mentions if m.type != "Location" or not in_name_word(m)]


def places_stage(a: Analysis) -> None:
    idx, text, tags = TokenIndex(a), a.doc.norm, tagger().word_tag_tab
    drop_places_in_person_words(a, idx)
    for m in _SUFFIX.finditer(text):
        end = m.end()
        i = idx.token_ending_at(end)
        if i is None:  # 路|线, 村|民: the suffix is inside a word
            continue
        last = idx.tokens[i][0]
        if last != m.group() and tags.get(last, "ns") not in _LEVEL_WORD_TAGS.get(m.group(), ("ns",)):
            continue  # 思路, 道路, 城镇: common words; 章贡区 (jieba: a person) is a district
        if m.group() in _WORD_SUFFIXES and last == m.group() \
                and not (i > 0 and idx.tokens[i - 1][1] == "ns" and len(idx.tokens[i - 1][0]) == 2):
            continue  # 合作|区 is no place; 南康|区 is
        start = _name_start(idx, end - len(last) if last == m.group() else end, 10)
        if last in _VENUES and start == end - len(last) and i > 0:
            word, tag, prev = idx.tokens[i - 1]
            if tag == "nt":
                start = prev
            elif tag in _HEAD_TAGS and _name_start(idx, prev, 10 - len(word)) < prev:
                start = _name_start(idx, prev, 10 - len(word))
        elif last == m.group() and start == end - len(last) and i > 0 and idx.tokens[i - 1][1] in _HEAD_TAGS \
                and tags.get(text[end - 2:end], "ns") == "ns":  # 产业链|路 is 产业|链路
            start = _name_start(idx, idx.tokens[i - 1][2], 10 - len(idx.tokens[i - 1][0]))
            start = min(start, idx.tokens[i - 1][2])  # 文汇|路, 幸福|街: a common word names the street
        name = text[start:end]
        if len(name) >= 3 and _CJK.match(name) and "的" not in name \
                and tags.get(name, "ns") in _LEVEL_WORD_TAGS.get(m.group(), ("ns",)):
            a.mentions.append(Mention("Location", name, start, end))
    zones(a, idx)
    venues(a, idx)
    addresses(a)


_VENUE_CENTRE = re.compile("|".join(VENUE_CENTRES))
_VENUE_NAME_TAGS = frozenset({"nr", "nrt", "nz", "nt", "j", "eng"})
_NOT_IN_VENUE_NAMES = frozenset({"v", "vn", "p", "c", "u", "uj", "ul", "d", "r", "m", "q", "x"})


def venues(a: Analysis, idx: TokenIndex) -> None:
    """Venue centres are places named by the run of words before them that opens with a proper
    name (洛杉矶|会展中心, 香港旺角|电脑中心); a described one (大型购物中心, 城市商务中心) is none."""
    place_starts = {m.start for m in a.mentions if m.type == "Location"}
    for m in _VENUE_CENTRE.finditer(a.doc.norm):
        start = idx.left_edge(m.start(), 10, tag_stops=_NOT_IN_VENUE_NAMES)
        i = bisect_right(idx.starts, start) - 1
        opens_with_name = start in place_starts or i >= 0 and idx.tokens[i][2] == start \
            and idx.tokens[i][1] in _VENUE_NAME_TAGS  # jieba tags 城市 ns: a known place, not ns, counts
        if m.start() - start >= 2 and opens_with_name:
            a.mentions.append(Mention("Location", a.doc.norm[start:m.end()], start, m.end()))


_ZONE = re.compile(r"(?:经济技术|高新技术产业|高新技术|经济)开发区|高新区|经开区|自贸区|综合保税区")


def zones(a: Analysis, idx: TokenIndex) -> None:
    """Development zones are places named after their town (赣州|经济技术开发区, 龙南|经开区)."""
    for m in _ZONE.finditer(a.doc.norm):
        start = _name_start(idx, m.start(), 6)
        if m.start() - start >= 2:
            a.mentions.append(Mention("Location", a.doc.norm[start:m.end()], start, m.end()))
