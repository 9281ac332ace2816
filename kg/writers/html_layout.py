"""Node positions for the HTML page, computed once here so the browser runs no physics.

numpy and scipy are not dependencies, so networkx's layouts are out of reach; this is
Fruchterman–Reingold with grid-limited repulsion (linear per iteration), started from a
radial breadth-first layout so neighbours begin near each other, one component at a time,
with the components packed in rows. Same graph in, same integer positions out.
"""
from __future__ import annotations

import math
from collections import deque
from typing import Iterable

__all__ = ["layout"]

EDGE_LENGTH = 120.0  # ideal distance between linked nodes, in vis-network canvas units
GAP = EDGE_LENGTH  # space between packed components
GRAVITY = 0.02  # pull towards a component's centre, so loose leaves stay close


def layout(count: int, links: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Integer (x, y) for nodes ``0..count-1`` joined by undirected ``links``."""
    neighbours: list[set[int]] = [set() for _ in range(count)]
    for a, b in links:
        if a != b:
            neighbours[a].add(b)
            neighbours[b].add(a)
    adjacency = [sorted(n) for n in neighbours]
    placed = [_component(members, adjacency) for members in _components(adjacency)]
    positions: list[tuple[int, int]] = [(0, 0)] * count
    for members, xs, ys in _pack(placed):
        for node, x, y in zip(members, xs, ys):
            positions[node] = (round(x), round(y))
    return positions


def _components(adjacency: list[list[int]]) -> list[tuple[int, list[int]]]:
    """Connected components, largest first, each with its best-linked node as the root."""
    seen = [False] * len(adjacency)
    found = [_reach(start, adjacency, seen) for start in range(len(adjacency)) if not seen[start]]
    found.sort(key=lambda component: (-len(component[1]), component[1][0]))
    return found


def _reach(start: int, adjacency: list[list[int]], seen: list[bool]) -> tuple[int, list[int]]:
    seen[start] = True
    members, queue = [start], deque([start])
    while queue:
        for other in adjacency[queue.popleft()]:
            if not seen[other]:
                seen[other] = True
                members.append(other)
                queue.append(other)
    return min(members, key=lambda node: (-len(adjacency[node]), node)), members


def _component(found: tuple[int, list[int]], adjacency: list[list[int]]) -> tuple[list[int], list[float], list[float]]:
    root, members = found
    local = {node: i for i, node in enumerate(members)}
    links = [(local[a], local[b], _length(len(adjacency[a]), len(adjacency[b])))
             for a in members for b in adjacency[a] if a < b]
    xs, ys = _radial(root, members, adjacency, local)
    if len(members) > 2:
        _relax(xs, ys, links)
    return members, xs, ys


def _length(degree_a: int, degree_b: int) -> float:
    """Longer links at hubs, so fifty neighbours get a circle wide enough for their labels."""
    return EDGE_LENGTH * max(1.0, math.sqrt(max(degree_a, degree_b)) / 2)


def _radial(root: int, members: list[int], adjacency: list[list[int]],
            local: dict[int, int]) -> tuple[list[float], list[float]]:
    """Breadth-first rings around ``root``; each ring ordered by its parents' angles."""
    xs, ys = [0.0] * len(members), [0.0] * len(members)
    angle = {root: 0.0}
    ring, done = [root], {root}
    depth = 0
    while ring:
        depth += 1
        nxt = []
        for parent in sorted(ring, key=lambda node: (angle[node], node)):
            for child in adjacency[parent]:
                if child not in done:
                    done.add(child)
                    nxt.append(child)
        radius = EDGE_LENGTH * max(depth, len(nxt) / (2 * math.pi) * 0.6)
        for i, node in enumerate(nxt):
            angle[node] = 2 * math.pi * (i + 0.5) / len(nxt)
            xs[local[node]] = radius * math.cos(angle[node])
            ys[local[node]] = radius * math.sin(angle[node])
        ring = nxt
    return xs, ys


def _relax(xs: list[float], ys: list[float], links: list[tuple[int, int, float]]) -> None:
    """Fruchterman–Reingold with logarithmic springs of a rest length per link, and repulsion
    only within two edge lengths (a grid finds those pairs).

    FR's quadratic pull collapses a tangled graph into a dense blob (and the grid's work grows
    with density); a logarithmic pull, as in ForceAtlas2's LinLog mode, keeps it spread out.
    """
    n = len(xs)
    k, reach = EDGE_LENGTH, 2 * EDGE_LENGTH
    reach2, k2 = reach * reach, EDGE_LENGTH * EDGE_LENGTH
    rounds = 60 if n <= 1000 else 40
    temperature = k * math.sqrt(n) / 4
    cool = temperature / rounds
    for _ in range(rounds):
        fx, fy = [0.0] * n, [0.0] * n
        cells: dict[tuple[int, int], list[int]] = {}
        for i in range(n):
            cells.setdefault((int(xs[i] // reach), int(ys[i] // reach)), []).append(i)
        for (cx, cy), here in cells.items():
            for dx_cell, dy_cell in ((0, 0), (1, 0), (1, 1), (0, 1), (-1, 1)):
                there = here if (dx_cell, dy_cell) == (0, 0) else cells.get((cx + dx_cell, cy + dy_cell))
                if not there:
                    continue
                same = there is here
                for a_pos, a in enumerate(here):
                    ax, ay = xs[a], ys[a]
                    for b in (here[a_pos + 1:] if same else there):
                        dx, dy = ax - xs[b], ay - ys[b]
                        d2 = dx * dx + dy * dy
                        if d2 >= reach2:
                            continue
                        if d2 < 1e-4:  # same spot: push apart along a fixed direction
                            dx, dy, d2 = 0.01 * (1 + a % 7), 0.01 * (1 + b % 5), 1e-4
                        f = k2 / d2
                        fx[a] += dx * f
                        fy[a] += dy * f
                        fx[b] -= dx * f
                        fy[b] -= dy * f
        for a, b, rest in links:
            dx, dy = xs[a] - xs[b], ys[a] - ys[b]
            d = math.sqrt(dx * dx + dy * dy) or 1e-9
            f = k * math.log(d / rest) / d
            fx[a] -= dx * f
            fy[a] -= dy * f
            fx[b] += dx * f
            fy[b] += dy * f
        cx, cy = sum(xs) / n, sum(ys) / n
        for i in range(n):
            mx, my = fx[i] - GRAVITY * (xs[i] - cx), fy[i] - GRAVITY * (ys[i] - cy)
            length = math.sqrt(mx * mx + my * my)
            if length > temperature:
                mx, my = mx * temperature / length, my * temperature / length
            xs[i] += mx
            ys[i] += my
        temperature = max(temperature - cool, k / 20)


def _pack(placed: list[tuple[list[int], list[float], list[float]]]) -> list[tuple[list[int], list[float], list[float]]]:
    """Components side by side in rows about as wide as the whole is tall, centred on 0."""
    if not placed:  # a graph with no entities
        return []
    boxes = []
    for members, xs, ys in placed:
        left, top = min(xs), min(ys)
        boxes.append((members, [x - left for x in xs], [y - top for y in ys],
                      max(xs) - left + GAP, max(ys) - top + GAP))
    width = max(max(b[3] for b in boxes), math.sqrt(sum(b[3] * b[4] for b in boxes)))
    packed, x, y, row = [], 0.0, 0.0, 0.0
    for members, xs, ys, w, h in boxes:
        if x and x + w > width:
            x, y, row = 0.0, y + row, 0.0
        packed.append((members, [v + x for v in xs], [v + y for v in ys]))
        x, row = x + w, max(row, h)
    mid_x = (min(min(p[1]) for p in packed) + max(max(p[1]) for p in packed)) / 2
    mid_y = (min(min(p[2]) for p in packed) + max(max(p[2]) for p in packed)) / 2
    return [(m, [v - mid_x for v in xs], [v - mid_y for v in ys]) for m, xs, ys in packed]
