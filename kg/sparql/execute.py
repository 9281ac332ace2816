"""Run one SPARQL query on a store, with the ontology's prefixes predeclared.

A malformed query becomes a :class:`~kg.errors.KgError` whose message is the parser's own,
with its line and column, the offending line and a caret under the column.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from ..errors import E_QUERY, error
from ..ontology import PREFIXES
from .table import clean, display_width

__all__ = ["read_query", "run_query", "syntax_message", "calls_service"]

_POSITION = re.compile(r"error at (\d+):(\d+): ")
# The parser lists the character classes it expected (['A' ..= 'Z' | …]) over several lines:
# each is shown as … so the words of the message stay readable.
_CHAR_CLASS = re.compile(r"\[(?:'(?:[^'\\]|\\.)*'|[^\]'])*\]")
# What may hide a keyword from the parser: comments, strings, IRIs and variables, each skipped
# whole. Any other run of word characters counts, even inside a prefixed name (safe side).
_SKIPPED = re.compile(r"""
    \#[^\n]*
  | \"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
  | '''(?:[^'\\]|\\.|'(?!''))*'''
  | "(?:[^"\\\n]|\\.)*"
  | '(?:[^'\\\n]|\\.)*'
  | <[^<>"{}|^`\\\x00-\x20]*>
  | [?$]\w+
  | (?P<word>\w+)
""", re.VERBOSE | re.DOTALL)


def read_query(arg: str) -> str:
    """The query ``arg`` names: ``-`` is stdin, an existing file or a ``.rq`` name is read, else the text."""
    if arg == "-":
        return sys.stdin.read()
    if arg.endswith(".rq") or _is_file(arg):
        try:
            return Path(arg).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise error(E_QUERY, f"cannot read the query file {arg}: {getattr(exc, 'strerror', None) or exc}") from None
    return arg


def _is_file(arg: str) -> bool:
    try:
        return Path(arg).is_file()
    except (OSError, ValueError):  # query text too long for a file name, or holding NUL
        return False


def syntax_message(query: str, message: str) -> str:
    """The parser's message, its ``line:column`` spelt out, and the line with a caret under the column."""
    message = re.sub(r"…(?:,\s*…)+", "…", _CHAR_CLASS.sub("…", re.sub(r"\s*\n\s*", " ", message)))
    found = _POSITION.match(message)
    if not found:
        return f"malformed SPARQL query: {message}"
    line, column = int(found[1]), int(found[2])
    lines = query.split("\n")
    text = clean(lines[line - 1]) if 0 < line <= len(lines) else ""
    caret = " " * display_width(text[:column - 1]) + "^"
    return (f"malformed SPARQL query at line {line}, column {column}: {message[found.end():]}\n"
            f"    {text}\n    {caret}")


def run_query(store, query: str, **options):
    """``store.query`` with our prefixes: QuerySolutions, QueryBoolean or QueryTriples."""
    try:
        return store.query(query, prefixes=PREFIXES, **options)
    except SyntaxError as exc:
        raise error(E_QUERY, syntax_message(query, str(exc))) from None


def calls_service(query: str) -> bool:
    """Whether ``query`` holds a SERVICE clause, which would make the store fetch another URL.

    >>> calls_service('SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }')
    True
    >>> calls_service('SELECT ?service { ?s rdfs:label "SERVICE" } # SERVICE')
    False
    >>> calls_service('SELECT * { ?s ?p ?o.SERVICE <http://example.org/> {} }')
    True
    """
    return any((m["word"] or "").upper() == "SERVICE" for m in _SKIPPED.finditer(query))
