"""A part of a knowledge graph for viewing: some entity types, or the neighbourhood of a name.

Names are resolved the way a reader writes them, by label or by alias (工信部 finds
工业和信息化部); a name that matches nothing is an error that lists the closest names.
"""
from __future__ import annotations

import difflib
from collections import deque
from dataclasses import dataclass

from .errors import E_OPTION, E_UNKNOWN_NAME, error
from .model import ENTITY_TYPES, KnowledgeGraph

__all__ = ["Selection", "select", "parse_types", "check_depth", "resolve_name"]

# What a reader may type for each type in --types, besides the English name.
TYPE_NAMES: dict[str, str] = {
    "人物": "Person", "机构": "Organization", "产业": "Industry",
    "政策": "Policy", "地点": "Location", "事件": "Event",
}
CLOSE_MATCHES = 5


@dataclass
class Selection:
    """The chosen part of a graph, the entities it centres on, and a heading that says what it
    is (None for the whole graph: the writer's own heading)."""

    kg: KnowledgeGraph
    focus: tuple[str, ...]
    heading: str | None


def parse_types(text: str) -> tuple[str, ...]:
    """``Person,机构`` → ("Organization", "Person"); any case, English or Chinese names."""
    known = {t.lower(): t for t in ENTITY_TYPES} | TYPE_NAMES
    chosen, unknown = set(), []
    for part in (p.strip() for p in text.split(",")):
        if part.lower() in known:
            chosen.add(known[part.lower()])
        elif part:
            unknown.append(part)
    if unknown or not chosen:
        raise error(E_OPTION, f"unknown entity type {', '.join(map(repr, unknown)) or repr(text)}; "
                              f"known: {', '.join(ENTITY_TYPES)} (or {'、'.join(TYPE_NAMES)})")
    return tuple(sorted(chosen))


def check_depth(depth: int) -> None:
    if depth < 0:
        raise error(E_OPTION, f"--depth must be 0 or more, not {depth}")


def resolve_name(kg: KnowledgeGraph, name: str) -> tuple[str, ...]:
    """Ids of the entities labelled ``name``; failing that, of those with it as an alias."""
    wanted = name.strip().casefold()
    for names_of in (lambda e: {e.label}, lambda e: e.aliases):
        found = tuple(sorted(e.id for e in kg.entities.values()
                             if wanted in {n.casefold() for n in names_of(e)}))
        if found:
            return found
    raise error(E_UNKNOWN_NAME, f"no entity is named {name!r}" + _suggestions(kg, name.strip()))


def _suggestions(kg: KnowledgeGraph, name: str) -> str:
    names = sorted({n for e in kg.entities.values() for n in (e.label, *e.aliases)})
    close = difflib.get_close_matches(name, names, n=CLOSE_MATCHES, cutoff=0.5)
    containing = [n for n in names if name and (name in n or n in name) and n not in close]
    picked = (close + sorted(containing, key=lambda n: (abs(len(n) - len(name)), n)))[:CLOSE_MATCHES]
    return f"; close names: {', '.join(picked)}" if picked else "; no close names"


def select(kg: KnowledgeGraph, focus: str | None = None, depth: int = 1,
           types: tuple[str, ...] | None = None) -> Selection:
    """Entities of ``types`` (all when None), and when ``focus`` is given only those within
    ``depth`` relations of it (the focus itself whatever its type); the relations among them,
    the metrics about them and the documents their evidence cites."""
    check_depth(depth)
    if focus is None and types is None:
        return Selection(kg, (), None)
    allowed = {e.id for e in kg.entities.values() if types is None or e.type in types}
    roots = resolve_name(kg, focus) if focus is not None else ()
    keep = _within(kg, roots, depth, allowed | set(roots)) if roots else allowed
    part = KnowledgeGraph(
        entities={i: kg.entities[i] for i in sorted(keep)},
        relations={k: r for k, r in sorted(kg.relations.items()) if r.subject in keep and r.object in keep},
        metrics={k: m for k, m in sorted(kg.metrics.items()) if m.subject in keep},
    )
    cited = {s.doc for e in part.entities.values() for s in e.mentions} \
        | {s.doc for r in part.relations.values() for s in r.evidence} \
        | {s.doc for m in part.metrics.values() for s in m.evidence}
    part.documents = {name: doc for name, doc in sorted(kg.documents.items()) if name in cited}
    labels = "、".join(sorted({kg.entities[root].label for root in roots}))
    return Selection(part, roots, _heading(kg, part, labels, depth, types))


def _within(kg: KnowledgeGraph, roots: tuple[str, ...], depth: int, allowed: set[str]) -> set[str]:
    """Breadth-first over relations in either direction, through allowed entities only."""
    neighbours: dict[str, set[str]] = {}
    for r in kg.relations.values():
        if r.subject in allowed and r.object in allowed:
            neighbours.setdefault(r.subject, set()).add(r.object)
            neighbours.setdefault(r.object, set()).add(r.subject)
    distance = {root: 0 for root in roots}
    queue = deque(roots)
    while queue:
        node = queue.popleft()
        if distance[node] < depth:
            for other in sorted(neighbours.get(node, ())):
                if other not in distance:
                    distance[other] = distance[node] + 1
                    queue.append(other)
    return set(distance)


def _heading(kg: KnowledgeGraph, part: KnowledgeGraph, labels: str | None, depth: int,
             types: tuple[str, ...] | None) -> str:
    scope = [f"「{labels}」{depth} 步之内"] if labels else []
    if types is not None:
        chinese = {english: chinese for chinese, english in TYPE_NAMES.items()}
        scope.append("、".join(chinese[t] for t in types))
    return (f"产业政策知识图谱 · {' · '.join(scope)}（{len(part.entities)}/{len(kg.entities)} 个实体，"
            f"{len(part.relations)} 条关系，{len(part.metrics)} 项指标）")
