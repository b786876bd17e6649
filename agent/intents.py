"""Intents: what a player asks for in words of their own, heard by meaning.

A persona's ``[[intents]]`` (agent/config.py ``Intent``) give example sentences ("Can I stay the
night?"); lines and appraisal rules name intents beside their ``when`` words. Each sentence of
a turn is embedded with the plain all-MiniLM-L6-v2 (the sentence-similarity model the strategy
policy already loads, int8; agent.strategy_esconv.load_encoder) and is heard as the intent of
its nearest example when the cosine similarity reaches the persona's ``intent_similarity``. So
"Got anywhere I can sleep?" calls the room line without the designer listing every wording.

Negation is where sentence embeddings are weakest: "I'm not hungry" lies at 0.83 from "I'm
hungry". A sentence and an example are compared only when both are negated or neither is.

The default threshold, 0.48, was set on three sets of sentences we wrote for the tavern
keeper's intents (agent/personas/grim.toml), and is tested on a fourth:

- The first set put it at 0.5. The second, written as a test, heard only 4 of 10 paraphrases
  there, so it joined the calibration. The third heard "I'm thirsty." as hunger (nearest
  "I'm hungry.", 0.60), so grim's drink intent got that example.
- Pooled (35 paraphrases, 24 unrelated turns): every paraphrase lies nearest an example of its
  own intent, at 0.30-0.75; unrelated turns lie at 0.20-0.47 ("Do you know where the mayor
  lives?" against "What's the news around here?"). 0.48 hears 25 of 35 and none of the 24.
- Scaling each example's score by its spread over 1,500 DailyDialog sentences (z-norm) did not
  separate them better (ROC AUC 0.954 against 0.953), so scores stay plain cosines.
- all-mpnet-base-v2 (the `mpnet` extra, int8, its own threshold set the same way at 0.57)
  heard 27 of 35 and, on the fourth set, 7 of 12, at 9.5 ms a sentence against 3.3: too little
  gain to offer it as a second encoder.
- The fourth set (tests/backends/test_intents.py): 6 of 12 paraphrases heard, all as the right
  intent, and none of 10 unrelated turns. Idioms are what it misses ("Do you have any
  vacancies?" 0.38).

A sentence not heard falls to the keyword lines and the responder, the safer mistake. Close
intents need examples of each (hunger and thirst); a designer who wants more recall adds
examples or lowers ``intent_similarity``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from agent.authored_lines import NEGATION
from agent.config import Intent
from perception.errors import ModelUnavailableError

log = logging.getLogger(__name__)

MAX_SENTENCES = 8
"""Sentences of a turn that are read (the rest of a very long turn is not)."""
_SENTENCE = re.compile(r"(?<=[.!?;])\s+")
# a regex split, not a sentence tokenizer: NLTK's punkt model is a download, and a turn to an
# NPC is a few short sentences


@dataclass(frozen=True, slots=True)
class Heard:
    """An intent heard in a turn, with the similarity of its best sentence to its nearest
    example."""

    intent: str
    similarity: float


def sentences(text: str) -> list[str]:
    """The turn's sentences, at most ``MAX_SENTENCES``.

    >>> sentences("Evening. Got anywhere I can sleep?  ")
    ['Evening.', 'Got anywhere I can sleep?']
    """
    return [s for s in _SENTENCE.split(text.strip()) if s][:MAX_SENTENCES]


def negated(sentence: str) -> bool:
    """Whether a sentence holds a negation ("not", "no", "never", a "-n't" word...).

    >>> negated("I'm not hungry."), negated("I don't want a room."), negated("I'm hungry.")
    (True, True, False)
    """
    return any(NEGATION.fullmatch(w) for w in sentence.split())


class MiniLMIntentRecognizer:
    """Hears a persona's intents in a turn by the meaning of its sentences (see the module)."""

    def __init__(
        self, intents: Sequence[Intent], *, threshold: float = 0.48, encoder: Any = None
    ) -> None:
        if encoder is None:
            from agent.strategy_esconv import load_encoder

            encoder = load_encoder()  # ModelUnavailableError names the extra when absent
        self.encoder = encoder
        self.threshold = threshold
        self.names = [i.name for i in intents for _ in i.examples]
        examples = tuple(e for i in intents for e in i.examples)
        self.examples = _vectors(encoder, examples)
        self.negated = np.array([negated(e) for e in examples], dtype=bool)

    def hear(self, text: str) -> list[Heard]:
        """The intents heard in ``text``, most similar first (one per intent, the best of
        each sentence's nearest example at the threshold or above)."""
        said = sentences(text)
        if not said or not self.names:
            return []
        similarity = self.encoder.encode(said) @ self.examples.T
        heard: dict[str, float] = {}
        for row, sentence in zip(similarity, said, strict=True):
            row = np.where(self.negated == negated(sentence), row, -1.0)
            best = int(row.argmax())
            if row[best] >= self.threshold:
                name = self.names[best]
                heard[name] = max(heard.get(name, -1.0), float(row[best]))
        return [Heard(n, s) for n, s in sorted(heard.items(), key=lambda kv: -kv[1])]


@lru_cache(maxsize=64)
def _vectors(encoder: Any, examples: tuple[str, ...]) -> np.ndarray:
    """The examples' vectors, once per encoder and set of examples: every session of a server
    shares its persona's."""
    return encoder.encode(list(examples))  # type: ignore[no-any-return]


def hearer(intents: Sequence[Intent], threshold: float) -> MiniLMIntentRecognizer | None:
    """The recognizer a persona needs: None when it has no intents (nothing is loaded), or
    when the sentence encoder is not installed; then only ``when`` words call its lines, as
    the `auto` backends fall back to the lexicon, and a warning names the extra."""
    if not intents:
        return None
    try:
        return MiniLMIntentRecognizer(intents, threshold=threshold)
    except ModelUnavailableError as exc:
        log.warning("intents are not heard, only `when` words call lines: %s", exc)
        return None
