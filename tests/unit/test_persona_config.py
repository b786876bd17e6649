"""Persona files: shipped ones load; bad ones are refused with a message naming the problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from agent.config import load_persona, shipped_personas
from agent.errors import ConfigError

pytestmark = pytest.mark.unit


def test_shipped_personas_load() -> None:
    names = shipped_personas()
    assert len(names) >= 3
    for name in names:
        persona = load_persona(name)
        assert persona.name
        assert 0.0 <= persona.traits.extraversion <= 1.0


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ('name = "X"\n[traits]\nextraversion = 7\n', "traits.extraversion"),
        ('name = "X"\n[traits]\nextroversion = 0.5\n', "extroversion"),
        ('name = "X"\n[strategies]\n"Telepathy" = 1.0\n', "Telepathy"),
        ('name = "X"\n[relations]\nuser = 3\n', "liking"),
        ("name = \n", "not valid TOML"),
        ("[traits]\nopenness = 0.5\n", "name"),
    ],
)
def test_bad_persona_is_refused_clearly(tmp_path: Path, body: str, fragment: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(body)
    with pytest.raises(ConfigError) as info:
        load_persona(path)
    assert fragment in str(info.value)
    assert str(path) in str(info.value)


def test_unknown_persona_name_lists_shipped() -> None:
    with pytest.raises(ConfigError, match="sage"):
        load_persona("nobody-by-this-name")


def test_strategy_weights_default_to_one() -> None:
    persona = load_persona("sunny")
    weights = persona.strategy_weights()
    assert len(weights) == 8
    assert max(weights.values()) > 1.0
    assert min(weights.values()) >= 0.0
