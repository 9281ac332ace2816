"""Settle competing mentions: one per span, no crossing spans; nesting is allowed.

Nested names are real (贵州大学 inside 贵州大学…实验室); crossing ones are not, and the
longer (then the more specific type) wins.
"""
from __future__ import annotations

from ..model import Analysis, Mention

_PRIORITY = {"Person": 0, "Organization": 1, "Event": 2, "Policy": 3, "Location": 4, "Industry": 5}


def _rank(m: Mention) -> tuple:
    return (-(m.end - m.start), _PRIORITY[m.type], m.canonical is None, m.start, m.text)


def settle(mentions: list[Mention]) -> list[Mention]:
    chosen: list[Mention] = []
    seen: set[tuple[int, int]] = set()
    for m in sorted(mentions, key=_rank):
        if (m.start, m.end) in seen:
            continue
        if any(o.start < m.start < o.end < m.end or m.start < o.start < m.end < o.end for o in chosen):
            continue
        chosen.append(m)
        seen.add((m.start, m.end))
    return sorted(chosen, key=lambda m: (m.start, m.end))


def overlap_stage(a: Analysis) -> None:
    a.mentions = settle(a.mentions)
