"""Domain lexicons kept as data files in kg/lexicons/, loaded once on first use.

They hold general knowledge only (ministries, places, industries, titles, family names);
names of particular people or firms are found by patterns, never listed.
"""
from __future__ import annotations

from functools import cache
from importlib import resources

GENERIC_SUFFIXES = ("产业", "行业")


def _lines(name: str) -> list[str]:
    text = resources.files("kg.lexicons").joinpath(name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def rows(name: str) -> list[list[str]]:
    """Tab-separated rows of a lexicon file (empty fields kept)."""
    text = resources.files("kg.lexicons").joinpath(name).read_text(encoding="utf-8")
    return [ln.split("\t") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@cache
def organizations() -> dict[str, tuple[str, str]]:
    """Every name and alias of a known body → (full name, subtype)."""
    out: dict[str, tuple[str, str]] = {}
    for line in _lines("organizations.txt"):
        names, _, subtype = line.partition("\t")
        forms = names.split("|")
        for form in forms:
            out.setdefault(form, (forms[0], subtype.strip() or "Other"))
    return out


def _alias_table(name: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in _lines(name):
        forms = [f.rstrip("*") for f in line.split("|")]
        for form in forms:
            out.setdefault(form, forms[0])
    return out


@cache
def contextual_industries() -> frozenset[str]:
    """Industry words that name an industry only next to 行业/产业 or in a list."""
    return frozenset(f.rstrip("*") for line in _lines("industries.txt") for f in line.split("|")
                     if f.endswith("*"))


@cache
def locations() -> dict[str, str]:
    """Every name of a known place, countries included → its full name."""
    return {**_alias_table("countries.txt"), **_alias_table("locations.txt")}


@cache
def countries() -> frozenset[str]:
    """Every name of a country, continent, world region or sea."""
    return frozenset(_alias_table("countries.txt"))


@cache
def industries() -> dict[str, str]:
    """Every name of a known industry → its name, with the 产业/行业 forms added."""
    table = _alias_table("industries.txt")
    for form, canon in list(table.items()):
        if not form.endswith("业"):
            for suffix in GENERIC_SUFFIXES:
                table.setdefault(form + suffix, canon)
    return table


@cache
def titles() -> frozenset[str]:
    return frozenset(_lines("titles.txt"))


@cache
def roles() -> frozenset[str]:
    """Occupation words that mark the name after them (导演, 主教练), not a post in a body."""
    return frozenset(_lines("roles.txt"))


@cache
def surnames() -> frozenset[str]:
    return frozenset(w for line in _lines("surnames.txt") for w in line.split())


@cache
def compounds() -> frozenset[str]:
    """Domain words jieba splits wrongly (工业和信息化 is one word, not 工业 / 和 / 信息化)."""
    return frozenset(_lines("compounds.txt"))


@cache
def common_surnames() -> frozenset[str]:
    """The hundred most common family names (the first hundred listed), for weaker evidence."""
    return frozenset(_lines("surnames.txt")[0].split()[:100])
