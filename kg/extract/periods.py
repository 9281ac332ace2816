"""Time expressions and the ISO 8601 periods they denote.

A metric's period is read from the time words near it (2023年, 1—11月, 截至2023年年底,
“十四五”期间, 今年). Some need a year from context (全年, 1—11月, 上半年): they are found
here as *relative* and resolved by the caller once it knows the year the passage speaks of.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace

_DASH = "[-—–~～至到]+"
_TIME = re.compile(
    r"(?P<fyp>[“\"]?十(?P<fypn>[一二三四五六七八九])五[”\"]?(?:期间|时期))"
    r"|(?P<clear>目前|当前|现阶段|(?:相较于|相比于?|较)[^，。；\d]{0,6}初期)"
    r"|(?P<pre>截至|截止到?|到)?"
    r"(?:(?P<y>(?:19|20)\d{2})年|(?P<rel>今年|去年|上年|明年|前年|本年|过去一年))?"
    rf"(?:{_DASH}(?P<y2>(?:19|20)\d{{2}})年"
    r"|(?P<half>上半年|下半年|前三季度|第?一季度)"
    rf"|(?<![\d.])(?P<m1>1[0-2]|0?[1-9])(?:(?:月份?)?{_DASH}(?P<m2>1[0-2]|0?[1-9])月份?|月份?)"
    r"(?:(?P<mend>底|末)|(?P<d>[1-3]?\d)日)?"
    r"|(?P<yend>年底|年末|底|末)"
    r"|(?P<full>全年)|(?P<start>年初))?"
    r"(?P<since>以来)?"
)
_RELATIVE_YEAR = {"今年": 0, "本年": 0, "去年": -1, "上年": -1, "过去一年": -1, "前年": -2, "明年": 1}
_HALVES = {"上半年": (1, 6), "下半年": (7, 12), "前三季度": (1, 9), "一季度": (1, 3), "第一季度": (1, 3)}
_COMPARISON = ("较", "比", "相比", "相较于", "同比", "与")


@dataclass(frozen=True)
class TimeExpr:
    """One time expression in normalised text; ``period`` is None while it still needs a year."""

    start: int
    end: int
    kind: str  # year, full_year, month, range, date, span, clear
    year: int | None  # the calendar year it states, if it states one
    period: str | None
    comparison: bool = False  # 较2022年 …: a base of comparison, not the metric's period
    months: tuple[int, int] | None = None  # for a yearless month range or month
    day: int | None = None


def five_year_plan(n: int) -> str:
    """The span of the n-th five-year plan (十四五 → 2021/2025); the count skipped 1963–65."""
    first = 1966 + 5 * (n - 3)
    return f"{first}/{first + 4}"


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _dated(year: int, months: tuple[int, int] | None, kind: str, day: int | None) -> str:
    """The ISO form of a year, a month, a month range or a day once the year is known."""
    if kind in ("year", "full_year") or months is None:
        return str(year)
    a, b = months
    if kind == "range":
        return f"{year}-{a:02d}/{year}-{b:02d}"
    if kind == "date":
        return f"{year}-{b:02d}-{(day or _last_day(year, b)):02d}"
    return f"{year}-{a:02d}"


def _expr(m: re.Match, text: str, doc_year: int | None) -> TimeExpr | None:
    """Build one TimeExpr from a match, or None when the match holds no time word."""
    g = m.groupdict()
    s, e = m.start(), m.end()
    if g["fyp"]:
        return TimeExpr(s, e, "span", None, five_year_plan(10 + "一二三四五六七八九".index(g["fypn"]) + 1))
    if g["clear"]:
        return TimeExpr(s, e, "clear", None, None)
    year = int(g["y"]) if g["y"] else None
    if g["rel"]:
        year = doc_year + _RELATIVE_YEAR[g["rel"]] if doc_year else None
    if not (g["y"] or g["rel"] or g["half"] or g["m1"] or g["full"]):
        return None
    comparison = text[max(0, s - 3):s].endswith(_COMPARISON)
    if g["y2"] and year:
        return TimeExpr(s, e, "span", year, f"{year}/{g['y2']}", comparison)
    kind, months, day = "year", None, None
    if g["full"]:
        kind = "full_year"
    elif g["half"]:
        kind, months = "range", _HALVES[g["half"]]
    elif g["m1"]:
        a = int(g["m1"])
        b = int(g["m2"]) if g["m2"] else a
        day = int(g["d"]) if g["d"] else None
        kind = "date" if (g["mend"] or day) else "range" if g["m2"] else "month"
        months = (a, b)
    elif g["yend"] and (g["y"] or g["rel"]):
        kind, months = "date", (12, 12)
    period = _dated(year, months, kind, day) if year else None
    if kind == "full_year" and g["y"]:
        kind = "year"
    return TimeExpr(s, e, kind, year, period, comparison, months, day)


def find_times(text: str, doc_year: int | None = None) -> list[TimeExpr]:
    """Every time expression in ``text``; 今年/去年 are resolved against ``doc_year``."""
    out = []
    for m in _TIME.finditer(text):
        if m.end() == m.start():
            continue
        expr = _expr(m, text, doc_year)
        if expr is not None:
            out.append(expr)
    return out


def resolve(expr: TimeExpr, year: int | None) -> TimeExpr:
    """Give a yearless expression (全年, 1—11月, 上半年) the year its context speaks of."""
    if expr.period is not None or expr.kind in ("clear", "span") or year is None:
        return expr
    return replace(expr, year=year, period=_dated(year, expr.months, expr.kind, expr.day))
