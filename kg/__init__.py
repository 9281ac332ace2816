"""kg: Chinese industrial-policy documents in, a provenance-carrying knowledge graph out."""
from __future__ import annotations

__all__ = ["build", "write", "BuildResult"]


def __getattr__(name: str):
    """Import the build machinery on first use, so ``import kg`` stays cheap."""
    if name in __all__:
        from . import build as _build
        return getattr(_build, name)
    raise AttributeError(name)
