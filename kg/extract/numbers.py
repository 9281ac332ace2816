"""Numbers as Chinese policy texts write them: 4.6, 31.4万亿, 三十一点四万亿, 4800多万, 超千亿, 一半.

The metrics stage finds candidates with :data:`NUMBER` and turns the matched text into a
:class:`~decimal.Decimal` with :func:`parse_number`, scale word applied, so 1.2万亿 and
一万二千亿 compare equal downstream.
"""
from __future__ import annotations

import re
from decimal import Decimal

_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNIT = {"十": 10, "百": 100, "千": 1000}
_SCALE = {"万亿": 10**12, "千亿": 10**11, "百亿": 10**10, "十亿": 10**9, "亿": 10**8,
          "千万": 10**7, "百万": 10**6, "十万": 10**5, "万": 10**4, "千": 10**3, "百": 10**2}

SCALE = "(?:" + "|".join(sorted(_SCALE, key=len, reverse=True)) + ")"
_CN = "[零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?"
_ARABIC = r"\d+(?:\.\d+)?"
HALF = "(?:一半|半数)"

# num: the figure; approx: 多/余 between figure and scale (4800多万); scale: 万, 亿 …
NUMBER = (rf"(?:(?P<half>{HALF})"
          rf"|(?P<num>{_ARABIC}|{_CN})(?P<approx>[多余])?(?P<scale>{SCALE})?"
          rf"|(?P<bare>{SCALE}))")


def chinese_integer(text: str) -> int:
    """三 → 3, 十三 → 13, 四千八百 → 4800, 千 → 1000 (a bare 十/百/千 counts one)."""
    total, digit = 0, None
    for ch in text:
        if ch in _DIGIT:
            digit = _DIGIT[ch]
        elif ch in _UNIT:
            total += (1 if digit is None else digit) * _UNIT[ch]
            digit = None
        else:
            raise ValueError(f"not a Chinese numeral: {text!r}")
    return total + (digit or 0)


def figure(text: str) -> Decimal:
    """The value of a figure without scale: 16.98, 十三, 三十一点四."""
    if re.fullmatch(_ARABIC, text):
        return Decimal(text)
    whole, _, frac = text.partition("点")
    value = Decimal(chinese_integer(whole)) if whole else Decimal(0)
    if frac:
        value += Decimal("0." + "".join(str(_DIGIT[c]) for c in frac))
    return value


def scale(word: str | None) -> int:
    """万 → 10⁴, 万亿 → 10¹², None → 1."""
    return _SCALE[word] if word else 1


def parse_number(text: str) -> Decimal:
    """Parse a whole number expression (1.2万亿, 4800多万, 超过 stripped already); raise if it is none.

    A half (一半, 半数) is 50 (per cent): the caller gives it the unit %.
    """
    m = re.fullmatch(NUMBER, text)
    if not m:
        raise ValueError(f"not a number: {text!r}")
    if m.group("half"):
        return Decimal(50)
    if m.group("bare"):
        return Decimal(scale(m.group("bare")))
    return figure(m.group("num")) * scale(m.group("scale"))
