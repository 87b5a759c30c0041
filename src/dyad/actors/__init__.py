"""Actors: the knowledge base (states, organisations, national bodies, office-holders with dated terms),
the resolver component that fills `Document.mentions`, lookups for the CLI, and importers for
PETRARCH/Phoenix dictionaries and user YAML files."""

from __future__ import annotations

from pathlib import Path

from dyad.actors import kb as _kb
from dyad.actors.index import clear_caches
from dyad.actors.kb import KnowledgeBase, load_kb
from dyad.actors.lookup import Candidate, lookup


def add_user_file(path: str | Path) -> None:
    """Add a YAML file with `countries`, `organisations`, `bodies`, `persons` or `ambiguous` lists (the
    packaged schema) to this process's knowledge base; raises `ConfigError` when it does not check."""
    _kb.add_user_file(path)
    clear_caches()


__all__ = ["Candidate", "KnowledgeBase", "add_user_file", "load_kb", "lookup"]
