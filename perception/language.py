"""Which language a turn is in, so that recognizers trained on English alone do not read other
languages as if they were English: "estoy muy triste hoy" ("I am very sad today") read as joy.

Language identification is py3langid's (a maintained fork of langid.py, Lui & Baldwin 2012; its
model ships inside the wheel, 97 languages, about 0.03 ms a turn). It is unsure on short,
informal text, so a turn counts as another language only with ``MIN_WORDS`` words or more and
a normalised probability of at least ``MIN_PROBABILITY``. Measured once (2026-11-26): at 0.7, 0
of 12,960 English turns (the seekers' turns of ESConv train and MELD dev's utterances) were
taken for another language, and 8 of 12 sentences in Spanish, French, German, Italian,
Portuguese and Dutch were caught; at 0.5, 16 English turns were taken for Nigerian Pidgin or
Catalan ("I am 24 years old.").
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

ENGLISH = frozenset({"en"})
"""The languages the embedded recognizers and the offline responder read."""
MIN_WORDS = 3
MIN_PROBABILITY = 0.7


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def load() -> None:
    """Load the identifier now (0.3-0.7 s once per process), so a live first turn does not
    wait for it."""
    _identifier()


def other_language(text: str, known: frozenset[str] = ENGLISH) -> str | None:
    """The ISO 639-1 code of the language ``text`` is in when it is confidently none of
    ``known``; None when it is one of them, or too short or too mixed to tell.

    >>> other_language("Ich habe meinen Job verloren"), other_language("I lost my job today")
    ('de', None)
    >>> other_language("lol ok")  # too short to tell
    """
    if len(text.split()) < MIN_WORDS:
        return None
    code, probability = _identifier().classify(text)
    return str(code) if code not in known and probability >= MIN_PROBABILITY else None
