"""Longest-first lookup of a fixed vocabulary at a text position (titles, lexicon names)."""
from __future__ import annotations

from typing import Iterable, Iterator


class PrefixIndex:
    """Forms grouped by first and by last character, longest first, for O(candidates) lookups."""

    def __init__(self, forms: Iterable[str]):
        self.first: dict[str, list[str]] = {}
        self.last: dict[str, list[str]] = {}
        for form in sorted(set(forms), key=lambda f: (-len(f), f)):
            if form:
                self.first.setdefault(form[0], []).append(form)
                self.last.setdefault(form[-1], []).append(form)

    def starting_at(self, text: str, i: int) -> Iterator[str]:
        """Every form that text[i:] starts with, longest first."""
        for form in self.first.get(text[i:i + 1], ()):
            if text.startswith(form, i):
                yield form

    def ending_at(self, text: str, end: int) -> Iterator[str]:
        """Every form that text[:end] ends with, longest first."""
        for form in self.last.get(text[end - 1:end] if end > 0 else "", ()):
            if end - len(form) >= 0 and text.startswith(form, end - len(form)):
                yield form
