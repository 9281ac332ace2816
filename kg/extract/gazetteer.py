"""Find the names our lexicons know (bodies, places, industries), longest match first."""
from __future__ import annotations

import re
from functools import cache

from .. import lexicon
from ..model import Analysis, Mention
from .prefix import PrefixIndex

# Short industry words that are names only in an industry context (电子行业, 钢铁、有色、石化等).
_INDUSTRY_CONTEXT = re.compile(r"^(?:行业|产业|工业|领域|等|、|产销|产量|销量)|(?:、)$")


@cache
def _table() -> dict[str, tuple[str, str, str | None]]:
    """surface → (type, canonical, subtype); organisations win over places over industries."""
    out: dict[str, tuple[str, str, str | None]] = {}
    for form, canon in lexicon.industries().items():
        out[form] = ("Industry", canon, None)
    for form, canon in lexicon.locations().items():
        if len(form) > 1:
            out[form] = ("Location", canon, None)
    for form, (canon, subtype) in lexicon.organizations().items():
        if len(form) > 1:
            out[form] = ("Organization", canon, subtype)
    return out


@cache
def _index() -> PrefixIndex:
    return PrefixIndex(_table())


def _in_context(text: str, start: int, end: int) -> bool:
    return bool(_INDUSTRY_CONTEXT.search(text[end:end + 2])) or text[start - 1:start] == "、"


def find(text: str) -> list[Mention]:
    """Longest known names, left to right, never overlapping each other."""
    table, index = _table(), _index()
    out: list[Mention] = []
    i = 0
    while i < len(text):
        for form in index.starting_at(text, i):
            etype, canon, subtype = table[form]
            end = i + len(form)
            if form in lexicon.contextual_industries() and not _in_context(text, i, end):
                continue
            if form.isascii() and (text[i - 1:i].isascii() and text[i - 1:i].isalnum()
                                   or text[end:end + 1].isascii() and text[end:end + 1].isalnum()):
                continue
            out.append(Mention(etype, form, i, end, subtype, canon))
            i = end - 1
            break
        i += 1
    return out


def gazetteer_stage(a: Analysis) -> None:
    """Known names, but no industry that starts inside a word (中小企业 in 大中小企业) and no body
    that ends inside one (公安部 in 公安部门) unless a title follows it (全国人大|代表)."""
    inner = {s + k for w, _, s in a.tokens for k in range(1, len(w))}
    text, titles = a.doc.norm, lexicon.titles()

    def title_after(end: int) -> bool:
        return any(text[end:end + k] in titles for k in range(1, 6))
    a.mentions.extend(m for m in find(text) if not (m.type == "Industry" and m.start in inner
                                                     or m.type == "Organization" and m.end in inner
                                                     and not title_after(m.end)))
