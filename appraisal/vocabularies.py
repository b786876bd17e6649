"""Emotion vocabularies and their coordinates in VAD space.

Sources:
- OCC emotions: the OCC -> PAD table of ALMA (Gebhard 2005, "ALMA - A Layered Model of Affect",
  AAMAS, Table 2), also used by GAMYGDALA (Popescu et al. 2014).
- Ekman / MELD basic emotions: Russell & Mehrabian (1977), "Evidence for a three-factor theory
  of emotions", J. Research in Personality 11, the PAD ratings of the terms angry, disgusted,
  afraid, happy, sad, surprised (neutral at the origin).
- GoEmotions and hri_msgs labels: Warriner, Kuperman & Brysbaert (2013) lemma norms
  (1-9 scales), mapped to [-1, 1] with (x - 5) / 4; see ``scripts/build_vocab_vad.py``.
"""

from __future__ import annotations

from collections.abc import Mapping

from appraisal.vad import VAD

# ALMA (Gebhard 2005) Table 2: the 24 OCC emotion types (the OCC 22 plus love and hate).
OCC: Mapping[str, VAD] = {
    "admiration": VAD(0.50, 0.30, -0.20),
    "anger": VAD(-0.51, 0.59, 0.25),
    "disliking": VAD(-0.40, 0.20, 0.10),
    "disappointment": VAD(-0.30, 0.10, -0.40),
    "distress": VAD(-0.40, -0.20, -0.50),
    "fear": VAD(-0.64, 0.60, -0.43),
    "fears_confirmed": VAD(-0.50, -0.30, -0.70),
    "gloating": VAD(0.30, -0.30, -0.10),
    "gratification": VAD(0.60, 0.50, 0.40),
    "gratitude": VAD(0.40, 0.20, -0.30),
    "happy_for": VAD(0.40, 0.20, 0.20),
    "hate": VAD(-0.60, 0.60, 0.30),
    "hope": VAD(0.20, 0.20, -0.10),
    "joy": VAD(0.40, 0.20, 0.10),
    "liking": VAD(0.40, 0.16, -0.24),
    "love": VAD(0.30, 0.10, 0.20),
    "pity": VAD(-0.40, -0.20, -0.50),
    "pride": VAD(0.40, 0.30, 0.30),
    "relief": VAD(0.20, -0.30, 0.40),
    "remorse": VAD(-0.30, 0.10, -0.60),
    "reproach": VAD(-0.30, -0.10, 0.40),
    "resentment": VAD(-0.20, -0.30, -0.20),
    "satisfaction": VAD(0.30, -0.20, 0.40),
    "shame": VAD(-0.30, 0.10, -0.60),
}

# Russell & Mehrabian (1977): PAD of the basic emotion terms; the MELD label set.
MELD: Mapping[str, VAD] = {
    "neutral": VAD(0.0, 0.0, 0.0),
    "joy": VAD(0.81, 0.51, 0.46),
    "surprise": VAD(0.40, 0.67, -0.13),
    "anger": VAD(-0.51, 0.59, 0.25),
    "sadness": VAD(-0.63, -0.27, -0.33),
    "disgust": VAD(-0.60, 0.35, 0.11),
    "fear": VAD(-0.64, 0.60, -0.43),
}
MELD_LABELS: tuple[str, ...] = tuple(MELD)

# Ekman's six plus neutral: the same coordinates under Ekman's names.
EKMAN: Mapping[str, VAD] = {
    "neutral": MELD["neutral"],
    "happiness": MELD["joy"],
    "surprise": MELD["surprise"],
    "anger": MELD["anger"],
    "sadness": MELD["sadness"],
    "disgust": MELD["disgust"],
    "fear": MELD["fear"],
}

# The OCC type a MELD label is an instance of (Ortony, Clore & Collins 1988): sadness is a
# distress-type (well-being) emotion, disgust a dislike-type (attraction) one. Surprise has no
# valence of its own and is not an OCC emotion (Ortony & Turner 1990); neutral is no emotion.
OCC_OF_MELD: Mapping[str, str | None] = {
    "joy": "joy",
    "anger": "anger",
    "fear": "fear",
    "sadness": "distress",
    "disgust": "disliking",
    "surprise": None,
    "neutral": None,
}

VOCABULARIES: dict[str, Mapping[str, VAD]] = {"occ": OCC, "meld": MELD, "ekman": EKMAN}


def nearest_label(vad: VAD, vocabulary: Mapping[str, VAD] = MELD) -> str:
    """The label whose coordinates lie closest to ``vad``.

    >>> nearest_label(VAD(0.8, 0.5, 0.4))
    'joy'
    """
    return min(vocabulary, key=lambda name: vocabulary[name].distance(vad))


def expected_vad(probabilities: Mapping[str, float], vocabulary: Mapping[str, VAD] = MELD) -> VAD:
    """The probability-weighted mean of the labels' coordinates.

    >>> expected_vad({"joy": 1.0}) == MELD["joy"]
    True
    """
    total = sum(probabilities.values())
    if total <= 0:
        return VAD.neutral()
    v = a = d = 0.0
    for name, p in probabilities.items():
        point = vocabulary[name]
        v += p * point.valence
        a += p * point.arousal
        d += p * point.dominance
    return VAD(v / total, a / total, d / total)
