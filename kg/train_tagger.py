"""Train the statistical name tagger from the project's own annotated sentences.

The corpus (``corpus/names/*.txt``) was written for this project, so the model may be shipped
with it; the public benchmark sets are only ever used to evaluate it. Each line is one
sentence with names marked ``[[text|P]]`` (person), ``[[text|O]]`` (organisation) or
``[[text|L]]`` (place). Training is deterministic: the same corpus gives the same model.

    python -m kg.train_tagger [CORPUS_DIR] [-o MODEL]
"""
from __future__ import annotations

import argparse
import hashlib
import random
import re
import sys
from pathlib import Path

from .extract.segment import segment
from .extract.tagger_features import sentence_features
from .normalize import normalize

MARK = re.compile(r"\[\[([^\[\]|]+)\|([POL])\]\]")
DEFAULT_CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "names"
DEFAULT_MODEL = Path(__file__).resolve().parent / "resources" / "names.crfsuite"
SWAPPED_COPIES = 1  # name-swapped copies of the corpus (the filtered model alone on CLUENER dev: 0.563 -> 0.570)
# Regularisation found on a held-out tenth of the corpus; L1 keeps the model small.
PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True}


def parse_marked(line: str) -> tuple[str, list[tuple[int, int, str]]]:
    """A marked line → (plain text, [(start, end, type letter)])."""
    parts: list[str] = []
    spans: list[tuple[int, int, str]] = []
    pos = length = 0
    for m in MARK.finditer(line):
        parts.append(line[pos:m.start()])
        length += m.start() - pos
        parts.append(m.group(1))
        spans.append((length, length + len(m.group(1)), m.group(2)))
        length += len(m.group(1))
        pos = m.end()
    parts.append(line[pos:])
    return "".join(parts), spans


def labelled(line: str) -> tuple[str, list[str]] | None:
    """The normalised sentence and its BIO labels, as the tagger will see real text."""
    raw, spans = parse_marked(line)
    text, offsets = normalize(raw)
    if not text.strip():
        return None
    labels = ["O"] * len(text)
    for start, end, kind in spans:
        inside = [i for i in range(len(text)) if start <= offsets[i] < end]
        for k, i in enumerate(inside):
            labels[i] = ("B-" if k == 0 else "I-") + kind
    return text, labels


def swapped(lines: list[str], copies: int = SWAPPED_COPIES, seed: int = 7) -> list[str]:
    """Each marked line again ``copies`` times, every name replaced by another name of its type
    from the corpus (seeded, so deterministic).

    Without it the model learns the corpus's names by heart; with the same contexts around other
    names it learns the contexts (主帅…表示, …主场, 记者从…获悉), which is what carries over to
    names it never saw.
    """
    pool: dict[str, list[str]] = {}
    for line in lines:
        for m in MARK.finditer(line):
            pool.setdefault(m.group(2), []).append(m.group(1))
    names = {kind: sorted(set(found)) for kind, found in pool.items()}
    rng = random.Random(seed)
    return [MARK.sub(lambda m: f"[[{rng.choice(names[m.group(2)])}|{m.group(2)}]]", line)
            for _ in range(copies) for line in lines if MARK.search(line)]


def examples(corpus: Path):
    """(features, labels) per sentence of every corpus file, in file-name order, then the
    name-swapped copies."""
    files = sorted(corpus.glob("*.txt"))
    if not files:
        raise SystemExit(f"kg.train_tagger: no .txt files in {corpus}")
    lines = [line.strip() for f in files for line in f.read_text(encoding="utf-8").splitlines()]
    for line in lines + swapped(lines):
        item = labelled(line)
        if item is None:
            continue
        text, labels = item
        yield sentence_features(text, segment(text)), labels


def _digest_update(h, xseq: list[list[str]], yseq: list[str]) -> None:
    for feats, label in zip(xseq, yseq):
        h.update(("\x1f".join(feats) + "\x1e" + label + "\x1d").encode("utf-8"))
    h.update(b"\x1c")


def inputs_digest(corpus: Path) -> str:
    """SHA-256 of what training reads: every sentence's features and labels. Features come from
    the segmenter the lexicons feed, so a lexicon edit changes it: the model must be retrained."""
    h = hashlib.sha256()
    for xseq, yseq in examples(corpus):
        _digest_update(h, xseq, yseq)
    return h.hexdigest()


def digest_path(model: Path) -> Path:
    return model.with_suffix(".inputs")


def train(corpus: Path, model: Path) -> int:
    """Train ``model`` from ``corpus``; beside it, the digest of the inputs it was trained on."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.set_params(PARAMS)
    h = hashlib.sha256()
    n = 0
    for xseq, yseq in examples(corpus):
        trainer.append(xseq, yseq)
        _digest_update(h, xseq, yseq)
        n += 1
    model.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(model))
    digest_path(model).write_text(h.hexdigest() + "\n", encoding="utf-8")
    return n


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m kg.train_tagger", description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("-o", "--model", type=Path, default=DEFAULT_MODEL)
    args = ap.parse_args(argv)
    n = train(args.corpus, args.model)
    print(f"trained on {n} sentences -> {args.model}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
