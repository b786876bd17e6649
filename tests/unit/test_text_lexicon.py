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


def test_a_text_is_scored_once_per_turn_and_each_caller_gets_its_own_copy() -> None:
    from perception.sentiment import _scores, polarity

    text = "I appreciate it, but the bills keep piling up. " * 120  # over CHUNK_WORDS words
    first = polarity(text)
    hits = _scores.cache_info().hits
    first["compound"] = 99.0  # a caller's change stays in its copy
    second = polarity(text)
    assert _scores.cache_info().hits == hits + 1
    assert second["compound"] != 99.0 and -1.0 <= second["compound"] <= 1.0
