"""A first offline text-emotion recognizer: VADER valence plus emotion cue words.

It needs only the pure-Python ``vaderSentiment`` package (MIT) and serves where torch is
not installed; the MiniLM model (``perception.text_minilm``) replaces it as ``auto``'s choice.
"""

from __future__ import annotations

import math
import re
import time

from appraisal import MELD, VAD
from perception.base import AffectEstimate, TextEmotionRecognizer, check_text
from perception.language import ENGLISH
from perception.sentiment import analyzer, polarity

# Cue stems for the categories VADER's single polarity cannot tell apart (anger vs fear vs
# sadness share negative valence; they differ in arousal and dominance). Matched on word starts.
_CUES: dict[str, tuple[str, ...]] = {
    "anger": ("angry", "anger", "furious", "mad", "hate", "annoy", "pissed", "rage", "outrag"),
    "fear": ("afraid", "scare", "fear", "anxious", "anxiety", "worr", "nervous", "panic", "terrif"),
    "sadness": (
        "sad",
        "lost",
        "lose",
        "lonely",
        "cry",
        "miss",
        "depress",
        "grief",
        "hurt",
        "awful",
    ),
    "disgust": ("disgust", "gross", "sick of", "yuck", "revolting", "nasty"),
    "surprise": ("wow", "whoa", "surpris", "unbelievabl", "can't believe", "no way", "really?"),
    "joy": ("happy", "glad", "great", "thank", "love", "awesome", "excit", "wonderful", "helps"),
}
_CUE_RE = {
    k: re.compile(r"\b(" + "|".join(map(re.escape, v)) + ")", re.I) for k, v in _CUES.items()
}


# VADER flips a word's polarity after "not", "never", "nothing", ... (vaderSentiment.NEGATE) but
# not after "nobody" or "no one": "Nobody will help me" scored +0.40. They are read as
# "none", which VADER negates (also three words ahead, as for "nobody here will help").
_NOBODY = re.compile(r"\b(?:nobody|no[- ]?one)\b", re.I)


class LexiconTextEmotion(TextEmotionRecognizer):
    """VADER compound score as valence; cue words for the category; MELD labels out."""

    languages = ENGLISH  # VADER's lexicon is English

    name = "lexicon"

    def __init__(self) -> None:
        analyzer()  # a missing vaderSentiment fails here, with the extra to install

    def predict(self, text: str) -> AffectEstimate:
        text = check_text(text)
        scores = polarity(_NOBODY.sub("none", text))
        compound = float(scores["compound"])
        logits = {label: 0.0 for label in MELD}
        logits["neutral"] = 1.2 * scores["neu"] - 0.6
        for label, pattern in _CUE_RE.items():
            hits = len(pattern.findall(text))
            logits[label] += 1.5 * hits
        # VADER's polarity steers between the positive and the negative families.
        for label, point in MELD.items():
            if label != "neutral":
                logits[label] += 2.0 * compound * point.valence
        top = max(logits.values())
        exp = {k: math.exp(v - top) for k, v in logits.items()}
        total = sum(exp.values())
        probs = {k: v / total for k, v in exp.items()}
        expected = AffectEstimate.from_categories(probs, modality="text").vad
        vad = VAD(compound, expected.arousal, expected.dominance)
        confidence = min(1.0, 0.3 + 0.5 * abs(compound) + 0.2 * max(probs.values()))
        return AffectEstimate(vad, probs, confidence, "text", time.monotonic())
