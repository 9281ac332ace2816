"""The saved analyst questions: ``queries/*.rq``, each opening with comment lines saying what it asks.

The first comment line is the question; the comment lines after it say how to read or change
the query. The server's page offers them as examples; tests and benchmarks run them all.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

__all__ = ["Question", "QUERIES", "load_questions"]

QUERIES = Path(__file__).resolve().parents[1] / "resources" / "queries"
"""The repository's ``queries/`` folder, through the package's resources link (wheels carry a copy)."""


@dataclass(frozen=True)
class Question:
    name: str  # the file's stem, e.g. officials_of_ministry
    title: str  # the first comment line
    text: str  # the whole query, comments included


def _title(text: str) -> str:
    for line in text.splitlines():
        if line.startswith("#"):
            return line.lstrip("#").strip()
        if line.strip():
            break
    return ""


def load_questions(folder: str | Path | None = QUERIES) -> list[Question]:
    """Every ``.rq`` file in ``folder``, by name; none when the folder does not exist."""
    if folder is None or not Path(folder).is_dir():
        return []
    return [Question(p.stem, _title(text), text)
            for p in sorted(Path(folder).glob("*.rq"))
            for text in [p.read_text(encoding="utf-8")]]
