"""Which of the statistical tagger's names the pipeline may keep.

The model reads characters; in policy prose it marks clauses (加快信息技术（IT), half words
(深化产), industries (物联网) and common nouns (技术水平) as names. A name worth adding starts
and ends where words do, is no clause (no verb or adverb leading it, no particle inside), is no
industry or title, is no person or place made of common words, is no sight (塞班岛, 卡尔纳克神庙),
and is confident enough for its type. Bodies may be common nouns to jieba (人民网, 日军), and names
hold dots and numerals.
"""
from __future__ import annotations

from .. import lexicon
from .cues import SIGHT_ENDINGS, VILLAGE
from .organizations import plausible_org
from .segment import frequency
from .tagger_features import Token

MIN_CONFIDENCE = 0.5  # the least per-character probability of a name's labels (per-type values gained nothing)
MIN_LATIN_ORG = 0.9  # a Latin-script word is more often a game or a film than a body
# From here the model outweighs jieba: an unknown name's words are often cut wrong (中|彩中心, 立博|…)
# and its first character tagged as a function word (莫|陆军, 彼|詹普, 于|海).
SURE = 0.95
_PROPER = ("nr", "ns", "nt", "nz", "eng")  # jieba's tags of names and foreign words
_CLAUSE_START = frozenset({"v", "vg", "c", "d", "p", "m", "r", "f", "u", "q", "ad", "uj", "ul", "zg"})
# Function words inside a span make it a clause; punctuation and numerals do not (哈莉·贝丽, WCG2011).
_CLAUSE_INSIDE = frozenset({"c", "d", "p", "r", "u", "uj", "ul"})
_KNOWN = 200  # jieba frequency from which its tag of a word outweighs the model's type
_OTHER_KIND_TAG = {"P": "ns", "L": "nr"}
_COMMON = 300  # jieba frequency from which a word of no name tag is a common word, not a name
_BODY_ENDS = frozenset("军网社局部委会行院所司厅署办")  # last characters of bodies' common-noun names
_FORMS_OF_ADDRESS = ("先生", "女士", "小姐", "总", "老师", "博士", "阿姨", "太太")
_INSIDE_NAME = frozenset("·•-")  # the only non-word characters a name may hold


def _words_in(words: list[Token], start: int, end: int) -> list[Token] | None:
    """The words making up [start, end), or None when an edge cuts a word."""
    inside = [w for w in words if w[2] < end and w[2] + len(w[0]) > start]
    if not inside or inside[0][2] != start or inside[-1][2] + len(inside[-1][0]) != end:
        return None
    return inside


def _common(word: str, tag: str) -> bool:
    return not tag.startswith(_PROPER) and frequency(word) >= _COMMON


def plausible(text: str, words: list[Token], start: int, end: int, kind: str, conf: float) -> bool:
    """Whether the span [start, end) of ``text``, tagged ``kind`` with ``conf``, may be kept."""
    name = text[start:end]
    if conf < MIN_CONFIDENCE or len(name) < 2:
        return False
    if kind == "O" and name.isascii() and conf < MIN_LATIN_ORG:
        return False
    if any(not (ch.isalnum() or ch in _INSIDE_NAME) for ch in name):
        return False
    inside = _words_in(words, start, end)
    if inside is None:
        if conf < SURE:
            return False
        inside = [w for w in words if w[2] < end and w[2] + len(w[0]) > start]
    tags = [t for _, t, _ in inside]
    if conf < SURE and len(inside) > 1 and (tags[0] in _CLAUSE_START or any(t in _CLAUSE_INSIDE for t in tags[1:])):
        return False
    if len(inside) == 1 and frequency(name) >= _KNOWN and tags[0].startswith(_OTHER_KIND_TAG.get(kind, "-")):
        return False  # a word jieba knows as another kind of name (玉米|nr as a place, 尼罗河|ns as a person)
    if all(_common(w, t) for w, t, _ in inside) and not (kind == "O" and name[-1] in _BODY_ENDS):
        return False  # 技术水平; but bodies are often common nouns to jieba (日军, 人民网, 新华社)
    if name in lexicon.industries() or name in lexicon.titles() or name in lexicon.roles():
        return False
    if kind == "P":
        return not name.endswith(_FORMS_OF_ADDRESS) and not VILLAGE.search(name)
    if kind == "O":
        return plausible_org(name)
    return not name.endswith(SIGHT_ENDINGS)
