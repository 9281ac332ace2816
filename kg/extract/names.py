"""The names stage: every pattern that finds a name the lexicons do not know, in order."""
from __future__ import annotations

from ..model import Analysis
from .chunks import TokenIndex
from .cued_names import cued_stage, parenthesised_aliases
from .implicit_bodies import level_bodies
from .organizations import (armed_forces, branches, foreign_bodies, listed_bodies, listed_firms, local_bodies, short_bodies,
                            suffix_orgs)
from .people import people_stage
from .posted import posted_orgs
from .places import places_stage
from .short_forms import short_forms
from .sports import sports_stage


def names_stage(a: Analysis) -> None:
    cued_stage(a)
    idx = TokenIndex(a)
    suffix_orgs(a, idx)
    armed_forces(a, idx)
    foreign_bodies(a, idx)
    short_bodies(a)
    local_bodies(a)
    listed_firms(a)
    sports_stage(a)
    short_forms(a)  # before people: 省工业和信息化厅|厅长 needs its body
    level_bodies(a)  # before people: 市委|副书记 too
    people_stage(a)
    posted_orgs(a, idx)
    listed_bodies(a)
    branches(a)
    places_stage(a)
    parenthesised_aliases(a)
