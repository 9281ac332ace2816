"""Places the lexicon does not know: addresses, found by their suffix.

Gazetteers hold provinces and cities; streets, villages and parks come from grammar: the
name-like run before 路, 村 or 广场. (jieba's own ns dictionary was tried: too noisy.)
"""
from __future__ import annotations

import re

from ..model import Analysis, Mention
from .chunks import TokenIndex
from .segment import tagger

# Address heads: the run before one of these is the place's own name (文汇路, 子君村).
PLACE_SUFFIXES = ("大街", "大道", "胡同", "小区", "公园", "广场", "大厦", "码头", "机场", "路", "街", "巷",
                  "村", "镇", "乡", "县")
_SUFFIX = re.compile("|".join(PLACE_SUFFIXES))
_CJK = re.compile(r"^[\u4e00-\u9fff]+$")


def places_stage(a: Analysis) -> None:
    idx, text, tags = TokenIndex(a), a.doc.norm, tagger().word_tag_tab
    for m in _SUFFIX.finditer(text):
        end = m.end()
        i = idx.token_ending_at(end)
        if i is None:  # 路|线, 村|民: the suffix is inside a word
            continue
        last = idx.tokens[i][0]
        if last != m.group() and tags.get(last, "ns") != "ns":  # 思路, 道路, 城镇: common words
            continue
        start = idx.left_edge(end, 10)
        name = text[start:end]
        if len(name) >= 3 and _CJK.match(name) and "的" not in name and tags.get(name, "ns") == "ns":
            a.mentions.append(Mention("Location", name, start, end))
