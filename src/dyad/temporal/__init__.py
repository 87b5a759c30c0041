"""Time resolution: temporal expressions in news text resolved against the publication date.

Per-language vocabulary lives in `dyad/lang/<lang>/temporal.yaml` (`vocabulary.py` reads it); one
language-independent engine (`engine.py`) recognises and resolves; `resolver.py` is the pipeline component
and holds the public `resolve` and `find_timexes`.
"""

from __future__ import annotations

from dyad.temporal.engine import Expression
from dyad.temporal.resolver import TimexResolver, find_timexes, resolve

__all__ = ["Expression", "TimexResolver", "find_timexes", "resolve"]
