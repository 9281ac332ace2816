"""Organisations named only by a post held there: 江苏省政协|常委, 湖南粮油|副董事长.

Without a suffix a name has no grammar of its own; what marks it is a place name in front
(the unit's jurisdiction or the company's home) and a title right after it.
"""
from __future__ import annotations

from bisect import bisect_left

from .. import lexicon
from ..model import Analysis, Mention
from .chunks import NAME_TAGS_STOP_STRONG, TokenIndex
from .organizations import plausible_org
from .people import title_starting_at

_NAME_TAGS = frozenset({"n", "nz", "nt", "ns", "nr", "j", "l", "b", "an", "ng", "nrt", "eng"})
_LONGEST = 12


def _place_prefix(chunk: str) -> int:
    """Length of the longest known place the chunk starts with (0 if none)."""
    places = lexicon.locations()
    return next((e for e in range(len(chunk) - 1, 1, -1) if chunk[:e] in places), 0)


def posted_orgs(a: Analysis, idx: TokenIndex) -> None:
    """Add ``<place><name>`` before a title as an organisation, when nothing else named it."""
    text = a.doc.norm
    named = sorted((m.start, m.end) for m in a.mentions if m.type in ("Organization", "Person", "Event", "Policy"))
    ends = {e for _, e in named}
    for i in range(1, len(text)):
        if i in ends or idx.token_ending_at(i) is None:
            continue
        title = title_starting_at(text, i)
        if not title or idx.token_ending_at(i + len(title)) is None:  # 计划|委员会 holds no title 委员
            continue
        start = idx.left_edge(i, _LONGEST, tag_stops=NAME_TAGS_STOP_STRONG)
        inside = named[bisect_left(named, (start, 0)):bisect_left(named, (i, 0))]
        if any(e <= i for _, e in inside):  # 南京林业大学|特聘|教授: named already
            continue
        chunk = text[start:i]
        place = _place_prefix(chunk)
        rest = chunk[place:]
        if not place or len(rest) < 2 or not plausible_org(chunk) or not plausible_org(rest):
            continue
        tokens = idx.tokens[bisect_left(idx.starts, start):bisect_left(idx.starts, i)]
        if any(tag not in _NAME_TAGS for _, tag, _ in tokens):
            continue
        a.mentions.append(Mention("Organization", chunk, start, i, "Other"))
