"""Undo PDF-column damage while keeping a map back to the original offsets.

Real input breaks words across column lines (``专\\n\\n精特新``), spaces letters out
(``西 井 科 技``), uses full-width digits (``２０２３``) and pads numbers (``2023 年``).
Extraction reads the repaired text; every character of it remembers where it came from.
Only deletions and one-to-one replacements are made, so the map is a plain list.
"""
from __future__ import annotations

import re
import statistics

from . import lexicon
from .extract.cues import SPEECH_VERBS
from .extract.people import title_ending_at
from .extract.segment import tagger

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_SENTENCE_END = set("。！？!?；;：:…”」』）)")
_UNIT_STARTS = set("元辆个家户台项件套座名人次艘架吨千瓦亩颗份枚倍")  # a unit's first character
_WIDE = {0x3000: " ", 0xFEFF: " ", 0xFF05: "%", 0xFF0E: "."}


def _narrow(ch: str) -> str:
    """Full-width digits and Latin letters (and ％ ． and the ideographic space) to ASCII."""
    cp = ord(ch)
    if 0xFF10 <= cp <= 0xFF19 or 0xFF21 <= cp <= 0xFF3A or 0xFF41 <= cp <= 0xFF5A:
        return chr(cp - 0xFEE0)
    return _WIDE.get(cp, ch)


def _is_cjk(ch: str) -> bool:
    return bool(_CJK.match(ch))


def _is_wide_punct(ch: str) -> bool:
    return "\u3001" <= ch <= "\u303f" or "\uff01" <= ch <= "\uff0f" or ch in "“”‘’…—"


def _joins_words(ch: str) -> bool:
    """Characters across which a stray space or line break is an artefact."""
    return _is_cjk(ch) or _is_wide_punct(ch) or (ch.isascii() and ch.isalnum()) or ch in "%."


def is_column_text(text: str) -> bool:
    """True when lines are short and mostly end mid-sentence (text cut out of PDF columns)."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    if len(lines) < 8:
        return False
    open_ended = sum(1 for ln in lines if ln[-1] not in _SENTENCE_END)
    return statistics.median(len(ln) for ln in lines) <= 30 and open_ended / len(lines) > 0.5


def _line_lengths(text: str) -> list[int]:
    """Per character, the stripped length of the line it stands on."""
    out: list[int] = []
    for line in text.split("\n"):
        out += [len(line.strip())] * (len(line) + 1)
    return out


_HEADING = re.compile(r"[\u4e00-\u9fff]{2,12} [\u4e00-\u9fff]{2,12}")


def _heading(chars: list[str], i: int) -> bool:
    """A line of two phrases split by one space and no punctuation (稳中有进 工业经济韧性凸显)
    is a section heading: it ends there, however wide it is."""
    line = "".join(chars[max(0, i - 40):i]).rpartition("\n")[2].strip()
    return bool(_HEADING.fullmatch(line))


def _kept_line(chars: list[str], keep: list[bool], i: int) -> str:
    """The text of the line ending at ``i`` as repaired so far: breaks already joined are gone."""
    out: list[str] = []
    k = i - 1
    while k >= 0 and len(out) < 40:
        if keep[k]:
            if chars[k] == "\n":
                break
            out.append(chars[k])
        k -= 1
    return "".join(reversed(out)).strip()


_FIELD_LINE = re.compile(r"[：:/■●]|^(?:本报|记者|来源|作者|编辑|通讯员|责任编辑)")  # 来源：人民日报, 文/张伟


def _word_across(chars: list[str], keep: list[bool], i: int, j: int) -> bool:
    """The segmenter reads a word across the break chars[i:j] (股份有|限公司, 规划研|究所, 机|电|工程):
    the line was cut inside it, however short it is. A byline or source line (来源：人民日报,
    文/张伟) is complete: what follows it starts afresh."""
    line = _kept_line(chars, keep, i)
    left, right = line[-6:], "".join(chars[j:j + 6]).partition("\n")[0]
    if not (left and right and _is_cjk(left[-1]) and _is_cjk(right[0])) or _FIELD_LINE.search(line):
        return False
    pos = 0
    for word in tagger().tokenizer.cut(left + right, HMM=False):
        if pos < len(left) < pos + len(word):
            return True
        pos += len(word)
    return False


_TWO_PHRASES = re.compile(r"[\u4e00-\u9fff]{4,12} [\u4e00-\u9fff]{4,12}")  # not a byline (本报记者 宋婧)


def _heading_gap(chars: list[str], i: int, j: int) -> bool:
    """The space between a heading's two phrases (创新驱动 产业链加速攀升) parts them: joined, they
    would read as one phrase (驱动产业)."""
    before = "".join(chars[max(0, i - 13):i]).rpartition("\n")[2]
    after = "".join(chars[j:j + 13]).partition("\n")[0]
    return bool(_TWO_PHRASES.fullmatch(before + " " + after))


def _name_across(chars: list[str], i: int, j: int) -> bool:
    """A title and a name cut after its second character (秘书长郑怀|远认为): the next line opens
    with one character and a speech verb or a comma."""
    left = "".join(chars[max(0, i - 12):i]).rpartition("\n")[2]
    right = "".join(chars[j:j + 6]).partition("\n")[0]
    if len(left) < 4 or len(right) < 2 or not all(_is_cjk(c) for c in left[-2:]) or left[-2] not in lexicon.surnames():
        return False
    return title_ending_at(left, len(left) - 2) is not None and _is_cjk(right[0]) and (right[1] in "，,、：:" or right.startswith(SPEECH_VERBS, 1))


def _inside_title(chars: list[str], i: int) -> bool:
    """A break inside an open 《…》 on its line cuts the title (《制造业数字化转型三年行动|计划》)."""
    line = "".join(chars[max(0, i - 40):i]).rpartition("\n")[2]
    return line.rfind("《") > line.rfind("》")


# A page header or footer line of a newspaper PDF: its date, weekday and page (2024年11月5日 星期二 第4版).
_PAGE_HEADER = re.compile(r"^[ \t\u3000]*(?P<year>(?:19|20)\d{2})[ \t\u3000]*年[ \t\u3000]*\d{1,2}[ \t\u3000]*月[ \t\u3000]*"
                          r"\d{1,2}[ \t\u3000]*日[ \t\u3000]*(?:星期[一二三四五六日天])?[ \t\u3000]*第[ \t\u3000]*\d{1,2}"
                          r"[ \t\u3000]*版[^\n]{0,12}\n*", re.M)


# A "continued from/on page N" marker in a newspaper PDF (上接第1版, （下转第4版）), with its line end.
_PAGE_MARKER = re.compile(r"[（(]?(?:上接|下转|接|转)第[ \t\u3000]*[0-9０-９一二三四五六七八九十]{1,3}[ \t\u3000]*版[）)]?[ \t\u3000]*\n*")


def page_headers(text: str) -> list[re.Match]:
    """Page header lines in text cut from PDF columns (with the blank lines after them); the
    matches run over the text with full-width digits narrowed, so offsets are the text's."""
    narrowed = "".join(_narrow(c) for c in text)
    return list(_PAGE_HEADER.finditer(narrowed)) if is_column_text(text) else []


def normalize(text: str) -> tuple[str, list[int]]:
    """Return the repaired text and, per character, its offset in ``text`` (plus a sentinel)."""
    chars = [_narrow(c) for c in text]
    columns = is_column_text(text)
    if columns:
        widths = _line_lengths(text)
        full = 0.75 * statistics.median(w for w in widths if w)
    keep = [True] * len(chars)
    if columns:
        for m in page_headers(text) + list(_PAGE_MARKER.finditer(text)):  # page furniture, not the article
            keep[m.start():m.end()] = [False] * (m.end() - m.start())
    i, n = 0, len(chars)
    while i < n:
        if not chars[i].isspace():
            i += 1
            continue
        j = i
        while j < n and (chars[j].isspace() or not keep[j]):  # past page furniture cut out
            j += 1
        prev = chars[i - 1] if i > 0 else ""
        nxt = chars[j] if j < n else ""
        gap = "".join(chars[i:j])
        if prev and nxt and _joins_words(prev) and _joins_words(nxt):
            line_break = "\n" in gap
            if not line_break and any(_is_cjk(c) or _is_wide_punct(c) for c in (prev, nxt)) \
                    and not (columns and _heading_gap(chars, i, j)):
                keep[i:j] = [False] * (j - i)
            elif line_break and columns and not _heading(chars, i) and (prev not in _SENTENCE_END
                                             and (widths[i - 1] >= full or widths[i - 1] <= 2 or _word_across(chars, keep, i, j)
                                                  or _name_across(chars, i, j))
                                             or prev.isdigit() and (nxt.isdigit() or nxt in "%.")
                                             or prev == "." and nxt.isdigit() and i > 1 and chars[i - 2].isdigit()
                                             or (prev.isdigit() or prev in "万亿") and nxt in _UNIT_STARTS
                                             or _inside_title(chars, i)):
                keep[i:j] = [False] * (j - i)  # a word or a number cut by the column (3|5.8%, 33万亿|元)
        i = j
    out, offsets = [], []
    for k, c in enumerate(chars):
        if keep[k]:
            out.append(c)
            offsets.append(k)
    offsets.append(len(text))
    return "".join(out), offsets
