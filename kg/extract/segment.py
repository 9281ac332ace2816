"""Word segmentation and POS tags (jieba), with our lexicons added so names stay whole."""
from __future__ import annotations

import logging
from functools import cache

from .. import lexicon
from ..model import Analysis


@cache
def tagger():
    """A private jieba tokenizer (the global one is left alone), loaded on first use."""
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    tok.initialize()
    for name in lexicon.organizations():
        tok.add_word(name, 1000, "nt")
    for name in lexicon.locations():
        if len(name) > 1:
            tok.add_word(name, 1000, "ns")
    for name in lexicon.industries():
        tok.add_word(name, 1000, "n")
    for name in lexicon.compounds():
        tok.add_word(name, 1000, "n")
    for name in lexicon.titles():
        tok.add_word(name, 1000, "nnt")
    return jieba.posseg.POSTokenizer(tok)


def frequency(word: str) -> int:
    """How often jieba's dictionary saw ``word``: common words are clause words, not coined names."""
    return tagger().tokenizer.FREQ.get(word, 0)


def segment(text: str) -> list[tuple[str, str, int]]:
    """(word, POS tag, start) for every word of ``text``: what the stages and the tagger's
    training both read."""
    pos = 0
    tokens = []
    for pair in tagger().lcut(text, HMM=True):
        tokens.append((pair.word, pair.flag, pos))
        pos += len(pair.word)
    return tokens


def segment_stage(a: Analysis) -> None:
    a.tokens = segment(a.doc.norm)
