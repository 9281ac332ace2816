"""Relations between the mentions of one document, from sentence-level cues.

holds_post comes from the title chains people.py parsed; part_of from organisation units;
the rest from a verb or a preposition between two mentions in one sentence.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from .. import lexicon
from ..model import Analysis, Mention, RelationMention
from .people import title_starting_at

ISSUING = re.compile(r"印发|发布|出台|制定|实施|开展|启动|推出|部署|牵头|组织|推进|编制|提出|建立|健全|深化")
ATTENDING = re.compile(r"(?<![工合创制协操写])作[^，。；]{0,4}(?:报告|发言)|出席|参加|主持|讲话|致辞|发言(?!人)|参会|与会|主办|举办|召开|在会上")
CONVENING = re.compile(r"(?:(?:在|于)([^，。；]{1,12}?))?(?:召开|举行|举办|主办)")
# What may stand between listed attendees and their verb besides names and titles
# (…厅长蒋卫东、…副厅长许晓岚出席; 省直有关部门负责同志参加).
_LIST_FILLER = re.compile(r"[，,、和及与等\s]|有关|相关|部门|负责同志|负责人|代表|同志|省直|市直|党组成员|成员|共同|联合")
HELD = re.compile(r"(?:在|于)([^，。；]{1,12}?)(?:召开|举行|举办|开幕|闭幕|隆重开幕|胜利闭幕)")
_MEETING_TAIL = ("会议", "大会", "推进会", "座谈会", "研讨会", "年会", "交流会", "现场会", "对接会", "洽谈会")
_SPOKESPERSON = ("发言人",)  # a spokesperson speaks for the whole body, not the unit they head
_NO_OBJECT = re.compile(r"(?:出席|参加|主持|与会)(?:并|[，,。；]|$)")  # attended, with nothing named: the meeting
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


def _outermost(orgs: list[Mention]) -> list[Mention]:
    """The bodies not nested in another one of the list (国务院国资委, not its tail 国资委)."""
    return [o for o in orgs if not any(p is not o and p.start <= o.start and o.end <= p.end for p in orgs)]


def _parent(a: Analysis, unit: Mention) -> Mention | None:
    """The body a unit's name starts with (国务院新闻办公室|新闻局): the longest such mention."""
    first = bisect_left(a.mentions, unit.start, key=lambda m: m.start)
    last = bisect_left(a.mentions, unit.start + 1, lo=first, key=lambda m: m.start)
    parents = [m for m in a.mentions[first:last] if m.end < unit.end and m.type == "Organization"]
    return max(parents, key=lambda m: m.end, default=None)


def posts(a: Analysis) -> None:
    """A person's titles hold posts in the body before them; a spokesperson who also heads a unit
    speaks for the unit's parent (国务院新闻办公室新闻局副局长、新闻发言人: 国务院新闻办公室)."""
    held: dict[tuple[int, int, int, int, str], tuple[Mention, Mention, list[str]]] = {}
    for person, org, titles in a.roles:
        if org is not None:
            key = (person.start, person.end, org.start, org.end, org.canonical or org.text)
            _, _, known = held.setdefault(key, (person, org, []))
            known.extend(t for t in titles if t not in known)
    for person, org, titles in held.values():
        speaking = [t for t in titles if t.endswith(_SPOKESPERSON)]
        parent = _parent(a, org) if speaking and len(speaking) < len(titles) else None
        if parent is None:
            a.relations.append(_rel(person, "holds_post", org, tuple(titles)))
            continue
        a.relations.append(_rel(person, "holds_post", org, tuple(t for t in titles if t not in speaking)))
        a.relations.append(_rel(person, "holds_post", parent, tuple(speaking)))


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
        orgs = _outermost(_in_sentence(a, sent, "Organization"))
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
            for body in _co_issuers(a.doc.norm, orgs, issuer) if issuer is not None else [default]:
                if body is not None:
                    a.relations.append(_rel(body, "issues", policy, sentence=sent))


_CO_ISSUING = re.compile(r"[、，,和及与]|会同|联合")


def _co_issuers(text: str, orgs: list[Mention], last: Mention) -> list[Mention]:
    """The bodies listed before the issuer share the verb (工业和信息化部、国家发展和改革委员会、
    财政部等七部门联合印发…; 省工业和信息化厅会同省财政厅印发…); ``orgs`` are outermost."""
    out = [last]
    for org in reversed([o for o in orgs if o.end <= last.start]):
        if org.subtype not in ("GovernmentBody", "Association"):
            continue
        if not _CO_ISSUING.fullmatch(text[org.end:out[-1].start]):
            break
        out.append(org)
    return out


AIMING = re.compile(r"[》”]?[，,]?(?:聚焦|面向|围绕|针对|覆盖|涉及|重点支持|支持)")
_LISTED_SECTORS = re.compile(r"[^，。；]{2,60}?等(?:[\u4e00-\u9fff]{0,4})(?:行业|产业|领域|重点行业)")
_POLICY_ANAPHORS = ("方案", "该方案", "《方案》", "计划", "该计划", "意见", "《意见》", "通知", "政策", "行动")


def targets(a: Analysis) -> None:
    """A policy targets the industries its own name carries (机器人+应用行动 → 机器人) and
    those listed after it with an aiming verb (…方案》，聚焦钢铁、有色金属…等重点行业), also in the
    next sentence when it opens by naming the policy again (方案聚焦…)."""
    industries = [m for m in a.mentions if m.type == "Industry"]
    for policy in (m for m in a.mentions if m.type == "Policy"):
        for ind in industries:
            if policy.start <= ind.start and ind.end <= policy.end:
                a.relations.append(_rel(policy, "targets", ind))
    text = a.doc.norm
    last: Mention | None = None
    for sent in a.sentences:
        policies = _in_sentence(a, sent, "Policy")
        if not policies and last is not None and not text.startswith(_POLICY_ANAPHORS, sent[0]):
            last = None
        for policy in policies or ([last] if last is not None else []):
            at = max(policy.end, sent[0])
            aim = AIMING.match(text, at) or (AIMING.search(text, sent[0], sent[0] + 8) if not policies else None)
            listed = _LISTED_SECTORS.match(text, aim.end()) if aim else None
            if listed:
                for ind in _in_sentence(a, (aim.end(), listed.end()), "Industry"):
                    a.relations.append(_rel(policy, "targets", ind, sentence=sent))
        last = policies[-1] if policies else last


def locations(a: Analysis) -> None:
    text = a.doc.norm
    for sent in a.sentences:
        places = _in_sentence(a, sent, "Location")
        events = _in_sentence(a, sent, "Event")
        for m in HELD.finditer(text, sent[0], sent[1]):
            place = next((p for p in places if m.start(1) <= p.start and p.end <= m.end(1)), None)
            event = next((e for e in reversed(events) if e.end <= m.start()), None) \
                or next((e for e in events if 0 <= e.start - m.end() <= 16), None)  # 在郑州召开全省…会议
            if place and event:
                a.relations.append(_rel(event, "located_in", place))


def main_meeting(a: Analysis, kinds: tuple[str, ...] = _MEETING_TAIL) -> Mention | None:
    """The meeting a report is about: the first of its kind it names (the dateline sentence)."""
    return next((m for m in a.mentions if m.type == "Event" and (m.canonical or m.text).endswith(kinds)), None)


def _listed_before(text: str, start: int, end: int, names: list[Mention]) -> bool:
    """Only names, titles and list words stand in text[start:end]: the names before it are
    one list that shares the verb after it (孟庆华，…司长欧阳明德，…钟景涛出席发布会)."""
    rest, pos = [], start
    for m in names:
        if start <= m.start and m.end <= end and m.start >= pos:
            rest.append(text[pos:m.start])
            pos = m.end
    rest.append(text[pos:end])
    left, i, kept = _LIST_FILLER.sub("", "".join(rest)), 0, 0
    while i < len(left):
        title = title_starting_at(left, i)
        kept += 0 if title else 1
        i += len(title) if title else 1
    return kept <= 1  # 部新闻发言人: the ministry's 部


def _attended(a: Analysis, sent: tuple[int, int], who: Mention, names: list[Mention],
              meeting: Mention | None) -> Mention | None:
    """The event ``who`` attends, chairs or speaks at, as the verb after it (or after the list
    it stands in) says: an event named later in the sentence, or the report's own meeting."""
    text = a.doc.norm
    tail = text[who.end:sent[1]]
    verb = ATTENDING.search(tail)
    if not verb:
        return None
    between = any(who.end <= n.start and n.end <= who.end + verb.start() for n in names)
    if (verb.start() > 12 or between) and not _listed_before(text, who.end, who.end + verb.start(), names):
        return None  # the verb is someone else's (张三邀请李四出席), unless a list of names shares it
    after = tail[verb.start():verb.start() + 12]
    named = next((e for e in _in_sentence(a, sent, "Event") if e.start >= who.end + verb.start()), None)
    if named is not None:
        return named
    if "发布会" in after:  # a press conference is not the meeting a report speaks of
        return main_meeting(a, ("发布会",))
    at_meeting = any(t in after for t in _MEETING_TAIL + ("会上", "开幕式", "闭幕式", "仪式")) \
        or verb.group().startswith("作") or text.startswith(("会上", "会议上"), sent[0]) \
        or _NO_OBJECT.match(after) is not None  # 会上，…作交流发言; …出席并讲话
    return meeting if at_meeting else None


def participation(a: Analysis) -> None:
    """People who attend, chair or speak at an event, and bodies that convene it (工信厅在郑州
    召开…会议) or send their people to it (…等部门负责同志参加会议)."""
    meeting = main_meeting(a)
    for sent in a.sentences:
        people = _in_sentence(a, sent, "Person")
        orgs = _in_sentence(a, sent, "Organization")
        names = sorted(people + orgs, key=lambda m: m.start)
        for who in people + _outermost(orgs):
            convening = CONVENING.match(a.doc.norm, who.end, sent[1]) if who.type == "Organization" else None
            if convening:  # 河南省工业和信息化厅在郑州召开全省…工作会议: the event right after the verb
                target = next((e for e in _in_sentence(a, sent, "Event") if 0 <= e.start - convening.end() <= 16), None)
            elif who.type == "Organization" and any(p.start >= who.end for p in people):
                continue  # an official's body, not an attendee: 工业和信息化部副部长孟庆华出席
            else:
                target = _attended(a, sent, who, names, meeting)
            if target is not None:
                a.relations.append(_rel(who, "participates_in", target, sentence=sent))


_DEPARTMENT = re.compile(r"[\u4e00-\u9fff]{2,10}(?:[一二三四五六七八九]司|司|局)$")


def departments(a: Analysis) -> None:
    """A bare department (运行监测协调局, 装备工业一司) in a sentence that names a ministry
    before it (工业和信息化部副部长…，…运行监测协调局局长…) is one of that ministry's."""
    known = lexicon.organizations()
    places = lexicon.locations()
    for sent in a.sentences:
        ministry = None
        for org in _in_sentence(a, sent, "Organization"):
            name = org.canonical or org.text
            if org.subtype == "GovernmentBody" and name.endswith("部") and name in known:
                ministry = org
            elif ministry is not None and _DEPARTMENT.match(org.text) and org.text not in known \
                    and not org.text.startswith(("国家", "中国", "中华", "全国")) \
                    and org.text[:2] not in places and org.text[:3] not in places \
                    and org.start >= ministry.end:
                a.relations.append(_rel(org, "part_of", ministry, sentence=sent))


def relations_stage(a: Analysis) -> None:
    posts(a)
    departments(a)
    issues(a)
    targets(a)
    locations(a)
    participation(a)
