"""Find where a name begins, walking left from a suffix over the jieba tokens.

Names in Chinese text have no capitals; their left edge is where the phrase stops
being name-like: punctuation, a governing verb, a particle. Tokens give the
candidate edges, the stop lists decide.
"""
from __future__ import annotations

from bisect import bisect_right

from ..model import Analysis
from .cues import LEFT_STOP_WORDS

_OPEN = set("，。；：、！？!?,;:（）()《》【】[]「」『』\n\r\t ")
_QUOTES = set("“”‘’\"'")
_NAME_TAGS_STOP = {"v", "p", "c", "u", "uj", "ul", "uz", "ug", "uv", "ud", "d", "r", "y", "e", "o", "m", "q",
                   "mq", "t", "f", "zg", "x"}
# Before a strong suffix (有限公司, 集团) a name may hold numerals, locality and adjective
# characters jieba tags as such (三|爱富新材料, 中|体产业集团); only clause words stop it.
NAME_TAGS_STOP_STRONG = frozenset({"v", "p", "c", "u", "uj", "ul", "uz", "ug", "uv", "ud", "y", "e", "o", "x"})


# Words that stand before a name without being part of it: former (原|中国书法研究院), the one
# named before (上述|中储粮), time words, and verbs whose object the name is (致电|湖南信托).
_LEAD_WORDS = frozenset({"原", "前", "上述", "前述", "该", "此前", "据悉", "日前", "近日", "致电", "来自", "走访",
                         "预期", "采访", "拜访", "联系", "反观", "相比"})
_PROPER_TAGS = ("ns", "nt", "nr", "nz", "j", "eng")


class TokenIndex:
    """Token starts and tags of one document, for boundary questions."""

    def __init__(self, a: Analysis):
        self.starts = [s for _, _, s in a.tokens]
        self.tokens = a.tokens
        self.text = a.doc.norm

    def tag_at(self, start: int) -> str:
        """jieba's tag of the token starting exactly at ``start``, or '' when none does."""
        i = bisect_right(self.starts, start) - 1
        return self.tokens[i][1] if i >= 0 and self.tokens[i][2] == start else ""

    def token_ending_at(self, end: int) -> int | None:
        """Index of the token that ends exactly at ``end``, if any."""
        i = bisect_right(self.starts, end - 1) - 1
        if i >= 0:
            word, _, start = self.tokens[i]
            if start + len(word) == end:
                return i
        return None

    def left_edge(self, end: int, limit: int, stops=LEFT_STOP_WORDS, allow_verbs: bool = False,
                  quotes: bool = False, tag_stops: frozenset[str] | set[str] = _NAME_TAGS_STOP) -> int:
        """Leftmost start of a name-like run of tokens that ends at ``end``.

        Stops at punctuation, stop words and (unless ``allow_verbs``) function-word tags;
        never goes further than ``limit`` characters.
        """
        i = self.token_ending_at(end)
        edge = end
        if i is None:  # the name ends inside a token (工程|项目 as 工程项目): count that token in
            i = bisect_right(self.starts, end - 1) - 1
        while i is not None and i >= 0:
            word, tag, start = self.tokens[i]
            if end - start > limit:
                break
            if start + len(word) > end:  # the token that straddles the right edge
                edge = start
                i -= 1
                continue
            if quotes and all(c in _QUOTES for c in word):
                i -= 1
                continue
            if any(c in _OPEN or c in _QUOTES for c in word) or word in stops \
                    or len(word) == 4 and word[:2] in stops and word[2:] in stops:  # 认真|落实 as one word
                break
            if not allow_verbs and tag in tag_stops:
                break
            edge = start
            i -= 1
        while edge < end and self.text[edge] in _QUOTES:
            edge += 1
        return edge

    def skip_lead(self, start: int, end: int) -> int:
        """Skip a word before a name that only introduces it (原|…, 上述|…, 致电|…, 图为|…) when
        a proper noun follows it."""
        if self.text.startswith("图为", start) and start + 2 < end:  # a caption: jieba reads 图|为
            return start + 2
        i = bisect_right(self.starts, start - 1)
        if i + 1 >= len(self.tokens) or self.tokens[i][2] != start:
            return start
        (word, _, _), (_, next_tag, next_start) = self.tokens[i], self.tokens[i + 1]
        if next_start < end and word in _LEAD_WORDS and next_tag.startswith(_PROPER_TAGS):
            return next_start
        return start

    def strip_head(self, start: int, end: int, stops=LEFT_STOP_WORDS) -> int:
        """Skip leading stop words and prepositions of a chunk (据…, 在…, 作为…)."""
        i = bisect_right(self.starts, start - 1)
        while i < len(self.tokens):
            word, tag, s = self.tokens[i]
            if s >= end or not (word in stops or tag in ("p", "c", "d", "u", "uj", "r")):
                return max(start, s)
            i += 1
        return end
