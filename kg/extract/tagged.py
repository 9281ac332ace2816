"""The statistical names stage: a CRF finds the people, bodies and places no rule cued.

Rules are precise where a cue exists (a title, a legal form, a suffix); news text often
names without one (托蒂在罗马主场…, 招行表示…). The model, trained by ``kg.train_tagger`` on
the project's own corpus, reads each sentence character by character; its names are kept
only where no rule found anything overlapping and where ``tag_filter`` finds them
plausible, so the rules keep the last word on every name they found. In policy prose, the
rules' own genre, the stage adds nothing.
"""
from __future__ import annotations

from bisect import bisect_left
from functools import cache
from importlib import resources

from ..model import Analysis, Mention
from .organizations import subtype_of, suffix_of
from .reach import SpanReach
from .tagger_features import Token, sentence_features
from . import tag_filter

TYPES = {"P": "Person", "O": "Organization", "L": "Location"}
POLICY_INDUSTRIES = 5  # Industry mentions per 1000 characters from which a text is policy prose
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


def is_policy_prose(a: Analysis) -> bool:
    """Whether the document is industrial-policy prose, where the stage stays silent.

    The rules were built on that genre and know its names; the model, trained on news, marks
    its programme words instead (智能化, 网联云控, 兴边富民). Industry mentions tell the genres
    apart: policy texts hold 18–30 per 1000 characters, news and résumés under one.
    """
    industries = sum(m.type == "Industry" for m in a.mentions)
    return industries * 1000 >= POLICY_INDUSTRIES * max(1, len(a.doc.norm))


def tagged_stage(a: Analysis) -> None:
    """Add the model's confident, plausible names where no rule mention lies."""
    if is_policy_prose(a):
        return
    text, tokens = a.doc.norm, a.tokens
    starts = [s for _, _, s in tokens]
    taken = SpanReach((m.start, m.end) for m in a.mentions if m.type != "Industry")

    def free(s: int, e: int) -> bool:
        """No rule mention overlaps [s, e): none starting before e reaches past s."""
        return taken.furthest_end(e) <= s

    found: list[Mention] = []
    for lo, hi in a.sentences:
        for wlo in range(lo, hi, _LONGEST):
            whi = min(hi, wlo + _LONGEST)
            words = _window_tokens(tokens, starts, wlo, whi)
            for s, e, kind, conf in tag_spans(text[wlo:whi], words):
                if free(wlo + s, wlo + e) and tag_filter.plausible(text[wlo:whi], words, s, e, kind, conf):
                    found.append(_mention(text[wlo + s:wlo + e], kind, wlo + s, wlo + e))
    a.mentions.extend(found)
