"""Every CLI command and option is documented in the README (datasette's test_docs idea)."""

from __future__ import annotations

from pathlib import Path

import click
import typer.main

from dyad.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: str = "") -> list[tuple[str, click.Command]]:
    out = []
    for name, command in group.commands.items():
        full = f"{prefix}{name}"
        if isinstance(command, click.Group):
            out.extend(_commands(command, full + " "))
        else:
            out.append((full, command))
    return out


def test_every_command_is_in_the_readme() -> None:
    group = typer.main.get_command(app)
    assert isinstance(group, click.Group)
    for name, command in _commands(group):
        assert f"dyad {name}" in README, f"`dyad {name}` is not documented in README.md"
        for param in command.params:
            if isinstance(param, click.Option):
                assert any(opt in README for opt in param.opts), (
                    f"option {param.opts} of `dyad {name}` is not documented in README.md")
