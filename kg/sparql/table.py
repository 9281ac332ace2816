"""Query results as an aligned text table, Chinese included: a wide character takes two columns.

>>> print(render(["名称", "n"], [["工业和信息化部", "1"], ["5G", "22"]]))
名称            n
--------------  --
工业和信息化部  1
5G              22
"""
from __future__ import annotations

import unicodedata
from typing import Iterable

from ..ontology import PREFIXES

__all__ = ["display_width", "clean", "term_text", "render"]

_WHITESPACE = str.maketrans({"\t": " ", "\n": " ", "\r": " ", "\v": " ", "\f": " "})
# Bidirectional overrides and isolates reorder what follows them on screen: shown as escapes.
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Longest namespace first, so a nested namespace wins over the one containing it.
_NAMESPACES = sorted(((ns, p) for p, ns in PREFIXES.items()), key=lambda item: -len(item[0]))


def _char_width(ch: str) -> int:
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def display_width(text: str) -> int:
    """Terminal columns ``text`` takes: 2 for wide and full-width characters, 0 for combining marks."""
    return sum(_char_width(ch) for ch in text)


def clean(text: str) -> str:
    """Text from documents made safe for a terminal: line breaks become spaces, other control
    characters and bidi overrides become visible escapes (no escape sequence reaches the screen)."""
    text = text.translate(_WHITESPACE)
    return "".join(f"\\u{ord(ch):04x}" if unicodedata.category(ch) == "Cc" or ch in _BIDI else ch for ch in text)


def term_text(term) -> str:
    """A pyoxigraph term as a reader wants it: IRIs with our prefixes, literals as their text."""
    from pyoxigraph import BlankNode, Literal, NamedNode

    if term is None:
        return ""
    if isinstance(term, NamedNode):
        for ns, prefix in _NAMESPACES:
            if term.value.startswith(ns) and len(term.value) > len(ns):
                return f"{prefix}:{term.value[len(ns):]}"
        return f"<{term.value}>"
    if isinstance(term, Literal):
        return term.value
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    return str(term)  # an RDF-star triple term


def _cut(text: str, width: int) -> str:
    """At most ``width`` columns, ending in … when something was cut (``width`` 0: never cut)."""
    if width <= 0 or display_width(text) <= width:
        return text
    out, used = [], 0
    for ch in text:
        w = _char_width(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def _pad(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))


def render(header: list[str], rows: Iterable[list[str]], max_width: int = 0) -> str:
    """Columns two spaces apart under a dashed rule; cells wider than ``max_width`` are cut."""
    cells = [[_cut(clean(c), max_width) for c in header]]
    cells += [[_cut(clean(c), max_width) for c in row] for row in rows]
    widths = [max(display_width(row[i]) for row in cells) for i in range(len(header))]
    lines = [cells[0], ["-" * w for w in widths], *cells[1:]]
    return "\n".join("  ".join(_pad(c, w) for c, w in zip(row, widths)).rstrip() for row in lines)
