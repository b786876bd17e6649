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

The identifier chooses among ``LANGUAGES`` only: 31 widely spoken ones. Among all 97, short
informal English lies near Nigerian Pidgin, and short sentences of a large language lie near a
small relative, so both lost probability. Measured again the same day on the 11,847 seeker
turns of three words or more in ESConv train and MELD dev's 884, with 28 short sentences of
eight languages written for it ("mon chien est mort hier", "straciłem pracę wczoraj"): at 0.7
all 97 languages catch 22 of 28, the 31 catch 27 (0.57 -> 0.99 for the French one); no English
turn is taken for another language either way.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

ENGLISH = frozenset({"en"})
"""The languages the embedded recognizers and the offline responder read."""
MIN_WORDS = 3
MIN_PROBABILITY = 0.7
LANGUAGES = ("en es fr de it pt nl ru pl uk tr ar zh ja ko hi id vi th sv da no fi cs el he ro hu "
             "fa ms tl").split()
"""ISO 639-1 codes of the languages a turn is told among (py3langid's ``set_languages``)."""


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(LANGUAGES)
    return identifier


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
