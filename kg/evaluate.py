"""Quality tables: the seeds and the genre set against their gold, and the public NER sets
(entities only).

The scorer is the project's shared ``eval/score.py``, loaded from the shared folder so the
numbers are the ones the project is judged by.
"""
from __future__ import annotations

import importlib.util
import io
import json
import tempfile
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

from .build import build, write
from .errors import E_NO_SOURCE, error

NER_TYPES = "Person,Organization,Location"


@dataclass(frozen=True)
class EvalSet:
    name: str
    source: str  # relative to the shared folder, or "seeds"/"genre" for the repository's own
    gold: str  # relative to the shared folder, or to the genre folder for the genre set
    entities_only: bool


SETS = (
    EvalSet("seeds", "seeds", "gold", False),
    EvalSet("genre", "genre", "gold", False),
    EvalSet("CLUENER dev", "bench/cluener/dev.txt", "bench/cluener/dev.gold.json", True),
    EvalSet("Resume NER dev", "bench/resume_ner/dev.txt", "bench/resume_ner/dev.gold.json", True),
)


def _scorer(shared: Path):
    path = shared / "eval" / "score.py"
    if not path.is_file():
        raise error(E_NO_SOURCE, f"no scorer at {path}: pass --shared with the folder holding eval/score.py")
    spec = importlib.util.spec_from_file_location("kg_shared_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def evaluate(shared: Path, seeds: Path, genre: Path, names: list[str] | None = None) -> dict[str, str]:
    """Build each set, score it with the shared scorer, return its printed table by set name."""
    scorer = _scorer(shared)
    tables: dict[str, str] = {}
    for s in SETS:
        if names and s.name not in names:
            continue
        source = {"seeds": seeds, "genre": genre / "docs"}.get(s.source, shared / s.source)
        gold = sorted((genre / s.gold).glob("*.json")) if s.source == "genre" else [shared / s.gold]
        with tempfile.TemporaryDirectory() as tmp:
            write(build([source]).kg, tmp, ["json"])
            argv = ["--gold", *map(str, gold), "--pred", str(Path(tmp) / "kg.json"), "--errors", "0"]
            if s.entities_only:
                argv += ["--entities-only", "--types", NER_TYPES]
            else:
                argv += ["--docs-dir", str(source)]
            out = io.StringIO()
            with redirect_stdout(out), redirect_stderr(io.StringIO()):
                scorer.main(argv)
        tables[s.name] = out.getvalue().rstrip()
    return tables


def report(tables: dict[str, str]) -> str:
    return "\n\n".join(f"== {name}\n{table}" for name, table in tables.items())


def as_json(tables: dict[str, str]) -> str:
    return json.dumps(tables, ensure_ascii=False, indent=1)
