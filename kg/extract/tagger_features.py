"""What the statistical name tagger sees of each character.

One function serves training (``kg.train_tagger``) and tagging (``kg.extract.tagged``), so the
two cannot drift apart. Features are characters around the position, the jieba word the
character sits in (its part of speech, where in the word the character is, how common jieba
finds it), the words and tags either side, and whether a post or an occupation stands next to
it: the same evidence the rules read, weighed by a model instead of by hand.
"""
from __future__ import annotations

from math import log10

from .. import lexicon
from .segment import frequency

Token = tuple[str, str, int]  # (word, POS tag, start offset in the sentence)


def _kind(ch: str) -> str:
    if "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff":
        return "h"
    if ch.isascii() and ch.isalpha():
        return "a"
    if ch.isdigit():
        return "d"
    if ch.isspace():
        return "s"
    return "p"


def _word_shape(word: str) -> str:
    return "".join(sorted(set(_kind(c) for c in word)))


def _commonness(word: str) -> str:
    """How common jieba's dictionary finds the word, in powers of ten: common words are no names."""
    f = frequency(word)
    return "0" if f == 0 else str(min(5, int(log10(f)) + 1))


def _cue(word: str) -> str:
    """Whether the word is a post (部长) or an occupation (导演): the words that sit next to names."""
    return "t" if word in lexicon.titles() else "r" if word in lexicon.roles() else "-"


def sentence_features(text: str, tokens: list[Token]) -> list[list[str]]:
    """One list of feature strings per character of ``text``; ``tokens`` cover it in order."""
    n = len(text)
    word_of = [0] * n  # index into tokens of the word holding each character
    for i, (word, _, start) in enumerate(tokens):
        for p in range(start, min(n, start + len(word))):
            word_of[p] = i
    surnames = lexicon.surnames()
    pad = "^^" + text + "$$"
    out: list[list[str]] = []
    for p in range(n):
        c = p + 2  # index into pad
        ti = word_of[p]
        word, tag, start = tokens[ti] if tokens else (text[p], "x", p)
        at = "S" if len(word) == 1 else "B" if p == start else "E" if p == start + len(word) - 1 else "M"
        prev_tag = tokens[ti - 1][1] if ti > 0 else "^"
        next_tag = tokens[ti + 1][1] if ti + 1 < len(tokens) else "$"
        prev_word = tokens[ti - 1][0] if ti > 0 else "^"
        next_word = tokens[ti + 1][0] if ti + 1 < len(tokens) else "$"
        tag2 = (tokens[ti - 2][1] if ti > 1 else "^") + "|" + (tokens[ti + 2][1] if ti + 2 < len(tokens) else "$")
        feats = [
            "c=" + pad[c], "c-1=" + pad[c - 1], "c+1=" + pad[c + 1], "c-2=" + pad[c - 2], "c+2=" + pad[c + 2],
            "b-1=" + pad[c - 1:c + 1], "b+1=" + pad[c:c + 2], "t=" + pad[c - 1:c + 2],
            "k=" + _kind(pad[c]), "k-1=" + _kind(pad[c - 1]) + _kind(pad[c + 1]),
            "pos=" + tag, "at=" + at + tag, "len=" + str(min(len(word), 5)) + at,
            "pw=" + prev_tag + "|" + next_tag, "pw2=" + tag2, "shape=" + _word_shape(word),
            "fq=" + _commonness(word) + at, "cue=" + _cue(prev_word) + _cue(next_word),
        ]
        if at == "B" or at == "S":
            feats.append("pwd=" + prev_word[-2:])
        if at == "E" or at == "S":
            feats.append("nwd=" + next_word[:2])
        if len(word) <= 4:
            feats.append("w=" + word)
        if pad[c] in surnames:
            feats.append("sur")
        out.append(feats)
    return out
