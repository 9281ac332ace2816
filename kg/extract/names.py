"""The names stage: every pattern that finds a name the lexicons do not know, in order."""
from __future__ import annotations

from ..model import Analysis
from .chunks import TokenIndex
from .cued_names import cued_stage, parenthesised_aliases
from .organizations import suffix_orgs, teams
from .people import people_stage
from .posted import posted_orgs
from .places import places_stage


def names_stage(a: Analysis) -> None:
    cued_stage(a)
    suffix_orgs(a, TokenIndex(a))
    teams(a)
    people_stage(a)
    posted_orgs(a, TokenIndex(a))
    places_stage(a)
    parenthesised_aliases(a)
