"""Corpus-level resolution: mentions become entities, relation and metric mentions become facts.

One entity per (type, name) after joining the forms that name the same thing: lexicon
aliases (工信部 = 工业和信息化部), parenthesised short names, legal-form suffixes
(天合光能 = 天合光能股份有限公司). The same metric fact stated in several documents is one
node with several evidence spans.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict

from .model import (SIGNATURES, Analysis, Entity, KnowledgeGraph, Mention, Metric, Relation,
                    canonical_decimal)

LEGAL_FORMS = ("控股股份有限公司", "股份有限公司", "集团有限公司", "有限责任公司", "有限公司", "股份公司")
SELF_REFERENCES = {"本报", "本台", "本刊"}


def key_of(m: Mention) -> tuple[str, str]:
    return (m.type, m.canonical or m.text)


class _Names:
    """Union-find over (type, name) keys."""

    def __init__(self) -> None:
        self.parent: dict[tuple[str, str], tuple[str, str]] = {}

    def find(self, k: tuple[str, str]) -> tuple[str, str]:
        self.parent.setdefault(k, k)
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def union(self, keep: tuple[str, str], other: tuple[str, str]) -> None:
        a, b = self.find(keep), self.find(other)
        if a != b:
            self.parent[b] = a


def _legal_short(name: str) -> str | None:
    for form in LEGAL_FORMS:
        if name.endswith(form) and len(name) - len(form) >= 2:
            return name[: -len(form)]
    return None


def _self_reference_target(analyses: list[Analysis]) -> tuple[str, str] | None:
    """本报 names the newspaper the corpus comes from: its most-mentioned media organisation."""
    media = Counter(key_of(m) for a in analyses for m in a.mentions
                    if m.type == "Organization" and m.subtype == "Media" and m.text not in SELF_REFERENCES)
    return min(media, key=lambda k: (-media[k], k)) if media else None


def entity_id(key: tuple[str, str]) -> str:
    return f"{key[0]}/{key[1]}"


def propagate_people(analyses: list[Analysis]) -> None:
    """A name found as a person in one document is a person wherever it stands unclaimed."""
    names = sorted({m.text for a in analyses for m in a.mentions if m.type == "Person"})
    for a in analyses:
        taken = [(m.start, m.end) for m in a.mentions]
        for name in names:
            for occ in re.finditer(re.escape(name), a.doc.norm):
                if not any(s < occ.end() and occ.start() < e for s, e in taken):
                    a.mentions.append(Mention("Person", name, occ.start(), occ.end()))
                    taken.append((occ.start(), occ.end()))


def resolve(analyses: list[Analysis]) -> KnowledgeGraph:
    propagate_people(analyses)
    kg = KnowledgeGraph()
    for a in analyses:
        kg.documents[a.doc.name] = a.doc
    names = _Names()
    keys = {key_of(m) for a in analyses for m in a.mentions}
    orgs = {k[1] for k in keys if k[0] == "Organization"}
    for k in sorted(keys):
        names.find(k)
        short = _legal_short(k[1]) if k[0] == "Organization" else None
        if short and short in orgs:
            names.union(k, ("Organization", short))
    press = _self_reference_target(analyses)
    if press:
        for ref in SELF_REFERENCES:
            names.union(press, ("Organization", ref))

    def entity_for(m: Mention) -> Entity | None:
        root = names.find(key_of(m))
        if root[1] in SELF_REFERENCES:
            return None
        eid = entity_id(root)
        ent = kg.entities.get(eid)
        if ent is None:
            ent = kg.entities[eid] = Entity(eid, root[0], root[1])
        return ent

    subtypes: dict[str, Counter] = defaultdict(Counter)
    for a in analyses:
        for m in a.mentions:
            ent = entity_for(m)
            if ent is None:
                continue
            if m.text not in SELF_REFERENCES:
                ent.mentions.add(a.doc.span(m.start, m.end))
                if m.text != ent.label:
                    ent.aliases.add(m.text)
            if m.subtype:
                subtypes[ent.id][m.subtype] += 1
    for eid, counts in subtypes.items():
        kg.entities[eid].subtype = min(counts, key=lambda s: (-counts[s], s))
    facts: dict[tuple, list[Metric]] = defaultdict(list)
    for a in analyses:
        _relations(kg, a, entity_for)
        _metrics(kg, a, entity_for, facts)
    # entities reached only through a relation endpoint have no mention: drop them and their facts
    kg.entities = {k: e for k, e in kg.entities.items() if e.mentions}
    kg.relations = {k: r for k, r in kg.relations.items()
                    if r.subject in kg.entities and r.object in kg.entities}
    for met in kg.metrics.values():
        if met.subject not in kg.entities:
            met.subject = None
    return kg


def _relations(kg: KnowledgeGraph, a: Analysis, entity_for) -> None:
    for rm in a.relations:
        s, o = entity_for(rm.subject), entity_for(rm.object)
        if s is None or o is None or s.id == o.id:
            continue
        subj_types, obj_types = SIGNATURES[rm.predicate]
        if s.type not in subj_types or o.type not in obj_types:
            continue
        rel = kg.relations.setdefault((s.id, rm.predicate, o.id), Relation(s.id, rm.predicate, o.id))
        rel.roles.update(rm.roles)
        rel.evidence.add(a.doc.span(rm.start, rm.end))


def _overlap(x: str, y: str, of=min) -> float:
    """Shared characters over the smaller (``of=min``) or the larger (``of=max``) indicator."""
    return len(set(x) & set(y)) / max(1, of(len(set(x)), len(set(y))))


def _same_fact(known: Metric, mm, doc: str) -> bool:
    """Another document's statement of this fact: a like indicator, and the same period or one
    of the two silent about it (value, unit and subject are the lookup key). Without a period to
    agree on, the indicators must be alike as wholes: a short one inside a long one is not enough
    (全国已建成5G工厂 is not 全国已有原材料企业建成数字化车间或智能工厂)."""
    if not all(e.doc != doc for e in known.evidence):
        return False
    if known.period == mm.period is not None:
        return _overlap(known.indicator, mm.indicator) >= 0.6
    return None in (known.period, mm.period) and _overlap(known.indicator, mm.indicator, max) >= 0.6


def _metrics(kg: KnowledgeGraph, a: Analysis, entity_for, facts: dict[tuple, list[Metric]]) -> None:
    """Metric mentions become metrics; one already stated in another document gains evidence."""
    for mm in a.metrics:
        subject = entity_for(mm.subject) if mm.subject is not None else None
        sid = subject.id if subject else None
        span = a.doc.span(mm.start, mm.end)
        fact = (mm.value, mm.unit, sid)
        same = next((m for m in facts[fact] if _same_fact(m, mm, a.doc.name)), None)
        if same is not None:  # the same fact from another document; one may not say when
            same.evidence.add(span)
            same.period = same.period or mm.period
            continue
        digest = hashlib.sha1(f"{mm.indicator}|{mm.value}|{mm.unit}|{mm.period}|{sid}|{span.doc}|{span.start}"
                              .encode("utf-8")).hexdigest()[:16]
        kg.metrics[digest] = Metric(digest, mm.indicator, canonical_decimal(mm.value), mm.unit, mm.measure, mm.period,
                                    mm.qualifier, sid, {span})
        facts[fact].append(kg.metrics[digest])
