"""What every recognizer returns, and one abstract recognizer per modality."""

from __future__ import annotations

import math
import re
import time
from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from appraisal import VAD, expected_vad, nearest_label
from perception.errors import PerceptionError

MAX_TEXT_CHARS = 20_000
"""Longer texts are refused with a clear message rather than silently truncated."""


@dataclass(frozen=True, slots=True)
class AffectEstimate:
    """One modality's reading of a person's affect at time ``t`` (seconds, monotonic clock).

    ``categories`` maps label -> probability (sums to 1 when non-empty); ``confidence`` in [0, 1].
    """

    vad: VAD
    categories: Mapping[str, float] = field(default_factory=dict)
    confidence: float = 0.0
    modality: str = "text"
    t: float = 0.0

    def __post_init__(self) -> None:
        if math.isnan(self.confidence) or not 0.0 <= self.confidence <= 1.0:
            raise PerceptionError(f"confidence must be in [0, 1], got {self.confidence!r}")

    @property
    def label(self) -> str:
        """The most probable category, or the nearest MELD label when there are none."""
        if self.categories:
            return max(self.categories, key=lambda k: self.categories[k])
        return nearest_label(self.vad)

    @classmethod
    def from_categories(
        cls,
        probabilities: Mapping[str, float],
        *,
        modality: str,
        confidence: float | None = None,
        t: float | None = None,
        vocabulary: Mapping[str, VAD] | None = None,
    ) -> AffectEstimate:
        """Build an estimate whose VAD is the expectation of the category coordinates."""
        vad = expected_vad(probabilities, vocabulary) if vocabulary else expected_vad(probabilities)
        conf = max(probabilities.values()) if confidence is None else confidence
        return cls(
            vad=vad,
            categories=dict(probabilities),
            confidence=float(conf),
            modality=modality,
            t=time.monotonic() if t is None else t,
        )

    def to_dict(self) -> dict[str, object]:
        return {
            "vad": self.vad.to_dict(),
            "label": self.label,
            "categories": {k: round(v, 4) for k, v in self.categories.items()},
            "confidence": round(self.confidence, 4),
            "modality": self.modality,
        }


@dataclass(frozen=True, slots=True)
class DialogueTurn:
    """One utterance of a conversation as the ERC recognizer sees it."""

    speaker: str
    text: str


def check_text(text: str) -> str:
    """Refuse text no recognizer should read; return it stripped.

    >>> check_text("  hi ")
    'hi'
    """
    if not isinstance(text, str):
        raise PerceptionError(f"text must be a str, got {type(text).__name__}")
    stripped = text.strip()
    if not stripped:
        raise PerceptionError("text is empty; say something")
    junk = sum(1 for ch in stripped if ch == "\ufffd" or (ord(ch) < 32 and ch not in "\t\n\r"))
    if junk > max(2, len(stripped) // 10):
        raise PerceptionError(
            "text looks like binary data (control or undecodable bytes); send UTF-8 text"
        )
    if len(stripped) > MAX_TEXT_CHARS:
        raise PerceptionError(
            f"text is {len(stripped):,} characters; the limit is {MAX_TEXT_CHARS:,}. "
            "Split it into utterances."
        )
    return stripped


# Typographic quotes as typed by phones and word processors ("I’m", “ok”): the act, slot
# and safety patterns are written with ASCII ones. A five-entry translate table; ftfy's
# uncurl_quotes does the same but would add a dependency for one str.translate call.
_PLAIN_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u201c": '"',
                               "\u201d": '"'})
# "that`s", "don`t": a backtick between letters is an apostrophe typed on the wrong key
_BACKTICK = re.compile(r"(?<=[^\W\d_])`(?=[^\W\d_])")


def plain_quotes(text: str) -> str:
    """``text`` with curly quotes and a backtick between letters made ASCII, so that "I’m"
    and "that`s" read as "I'm" and "that's"; every other character is kept.

    >>> print(plain_quotes("I’m “fine”, that`s all"))
    I'm "fine", that's all
    """
    return _BACKTICK.sub("'", text.translate(_PLAIN_QUOTES))


# Written by hand: a trained splitter (punkt, pysbd) is not installed, and chat turns end
# sentences with the marks alone; "Mr. Smith" is split, which no caller minds. An ellipsis
# before a capital ends one too, space or not: "My hobbies are on hold.....I need to ..."
# (ESConv train) is two sentences; "Yeah...at least" and "I ....dont know" stay one. So does
# "!" or "?" before a capitalised word: "Wow that's huge!How did you get through ...?" (ESConv
# train).
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|(?<=\.\.)(?=[A-Z])|(?<=[!?])(?=[A-Z][a-z])")


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text``: split after ".", "!" or "?" and the space after it, with
    none left empty and none dropped (``agent.intents.sentences`` keeps only the first few).

    >>> split_sentences("  I failed. What now?  Sigh")
    ['I failed.', 'What now?', 'Sigh']
    >>> split_sentences("It's on hold...I need a break. Well...maybe")
    ["It's on hold...", 'I need a break.', 'Well...maybe']
    >>> split_sentences("Wow that's huge!How did you cope?"), split_sentences("Yahoo!Mail")
    (["Wow that's huge!", 'How did you cope?'], ['Yahoo!', 'Mail'])
    """
    return [s for s in _SENTENCE_END.split(text.strip()) if s]


def emoji_as_words(text: str) -> str:
    """``text`` with each emoji said as its name, for encoders whose vocabulary has none:
    all-MiniLM-L6-v2's WordPiece reads every emoji as ``[UNK]``, so "😭😭😭" read as neutral
    and "I got fired today 😭" as joy; named, they read as sadness. The names are the Unicode
    CLDR short names the ``emoji`` package keeps (which knows every emoji sequence, so this is
    not written by hand).

    >>> emoji_as_words("I miss him 💔"), emoji_as_words("no emoji here")
    ('I miss him broken heart', 'no emoji here')
    """
    import emoji

    if not emoji.emoji_count(text):
        return text
    named = emoji.replace_emoji(
        text, replace=lambda _, data: " " + str(data["en"]).strip(":").replace("_", " ") + " ")
    return " ".join(named.split())


class TextEmotionRecognizer(ABC):
    """Reads affect from one utterance of text. ``languages``: the ISO 639-1 codes it was
    trained to read (None: any, or not known), so text in another is not read as if it were
    one of them (perception.language)."""

    name: str = "text"
    languages: frozenset[str] | None = None

    @abstractmethod
    def predict(self, text: str) -> AffectEstimate: ...

    def predict_batch(self, texts: Sequence[str]) -> list[AffectEstimate]:
        return [self.predict(t) for t in texts]


class ConversationEmotionRecognizer(ABC):
    """Reads the affect of the last turn of a conversation, using only the turns before it;
    ``languages`` as for ``TextEmotionRecognizer``."""

    name: str = "erc"
    languages: frozenset[str] | None = None

    @abstractmethod
    def predict(self, history: Sequence[DialogueTurn]) -> AffectEstimate:
        """The affect of ``history[-1]`` given ``history[:-1]`` (past-only, speaker-aware)."""


class SpeechEmotionRecognizer(ABC):
    """Reads affect from how something was said (mono float32 samples in [-1, 1])."""

    name: str = "speech"

    @abstractmethod
    def predict(self, samples: Sequence[float], sample_rate_hz: int) -> AffectEstimate: ...


class FaceEmotionRecognizer(ABC):
    """Reads affect from faces in an image (H x W x 3 uint8, BGR as OpenCV gives it)."""

    name: str = "face"

    @abstractmethod
    def predict(self, image: object) -> list[AffectEstimate]: ...


class PhysioRecognizer(ABC):
    """Reads affect from physiological signals (EEG, heart, skin)."""

    name: str = "physio"

    @abstractmethod
    def predict(self, window: object) -> AffectEstimate: ...
