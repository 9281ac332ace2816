"""How far the spans starting before a point reach: covering and overlapping by bisection.

Several stages ask of one set of spans whether some span holds a position or overlaps a range
(a place inside a name, a tagged name over a rule's, a short form inside a full name). Sorted
starts and the running furthest end answer each question with one bisection.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import accumulate
from typing import Iterable


class SpanReach:
    def __init__(self, spans: Iterable[tuple[int, int]]):
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._reach = list(accumulate((e for _, e in ordered), max))

    def furthest_end(self, before: int, inclusive: bool = False) -> int:
        """The furthest end of the spans starting before ``before`` (or at it, if ``inclusive``); -1 if none."""
        i = (bisect_right if inclusive else bisect_left)(self._starts, before)
        return self._reach[i - 1] if i else -1
