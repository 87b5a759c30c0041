"""YAML parsing for dyad's data files (lexicons, the actor knowledge base, user files).

libyaml's C parser when PyYAML was built with it, which reads the knowledge base and the lexicons about ten
times faster than the pure-Python parser (start-up of every CLI call and Ray worker); both are safe loaders
and build the same values.
"""

from __future__ import annotations

from typing import Any

import yaml

_SafeLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str) -> Any:
    """The value of a YAML document; `yaml.YAMLError` when it is malformed."""
    return yaml.load(text, Loader=_SafeLoader)  # noqa: S506 - a safe loader, C or Python
