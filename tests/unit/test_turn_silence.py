"""End-of-turn silence: what shortens it and what does not."""

from __future__ import annotations

import pytest

from voice.turn_taking import TurnConfig, silence_threshold_ms

pytestmark = pytest.mark.unit


def test_a_short_fragment_with_whispers_period_does_not_end_the_turn_sooner() -> None:
    c = TurnConfig()
    plain = silence_threshold_ms(c, partial_text="")
    assert silence_threshold_ms(c, partial_text="I went to.") == plain
    assert silence_threshold_ms(c, partial_text="Can you help me?") < plain
    full = "I went to the shop and bought some bread."
    assert silence_threshold_ms(c, partial_text=full) < plain
