"""The extraction pipeline: named per-document stages, declared in one place.

Each stage reads and writes fields of :class:`kg.model.Analysis`; the table below is
the whole pipeline, in order, so a reader learns it from one file. Stage modules are
imported on first use, so importing kg stays cheap.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Callable

from .model import Analysis


@dataclass(frozen=True)
class Stage:
    name: str
    target: str  # "module:function" taking an Analysis
    reads: tuple[str, ...]
    writes: tuple[str, ...]

    def load(self) -> Callable[[Analysis], None]:
        module, func = self.target.split(":")
        return getattr(importlib.import_module(module), func)


STAGES: tuple[Stage, ...] = (
    Stage("normalize", "kg.extract.text:normalize_stage", ("doc.text",), ("doc.norm", "doc.offsets")),
    Stage("date", "kg.extract.text:date_stage", ("doc.norm",), ("doc.year",)),
    Stage("sentences", "kg.extract.text:sentence_stage", ("doc.norm",), ("sentences",)),
    Stage("segment", "kg.extract.segment:segment_stage", ("doc.norm",), ("tokens",)),
    Stage("gazetteer", "kg.extract.gazetteer:gazetteer_stage", ("doc.norm",), ("mentions",)),
    Stage("names", "kg.extract.names:names_stage", ("doc.norm", "tokens", "mentions"), ("mentions", "roles")),
    Stage("tagged", "kg.extract.tagged:tagged_stage", ("doc.norm", "tokens", "sentences", "mentions"),
          ("mentions",)),
    Stage("sides", "kg.extract.sports:sides_stage", ("doc.norm", "tokens", "sentences", "mentions"), ("mentions",)),
    Stage("mentions", "kg.extract.overlap:overlap_stage", ("mentions",), ("mentions",)),
    Stage("relations", "kg.extract.relations:relations_stage",
          ("mentions", "roles", "sentences"), ("relations",)),
    Stage("metrics", "kg.extract.metrics:metrics_stage", ("doc.norm", "doc.year", "mentions"), ("metrics",)),
)


def run(analysis: Analysis, stages: tuple[Stage, ...] = STAGES) -> Analysis:
    """Run every stage over one document's analysis, in order."""
    for stage in stages:
        stage.load()(analysis)
    return analysis
