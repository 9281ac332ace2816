"""Local governments and party committees the text names by their level alone.

Local reports write 省政府印发, 市委副书记、市长温立军 or 赣州市副市长罗文斌: the body is a place's
人民政府 or 委. A short form (省政府, 市委) becomes a mention of the body the document names in
full; a head's post with a place or a committee before it (赣州市|副市长, 市委…、市长) goes to the
place's 人民政府 through a mention that stays out of the document's mentions, so it adds no alias
and no entity: resolution keeps the post only when the body is named in full somewhere.
"""
from __future__ import annotations

import re
from collections import Counter

from ..model import Analysis, Mention
from .reach import SpanReach

# Heads of a local government, by the level of place they govern.
_HEADS = {"省长": "省", "副省长": "省", "市长": "市", "副市长": "市", "区长": "区", "副区长": "区",
          "县长": "县", "副县长": "县", "州长": "州", "副州长": "州"}
_BY_LEVEL = re.compile(r"(省|市|区|县|州)(委|政府)")
_NOT_ONE_BODY = frozenset("各全本该我外其")  # 各市政府, 全省委: many bodies or a phrase


def _full_name(a: Analysis, pos: int, level: str, kind: str) -> str | None:
    """The body of that level the document names in full (the last one before ``pos``, else the
    first after it: 省政府 → 河南省人民政府), else that of the place of that level the document
    names most, if one leads (赣州市 ×5 → 市委 is 赣州市委)."""
    endings = (level + "委",) if kind == "委" else (level + "人民政府", level + "政府")
    names = [(m.start, m.canonical or m.text) for m in a.mentions if m.type == "Organization"]
    names = sorted((s, n) for s, n in names if any(n.endswith(e) and len(n) > len(e) + 1 for e in endings))
    before = [n for s, n in names if s < pos]
    if names:
        return before[-1] if before else names[0][1]
    places = Counter(m.canonical or m.text for m in a.mentions if m.type == "Location"
                     and (m.canonical or m.text).endswith(level) and len(m.canonical or m.text) > 2)
    ranked = places.most_common(2)
    if not ranked or ranked[0][1] < 2 or len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    return ranked[0][0] + ("委" if kind == "委" else "人民政府")


def level_bodies(a: Analysis) -> None:
    """省政府, 市委 standing alone: a mention of the body of that level the document names in full."""
    text = a.doc.norm
    word_starts = {start for _, _, start in a.tokens}
    taken = SpanReach((m.start, m.end) for m in a.mentions)
    found = [m for m in _BY_LEVEL.finditer(text) if m.start() in word_starts
             and not (m.start() and text[m.start() - 1] in _NOT_ONE_BODY)  # 各市政府, 全省委
             and taken.furthest_end(m.end()) <= m.start()]  # 崇礼县|政府: the level ends a place's name
    for m in found:
        name = _full_name(a, m.start(), m.group(1), m.group(2))
        if name:
            a.mentions.append(_government_body(m.group(), m.start(), m.end(), name))


def _government_body(text: str, start: int, end: int, name: str) -> Mention:
    """A government body written ``text`` at [start, end), whose full name is ``name``."""
    return Mention("Organization", text, start, end, "GovernmentBody", name)


def head_of_government(a: Analysis, org: Mention | None, span: tuple[int, int] | None,
                       titles: list[str]) -> Mention | None:
    """The government a head's title serves: after a place (赣州市|副市长) that place's 人民政府,
    after its party committee (市委副书记、|市长) the committee's place's; else ``org``."""
    level = next((_HEADS[t] for t in titles if t in _HEADS), None)
    if level is None:
        return org
    name = org.canonical or org.text if org is not None else None
    if name and name.endswith(level + "委") and len(name) > 3:
        return _government_body(org.text, org.start, org.end, name.removeprefix("中共")[:-1] + "人民政府")
    if org is None and span is not None:
        place = max((m for m in a.mentions if m.type == "Location" and m.end == span[1] and m.start >= span[0]),
                    key=lambda m: m.end - m.start, default=None)
        if place is not None and (place.canonical or place.text).endswith(level):
            return _government_body(place.text, place.start, place.end, (place.canonical or place.text) + "人民政府")
    return org
