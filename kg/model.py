"""The data model every stage and writer shares: documents, spans, entities, facts.

Offsets in a :class:`Span` always point into the document text as read from disk
(UTF-8 decoded), end exclusive, so provenance survives normalisation.
Stages work on the normalised text and convert through :class:`Document.span`.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

ENTITY_TYPES = ("Person", "Organization", "Industry", "Policy", "Location", "Event")
ORG_SUBTYPES = ("GovernmentBody", "Company", "Association", "Academic", "Media", "Other")
SENTENCE_STOPS = ("。", "！", "？", "；", "\n")
SENTENCE_REACH = 200  # characters a sentence may reach beyond its span on either side
_STOP_RE = re.compile("|".join(map(re.escape, SENTENCE_STOPS)))
PREDICATES = ("holds_post", "part_of", "issues", "targets", "located_in", "participates_in")

# Which entity types each predicate joins (subject types, object types).
SIGNATURES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "holds_post": (("Person",), ("Organization",)),
    "part_of": (("Organization",), ("Organization",)),
    "issues": (("Organization",), ("Policy",)),
    "targets": (("Policy",), ("Industry",)),
    "located_in": (("Organization", "Event"), ("Location",)),
    "participates_in": (("Person", "Organization"), ("Event",)),
}


@dataclass(frozen=True, order=True)
class Span:
    """A stretch of one source document, in original-text offsets."""

    doc: str
    start: int
    end: int


@dataclass
class Document:
    """One source document: its original text and the normalised view stages read."""

    name: str
    text: str
    sha256: str
    norm: str = ""
    # offsets[i] is the original offset of norm[i]; offsets[len(norm)] == len(text)
    offsets: list[int] = field(default_factory=list)
    year: int | None = None  # the year the document speaks from (今年), if known

    def span(self, start: int, end: int) -> Span:
        """Map a [start, end) range of the normalised text to an original-text Span."""
        if end <= start:
            raise ValueError(f"empty span {start}:{end} in {self.name}")
        return Span(self.name, self.offsets[start], self.offsets[end - 1] + 1)

    @cached_property
    def _stops(self) -> list[int]:
        """Where the text's sentence stops are, found once so each sentence is a bisection."""
        return [m.start() for m in _STOP_RE.finditer(self.text)]

    def sentence_of(self, span: Span, reach: int | None = SENTENCE_REACH) -> Span:
        """The original-text sentence around ``span``: what a reader needs to judge a fact.

        At most ``reach`` characters on each side of the span, so text without sentence stops
        (one huge line) cannot copy the whole document into every mention; ``reach=None`` is
        the whole sentence however long, so every span in it gets the same one.
        """
        text, stops = self.text, self._stops
        lo, hi = (0, len(text)) if reach is None else (max(0, span.start - reach), min(len(text), span.end + reach))
        before = bisect_left(stops, span.start) - 1
        start = stops[before] + 1 if before >= 0 and stops[before] >= lo else lo
        # from the span's last character: a span that ends with 。 ends its sentence there
        after = bisect_left(stops, span.end - 1)
        end = stops[after] + 1 if after < len(stops) and stops[after] < hi else hi
        while start < span.start and text[start].isspace():
            start += 1
        while end > span.end and text[end - 1] in "\n\r \t":
            end -= 1
        return Span(self.name, start, max(end, span.end))


@dataclass
class Mention:
    """A name found in a document (normalised offsets), before resolution."""

    type: str
    text: str
    start: int
    end: int
    subtype: str | None = None
    canonical: str | None = None  # a fuller name the mention stands for (工信部 → 工业和信息化部)


@dataclass
class RelationMention:
    """A relation stated in one sentence, between mention texts, before resolution."""

    subject: Mention
    predicate: str
    object: Mention
    start: int
    end: int
    roles: tuple[str, ...] = ()


@dataclass
class MetricMention:
    """A quantity stated in one document (normalised offsets), before resolution."""

    indicator: str
    value: Decimal
    unit: str | None
    start: int
    end: int
    measure: str | None = None
    period: str | None = None
    qualifier: str | None = None
    subject: Mention | None = None


@dataclass
class Entity:
    """A resolved entity: one node, however many names and mentions it has."""

    id: str  # stable local key; writers turn it into an IRI
    type: str
    label: str
    subtype: str | None = None
    aliases: set[str] = field(default_factory=set)
    mentions: set[Span] = field(default_factory=set)


@dataclass
class Relation:
    subject: str  # entity id
    predicate: str
    object: str  # entity id
    roles: set[str] = field(default_factory=set)
    evidence: set[Span] = field(default_factory=set)

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.subject, self.predicate, self.object)


def canonical_decimal(value: Decimal) -> Decimal:
    """The value without trailing zeros or exponent (6.20E+8 → 620000000, 3.50 → 3.5).

    RDF stores canonicalise xsd:decimal this way; writing it so keeps exports and stores equal.
    """
    value = Decimal(value)
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return Decimal(format(value.normalize(), "f"))


@dataclass
class Metric:
    id: str
    indicator: str
    value: Decimal
    unit: str | None
    measure: str | None
    period: str | None
    qualifier: str | None
    subject: str | None  # entity id
    evidence: set[Span] = field(default_factory=set)


@dataclass
class KnowledgeGraph:
    """The resolved graph of a corpus: what every writer serialises."""

    documents: dict[str, Document] = field(default_factory=dict)
    entities: dict[str, Entity] = field(default_factory=dict)
    relations: dict[tuple[str, str, str], Relation] = field(default_factory=dict)
    metrics: dict[str, Metric] = field(default_factory=dict)

    def sorted_entities(self) -> list[Entity]:
        return [self.entities[k] for k in sorted(self.entities)]

    def sorted_relations(self) -> list[Relation]:
        return [self.relations[k] for k in sorted(self.relations)]

    def sorted_metrics(self) -> list[Metric]:
        return [self.metrics[k] for k in sorted(self.metrics)]


@dataclass
class Analysis:
    """What the per-document stages know about one document; each stage adds to it."""

    doc: Document
    sentences: list[tuple[int, int]] = field(default_factory=list)  # normalised offsets
    tokens: list[tuple[str, str, int]] = field(default_factory=list)  # (word, POS tag, start)
    mentions: list[Mention] = field(default_factory=list)
    relations: list[RelationMention] = field(default_factory=list)
    metrics: list[MetricMention] = field(default_factory=list)
    roles: list[tuple[Mention, Mention, tuple[str, ...]]] = field(default_factory=list)  # person, org, titles

    def sentence_of(self, pos: int) -> tuple[int, int]:
        """The sentence (start, end) containing normalised offset ``pos`` (sentences are sorted)."""
        i = bisect_right(self.sentences, (pos, float("inf"))) - 1
        if i >= 0 and self.sentences[i][0] <= pos < self.sentences[i][1]:
            return self.sentences[i]
        return (0, len(self.doc.norm))
