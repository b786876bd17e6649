"""The lexicon fallback (VADER plus cue words): directions on plain sentences."""

from __future__ import annotations

import pytest

from perception.text_lexicon import LexiconTextEmotion

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def lexicon() -> LexiconTextEmotion:
    return LexiconTextEmotion()


@pytest.mark.parametrize(("negated", "plain"), [
    ("Nobody here will help me look for him.", "Everyone here will help me look for him."),
    ("No one cares about me.", "My friends care about me."),
    ("No-one will help me.", "They will help me."),
])
def test_nobody_negates_like_not(lexicon: LexiconTextEmotion, negated: str, plain: str) -> None:
    assert lexicon.predict(negated).vad.valence < 0 < lexicon.predict(plain).vad.valence


def test_joy_and_distress_read_apart(lexicon: LexiconTextEmotion) -> None:
    happy = lexicon.predict("I found him! He is safe, I am so happy!")
    sad = lexicon.predict("I lost my job and I feel awful.")
    assert happy.label == "joy" and sad.label == "sadness"
    assert happy.vad.valence > 0.3 and sad.vad.valence < -0.3
