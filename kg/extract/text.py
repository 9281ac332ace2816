"""Text-level stages: normalisation, the document's own year, sentence boundaries."""
from __future__ import annotations

import re
from collections import Counter

from ..model import Analysis
from ..normalize import normalize, page_headers

_YEAR = re.compile(r"((?:19|20)\d{2})年")
# A dateline: a full date opening a paragraph and followed by a comma (2024年10月18日，国新办举行…),
# or a release line's date (发布时间：2024年12月12日　来源：…).
_DATELINE = re.compile(r"^[ \t\u3000]*(?:(?:发布|发稿|更新)?(?:时间|日期)[：:][ \t\u3000]*(?P<labelled>(?:19|20)\d{2})年"
                       r"|(?P<year>(?:19|20)\d{2})年(?=(?:1[0-2]|0?[1-9])月(?:[12]\d|3[01]|0?[1-9])日[，,]))", re.M)
_PLAN_AFTER = re.compile(r"((?:19|20)\d{2})年(?:还将|将|要|重点|工作)")
_PLAN_BEFORE = re.compile(r"(?:部署|力争到|力争|到)((?:19|20)\d{2})年")
_SENTENCE = re.compile(r"[^。！？!?；;\n]*(?:[。！？!?；;]+[”」』]?|\n|$)")


def normalize_stage(a: Analysis) -> None:
    a.doc.norm, a.doc.offsets = normalize(a.doc.text)


def document_year(text: str, printed: int | None = None) -> int | None:
    """The year the document speaks from, for 今年/去年.

    A dateline (a paragraph opening with a full date and a comma: 2024年1月18日，…召开) gives it;
    a date inside the text (2015年5月8日，国务院印发…) is history, not the text's own day. Else the
    date ``printed`` in a page header. Otherwise the most-cited year, moved forward to a later year the text plans for
    (部署2023年…, 2024年还将…), or one past it when the text looks back on it (过去一年).
    """
    dateline = _DATELINE.search(text)
    if dateline:
        return int(dateline.group("labelled") or dateline.group("year"))
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
