"""Short forms a document uses for a body it named in full: 省工业和信息化厅 after 河南省工业和信息化厅.

Local reports name their own province's or city's bodies once in full, then by level alone
(省财政厅, 市统计局). The short form is the same body, so it gets the full name as canonical.
"""
from __future__ import annotations

import re

from .. import lexicon
from ..model import Analysis, Mention
from .reach import SpanReach

_LEVELS = ("自治区", "省", "市", "区", "县", "州")
_GENERIC_BEFORE = ("各", "全", "本", "该", "每", "外")


def _short_forms(a: Analysis) -> dict[str, str]:
    """Level-led short form → the full name, from every body named as <place><level><rest>."""
    places = lexicon.locations()
    located = {(m.start, m.end) for m in a.mentions if m.type == "Location"}
    fulls: dict[str, set[str]] = {}
    for m in a.mentions:
        if m.type != "Organization" or m.canonical is not None:
            continue
        for level in _LEVELS:
            i = m.text.find(level, 2)
            if i < 0 or len(m.text) - i < 4:
                continue
            place = m.text[:i + len(level)]
            if place in places or (m.start, m.start + len(place)) in located:
                fulls.setdefault(m.text[i:], set()).add(m.text)
                break
    # 市工业和信息化局 after both 洛阳市… and 郑州市…: which one the text means is not known
    return {short: next(iter(names)) for short, names in fulls.items() if len(names) == 1}


def short_forms(a: Analysis) -> None:
    forms = _short_forms(a)
    if not forms:
        return
    text = a.doc.norm
    bodies = SpanReach((m.start, m.end) for m in a.mentions if m.type == "Organization")
    for short, full in sorted(forms.items()):
        for occ in re.finditer(re.escape(short), text):
            generic = occ.start() > 0 and text.startswith(_GENERIC_BEFORE, occ.start() - 1)
            if bodies.furthest_end(occ.start()) < occ.end() and not generic:
                # none of them holds it (河南|省财政厅), and it is no body in general (各|市人民政府)
                a.mentions.append(Mention("Organization", short, occ.start(), occ.end(), "GovernmentBody", full))
