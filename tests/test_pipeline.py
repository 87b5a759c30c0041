"""The pipeline registry and configuration."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad.document import Article, Document
from dyad.errors import ConfigError, LanguageError
from dyad.pipeline import STAGES, Pipeline, load_config, register, registered


def test_default_config_names_a_component_for_every_stage() -> None:
    for language in ("nl", "en"):
        config = load_config(language)
        assert [c.stage for c in config] == list(STAGES)
        for c in config:
            assert c.component in registered(c.stage)


def test_unsupported_language_is_refused() -> None:
    with pytest.raises(LanguageError, match="unsupported language 'de'"):
        Pipeline("de")


def test_a_registered_component_replaces_another_through_config(tmp_path: Path) -> None:
    calls: list[str] = []

    @register("events", "test_recorder")
    def create(language: str, settings: object) -> object:
        def component(doc: Document) -> None:
            calls.append(doc.article.id)

        return component

    default = (Path(__file__).parents[1] / "src" / "dyad" / "pipeline.toml").read_text()
    config = tmp_path / "pipeline.toml"
    config.write_text(default.replace('[language.nl.events]\ncomponent = "lexicon_coder"',
                                      '[language.nl.events]\ncomponent = "test_recorder"'))
    pipeline = Pipeline("nl", str(config))
    assert pipeline.components["events"] == "test_recorder"
    doc = pipeline(Article(id="a1", text="Moskou riep zijn ambassadeur terug.", language="nl"))
    assert calls == ["a1"]
    assert set(doc.timings) == set(STAGES)


def test_unknown_component_is_a_config_error(tmp_path: Path) -> None:
    default = (Path(__file__).parents[1] / "src" / "dyad" / "pipeline.toml").read_text()
    config = tmp_path / "pipeline.toml"
    config.write_text(default.replace('component = "cue_quotes"', 'component = "no_such_thing"', 1))
    with pytest.raises(ConfigError, match="no_such_thing"):
        Pipeline("nl", str(config))


def test_malformed_config_names_the_file(tmp_path: Path) -> None:
    config = tmp_path / "broken.toml"
    config.write_text("[language.nl\n")
    with pytest.raises(ConfigError, match="broken.toml"):
        load_config("nl", str(config))
