"""VADER polarity (Hutto & Gilbert 2014), shared by the lexicon recognizer, the emotion
transition and the strategy head's features, in time linear in the text's length."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from perception.errors import ModelUnavailableError

CHUNK_WORDS = 400
"""Texts longer than this are scored in consecutive pieces of this many words."""


@lru_cache(maxsize=1)
def analyzer() -> Any:
    """The one VADER analyzer of the process (its lexicon loads once)."""
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    except ImportError as exc:  # pragma: no cover - a core dependency
        raise ModelUnavailableError(
            'VADER sentiment needs vaderSentiment: pip install "affective-agent"'
        ) from exc
    return SentimentIntensityAnalyzer()


def polarity(text: str) -> dict[str, float]:
    """VADER's ``neg``, ``neu``, ``pos`` and ``compound`` scores of ``text``.

    VADER rebuilds the text's whole word list for every sentiment word, so one call costs the
    square of the length: 20,000 characters of "i appreciate" took about 5 s, and a turn reads
    its text four times. A text longer than ``CHUNK_WORDS`` words is therefore scored in pieces
    of that many words, each piece's scores weighted by its share of the words. Shorter texts
    (every ESConv seeker message: at most 164 words) get VADER's own scores.

    >>> polarity("I love this.")["compound"] > 0 > polarity("I hate this.")["compound"]
    True
    """
    return dict(_scores(text))  # a fresh dict: a caller may change its copy


@lru_cache(maxsize=256)  # a turn reads the same text up to four times (the callers above)
def _scores(text: str) -> tuple[tuple[str, float], ...]:
    words = text.split()
    if len(words) <= CHUNK_WORDS:
        return tuple((k, float(v)) for k, v in analyzer().polarity_scores(text).items())
    out = dict.fromkeys(("neg", "neu", "pos", "compound"), 0.0)
    for start in range(0, len(words), CHUNK_WORDS):
        piece = words[start : start + CHUNK_WORDS]
        scores = analyzer().polarity_scores(" ".join(piece))
        for key in out:
            out[key] += float(scores[key]) * len(piece) / len(words)
    return tuple(out.items())
