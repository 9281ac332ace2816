"""Text-level stages: normalisation, the document's own year, sentence boundaries."""
from __future__ import annotations

import re
from collections import Counter

from ..model import Analysis
from ..normalize import normalize, page_headers

_YEAR = re.compile(r"((?:19|20)\d{2})年")
_DATELINE = re.compile(r"((?:19|20)\d{2})年(?:1[0-2]|0?[1-9])月(?:[12]\d|3[01]|0?[1-9])日(?!起|前|之前|以前|开始|至|到|—|-)")
_PLAN_AFTER = re.compile(r"((?:19|20)\d{2})年(?:还将|将|要|重点|工作)")
_PLAN_BEFORE = re.compile(r"(?:部署|力争到|力争|到)((?:19|20)\d{2})年")
_SENTENCE = re.compile(r"[^。！？!?；;\n]*(?:[。！？!?；;]+[”」』]?|\n|$)")


def normalize_stage(a: Analysis) -> None:
    a.doc.norm, a.doc.offsets = normalize(a.doc.text)


def document_year(text: str, printed: int | None = None) -> int | None:
    """The year the document speaks from, for 今年/去年.

    A full date in the text (a dateline, the day of the meeting) gives it, unless it is a
    deadline or a start (2025年1月1日起施行); else the date ``printed`` in a page header. Otherwise the most-cited year, moved forward to a later year the text plans for
    (部署2023年…, 2024年还将…), or one past it when the text looks back on it (过去一年).
    """
    dateline = _DATELINE.search(text)
    if dateline:
        return int(dateline.group(1))
    if printed:
        return printed
    years = Counter(int(y) for y in _YEAR.findall(text))
    if not years:
        return None
    base = max(years, key=lambda y: (years[y], y))
    planned = [int(y) for y in _PLAN_AFTER.findall(text) + _PLAN_BEFORE.findall(text)]
    later = [y for y in planned if y > base]
    if later:
        return min(later)
    if ("过去一年" in text or "去年" in text) and max(years) == base and base not in planned:
        return base + 1
    return base


def date_stage(a: Analysis) -> None:
    headers = page_headers(a.doc.text)  # cut out of the text by normalisation, but they date it
    a.doc.year = document_year(a.doc.norm, int(headers[0].group("year")) if headers else None)


def sentence_stage(a: Analysis) -> None:
    text = a.doc.norm
    a.sentences = [(m.start(), m.end()) for m in _SENTENCE.finditer(text) if text[m.start():m.end()].strip()]
