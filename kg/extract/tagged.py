"""The statistical names stage: a CRF finds the people, bodies and places no rule cued.

Rules are precise where a cue exists (a title, a legal form, a suffix); news text often
names without one (托蒂在罗马主场…, 招行表示…). The model, trained by ``kg.train_tagger`` on
the project's own corpus, reads each sentence character by character; its names are kept
only where no rule found anything overlapping and where it is confident, so the rules
keep the last word on every name they found.
"""
from __future__ import annotations

from bisect import bisect_left
from functools import cache
from itertools import accumulate
from importlib import resources

from ..model import Analysis, Mention
from .organizations import subtype_of, suffix_of
from .tagger_features import Token, sentence_features

TYPES = {"P": "Person", "O": "Organization", "L": "Location"}
MIN_CONFIDENCE = 0.5  # the least per-character probability of a name's labels
_LONGEST = 300  # characters per tagging window: a sentence with no stops is cut into windows


@cache
def _model():
    """The trained tagger, opened once (crfsuite reads the file lazily)."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    with resources.as_file(resources.files("kg.resources").joinpath("names.crfsuite")) as path:
        tagger.open(str(path))
    return tagger


def _window_tokens(tokens: list[Token], starts: list[int], lo: int, hi: int) -> list[Token]:
    """The document's tokens inside [lo, hi), cut at the edges, with offsets from ``lo``."""
    out: list[Token] = []
    i = max(0, bisect_left(starts, lo) - 1)
    while i < len(tokens) and tokens[i][2] < hi:
        word, tag, start = tokens[i]
        s, e = max(start, lo), min(start + len(word), hi)
        if s < e:
            out.append((word[s - start:e - start], tag, s - lo))
        i += 1
    return out


def tag_spans(text: str, tokens: list[Token]) -> list[tuple[int, int, str, float]]:
    """Names the model reads in one sentence: (start, end, type letter, confidence)."""
    model = _model()
    labels = model.tag(sentence_features(text, tokens))
    spans: list[tuple[int, int, str, float]] = []
    start = None
    for p, label in enumerate(labels + ["O"]):
        if start is not None and not (label.startswith("I-") and label[2:] == labels[start][2:]):
            kind = labels[start][2:]
            conf = min(model.marginal(labels[q], q) for q in range(start, p))
            spans.append((start, p, kind, conf))
            start = None
        if label.startswith("B-") or (label.startswith("I-") and start is None):
            start = p
    return spans


def _mention(name: str, kind: str, start: int, end: int) -> Mention:
    etype = TYPES[kind]
    subtype = subtype_of(name) if etype == "Organization" and suffix_of(name) else None
    return Mention(etype, name, start, end, subtype)


def tagged_stage(a: Analysis) -> None:
    text, tokens = a.doc.norm, a.tokens
    starts = [s for _, _, s in tokens]
    taken = sorted((m.start, m.end) for m in a.mentions if m.type != "Industry")
    taken_starts = [s for s, _ in taken]
    reach = list(accumulate((e for _, e in taken), max))  # the furthest end of the mentions so far

    def free(s: int, e: int) -> bool:
        """No rule mention overlaps [s, e): none starting before e reaches past s."""
        i = bisect_left(taken_starts, e)
        return i == 0 or reach[i - 1] <= s

    found: list[Mention] = []
    for lo, hi in a.sentences:
        for wlo in range(lo, hi, _LONGEST):
            whi = min(hi, wlo + _LONGEST)
            for s, e, kind, conf in tag_spans(text[wlo:whi], _window_tokens(tokens, starts, wlo, whi)):
                name = text[wlo + s:wlo + e]
                if conf >= MIN_CONFIDENCE and len(name) >= 2 and name.strip() == name and free(wlo + s, wlo + e):
                    found.append(_mention(name, kind, wlo + s, wlo + e))
    a.mentions.extend(found)
