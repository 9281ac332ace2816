"""Settle competing mentions: one per span, no crossing spans; nesting is allowed.

Nested names are real (贵州大学 inside 贵州大学…实验室); crossing ones are not, and the
longer (then the more specific type) wins.
"""
from __future__ import annotations

from bisect import bisect_right, insort

from .. import lexicon
from ..model import Analysis, Mention
from .reach import SpanReach

_PRIORITY = {"Person": 0, "Organization": 1, "Event": 2, "Policy": 3, "Location": 4, "Industry": 5}


def _rank(m: Mention) -> tuple:
    return (-(m.end - m.start), _PRIORITY[m.type], m.canonical is None, m.start, m.text)


def _edge_inside(edges: list[int], start: int, end: int) -> bool:
    i = bisect_right(edges, start)
    return i < len(edges) and edges[i] < end


def settle(mentions: list[Mention]) -> list[Mention]:
    """Longest first, so every mention already chosen is at least as long as the next one:
    it crosses the next one exactly when one of its edges falls strictly inside it. Two sorted
    edge lists answer that by bisection, in O(n log n) for a document's n mentions."""
    chosen: list[Mention] = []
    seen: set[tuple[int, int]] = set()
    starts: list[int] = []
    ends: list[int] = []
    for m in sorted(mentions, key=_rank):
        if (m.start, m.end) in seen:
            continue
        if _edge_inside(starts, m.start, m.end) or _edge_inside(ends, m.start, m.end):
            continue
        chosen.append(m)
        seen.add((m.start, m.end))
        insort(starts, m.start)
        insort(ends, m.end)
    return sorted(chosen, key=lambda m: (m.start, m.end))


_CONTAINERS = {"Location": ("Organization", "Event", "Policy", "Person"), "Industry": ("Organization",)}


def drop_nested_places(mentions: list[Mention]) -> list[Mention]:
    """A place or trade inside a name (浙江 in 浙江大学, 汽车 in 汽车工业协会, 尼斯 in 丹尼斯·霍珀) is
    part of that name, not a mention of its own. An industry inside a policy stays, as what it targets, and
    a place inside a government body's name, as its jurisdiction (西藏自治区|通信管理局); a trade inside
    one (信息通信|发展司) is part of the name."""
    reach = {etype: SpanReach((n.start, n.end) for n in mentions if n.type in kinds
                              and (n.subtype != "GovernmentBody" or etype == "Industry"))
             for etype, kinds in _CONTAINERS.items()}

    def inside(m: Mention) -> bool:  # some container starts at or before m and ends at or after it
        return reach[m.type].furthest_end(m.start, inclusive=True) >= m.end
    return [m for m in mentions if m.type not in _CONTAINERS or not inside(m)]


def drop_nationalities(mentions: list[Mention], text: str) -> list[Mention]:
    """A country before 国籍 (中国国籍) is a nationality, not a place the text speaks of."""
    return [m for m in mentions if not (m.type == "Location" and text.startswith("国籍", m.end))]


# Types whose names, cut short, keep their start: 欧阳明 in 欧阳明德, a cue inside a title
# (…数字化转型行动 in 《…数字化转型行动方案（2023—2025年）》).
_CUT_AT_END = ("Person", "Policy")


def drop_truncated_names(mentions: list[Mention]) -> list[Mention]:
    """A body's name cut short by a word walk (金融学院 in 经济与金融学院, 信息化厅 in
    …工业和信息化厅) shares its end with the whole name; only the whole name is meant. A unit
    standing for the whole (canonical set) and a known body stay. A person's or a policy's name
    cut short shares its start with the whole one."""
    whole: dict[int, int] = {}  # end -> earliest start of an organisation ending there
    for m in mentions:
        if m.type == "Organization":
            whole[m.end] = min(whole.get(m.end, m.start), m.start)
    known = lexicon.organizations()
    longest = {(m.type, m.start): m.end for m in sorted(mentions, key=lambda m: m.end) if m.type in _CUT_AT_END}
    return [m for m in mentions
            if not (m.type == "Organization" and m.canonical is None and m.text not in known and whole[m.end] < m.start)
            and not (m.type in _CUT_AT_END and longest[(m.type, m.start)] > m.end)]


def overlap_stage(a: Analysis) -> None:
    a.mentions = drop_truncated_names(drop_nested_places(drop_nationalities(settle(a.mentions), a.doc.norm)))
