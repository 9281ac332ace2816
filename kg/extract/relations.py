"""Relations between the mentions of one document, from sentence-level cues.

holds_post comes from the title chains people.py parsed; part_of from organisation units;
the rest from a verb or a preposition between two mentions in one sentence.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from ..model import Analysis, Mention, RelationMention

ISSUING = re.compile(r"印发|发布|出台|制定|实施|开展|启动|推出|部署|牵头|组织|推进|编制|提出|建立|健全|深化")
ATTENDING = re.compile(r"出席|参加|主持|讲话|致辞|发言|参会|与会|主办|举办|召开")
HELD = re.compile(r"(?:在|于)([^，。；]{1,12}?)(?:召开|举行|举办|开幕|闭幕|隆重开幕|胜利闭幕)")
_MEETING_TAIL = ("会议", "大会")
# Executive bodies issue policies; party and legislative bodies are mentioned far more often
# in these reports (党中央、国务院决策部署) without being the issuer of what follows.
_EXECUTIVE_TAILS = ("部", "局", "委员会", "委", "厅", "署", "办公室", "总局")


def _rel(subject: Mention, predicate: str, obj: Mention, roles: tuple[str, ...] = (),
         sentence: tuple[int, int] | None = None) -> RelationMention:
    """The evidence is the stretch from one mention to the other, or the stating sentence when
    one side stands outside it (the report's own issuer or meeting, named elsewhere)."""
    start, end = min(subject.start, obj.start), max(subject.end, obj.end)
    if sentence is not None and (start < sentence[0] or end > sentence[1]):
        start, end = sentence
    return RelationMention(subject, predicate, obj, start, end, roles)


def _in_sentence(a: Analysis, sent: tuple[int, int], etype: str) -> list[Mention]:
    """The mentions of ``etype`` inside ``sent``; the mentions stage left them sorted by start,
    so a long document costs a search per sentence, not a scan."""
    first = bisect_left(a.mentions, sent[0], key=lambda m: m.start)
    last = bisect_left(a.mentions, sent[1], lo=first, key=lambda m: m.start)
    return [m for m in a.mentions[first:last] if m.type == etype and m.end <= sent[1]]


def posts(a: Analysis) -> None:
    for person, org, titles in a.roles:
        if org is not None:
            a.relations.append(_rel(person, "holds_post", org, titles))


def main_issuer(a: Analysis) -> Mention | None:
    """The government body the document speaks for: the most-mentioned one, if any."""
    counts: dict[str, list[Mention]] = {}
    for m in a.mentions:
        name = m.canonical or m.text
        if m.type == "Organization" and m.subtype == "GovernmentBody" and len(name) > 2 \
                and name.endswith(_EXECUTIVE_TAILS):
            counts.setdefault(m.canonical or m.text, []).append(m)
    if not counts:
        return None
    name = max(sorted(counts), key=lambda k: len(counts[k]))
    return counts[name][0] if len(counts[name]) >= 2 else None


def issues(a: Analysis) -> None:
    default = main_issuer(a)
    for sent in a.sentences:
        orgs = _in_sentence(a, sent, "Organization")
        people = _in_sentence(a, sent, "Person")
        for policy in _in_sentence(a, sent, "Policy"):
            before = a.doc.norm[sent[0]:policy.start]
            if not ISSUING.search(before[-12:]):
                continue
            issuer = next((o for o in reversed(orgs) if o.end <= policy.start
                           and o.subtype in ("GovernmentBody", "Association")
                           and ISSUING.search(a.doc.norm[o.end:policy.start])
                           and len(a.doc.norm[o.end:policy.start]) <= 10
                           and not any(p.start >= o.end and p.end <= policy.start for p in people)), None)
            issuer = issuer or default
            if issuer is not None:
                a.relations.append(_rel(issuer, "issues", policy, sentence=sent))


def targets(a: Analysis) -> None:
    """A policy targets the industries its own name carries (机器人+应用行动 → 机器人)."""
    industries = [m for m in a.mentions if m.type == "Industry"]
    for policy in (m for m in a.mentions if m.type == "Policy"):
        for ind in industries:
            if policy.start <= ind.start and ind.end <= policy.end:
                a.relations.append(_rel(policy, "targets", ind))


def locations(a: Analysis) -> None:
    text = a.doc.norm
    for sent in a.sentences:
        places = _in_sentence(a, sent, "Location")
        events = _in_sentence(a, sent, "Event")
        for m in HELD.finditer(text, sent[0], sent[1]):
            place = next((p for p in places if m.start(1) <= p.start and p.end <= m.end(1)), None)
            event = next((e for e in reversed(events) if e.end <= m.start()), None)
            if place and event:
                a.relations.append(_rel(event, "located_in", place))


def main_meeting(a: Analysis) -> Mention | None:
    """The meeting a report is about: the first 会议/大会 it names (the dateline sentence)."""
    return next((m for m in a.mentions if m.type == "Event" and (m.canonical or m.text).endswith(_MEETING_TAIL)),
                None)


def participation(a: Analysis) -> None:
    """People who attend, chair or speak at an event named in the sentence, or at the report's meeting (会议)."""
    text = a.doc.norm
    meeting = main_meeting(a)
    for sent in a.sentences:
        events = _in_sentence(a, sent, "Event")
        people = _in_sentence(a, sent, "Person")
        for person in people:
            tail = text[person.end:sent[1]]
            verb = ATTENDING.search(tail[:12])
            if not verb:
                continue
            target = next((e for e in events if e.start >= person.end), None) or \
                (meeting if "会议" in tail[:16] or "大会" in tail[:16] else None)
            if target is not None:
                a.relations.append(_rel(person, "participates_in", target, sentence=sent))


def relations_stage(a: Analysis) -> None:
    posts(a)
    issues(a)
    targets(a)
    locations(a)
    participation(a)
