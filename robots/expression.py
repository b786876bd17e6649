"""One emotion state -> every renderer: FACS AUs, ARKit blendshapes and an hri_msgs expression.

The agent keeps one emotion (VAD, a label from any of our vocabularies, an intensity); this
module turns it into the face a renderer shows. A known label picks its EMFACS prototype
(robots/facs.py); an unknown or missing label falls back to a blend of the prototypes weighted by
closeness in VAD space, so every point of the cube has a face and nearby points have nearby faces.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from appraisal import VAD
from appraisal.vocabularies import EKMAN
from robots.errors import RobotsError
from robots.facs import PROTOTYPES, blendshapes_from_aus

# The 25 expression names of ros4hri hri_msgs/msg/Expression.msg.
HRI_EXPRESSIONS: tuple[str, ...] = (
    "neutral", "angry", "sad", "happy", "surprised", "disgusted", "scared", "pleading",
    "vulnerable", "despaired", "guilty", "disappointed", "embarrassed", "horrified", "skeptical",
    "annoyed", "furious", "suspicious", "rejected", "bored", "tired", "asleep", "confused",
    "amazed", "excited",
)  # fmt: skip

# label -> (face prototype, gain on the prototype, hri_msgs expression). Covers the OCC 24 of
# appraisal.vocabularies.OCC, MELD and Ekman names, and the hri_msgs names themselves. The choice
# of prototype for OCC types follows their valence/arousal family (e.g. pity and shame are
# sadness-like faces; gloating is the unilateral smile of contempt).
LABELS: Mapping[str, tuple[str, float, str]] = {
    # OCC (Ortony, Clore & Collins 1988) as named in appraisal.vocabularies.OCC
    "admiration": ("happiness", 0.6, "amazed"),
    "anger": ("anger", 1.0, "angry"),
    "disliking": ("disgust", 0.5, "annoyed"),
    "disappointment": ("sadness", 0.7, "disappointed"),
    "distress": ("sadness", 1.0, "sad"),
    "fear": ("fear", 1.0, "scared"),
    "fears_confirmed": ("fear", 0.8, "despaired"),
    "gloating": ("contempt", 1.0, "skeptical"),
    "gratification": ("happiness", 1.0, "happy"),
    "gratitude": ("happiness", 0.8, "happy"),
    "happy_for": ("happiness", 0.8, "happy"),
    "hate": ("anger", 1.0, "furious"),
    "hope": ("happiness", 0.5, "happy"),
    "joy": ("happiness", 1.0, "happy"),
    "liking": ("happiness", 0.6, "happy"),
    "love": ("happiness", 0.7, "happy"),
    "pity": ("sadness", 0.7, "sad"),
    "pride": ("happiness", 0.9, "happy"),
    "relief": ("happiness", 0.6, "happy"),
    "remorse": ("sadness", 0.8, "guilty"),
    "reproach": ("anger", 0.6, "annoyed"),
    "resentment": ("anger", 0.6, "annoyed"),
    "satisfaction": ("happiness", 0.7, "happy"),
    "shame": ("sadness", 0.7, "embarrassed"),
    # MELD / Ekman
    "neutral": ("neutral", 0.0, "neutral"),
    "happiness": ("happiness", 1.0, "happy"),
    "surprise": ("surprise", 1.0, "surprised"),
    "sadness": ("sadness", 1.0, "sad"),
    "disgust": ("disgust", 1.0, "disgusted"),
    "contempt": ("contempt", 1.0, "skeptical"),
    # hri_msgs names
    "angry": ("anger", 1.0, "angry"),
    "sad": ("sadness", 1.0, "sad"),
    "happy": ("happiness", 1.0, "happy"),
    "surprised": ("surprise", 1.0, "surprised"),
    "disgusted": ("disgust", 1.0, "disgusted"),
    "scared": ("fear", 1.0, "scared"),
    "pleading": ("pleading", 1.0, "pleading"),
    "vulnerable": ("fear", 0.5, "vulnerable"),
    "despaired": ("sadness", 1.0, "despaired"),
    "guilty": ("sadness", 0.7, "guilty"),
    "disappointed": ("sadness", 0.6, "disappointed"),
    "embarrassed": ("sadness", 0.5, "embarrassed"),
    "horrified": ("fear", 1.0, "horrified"),
    "skeptical": ("contempt", 0.8, "skeptical"),
    "annoyed": ("anger", 0.5, "annoyed"),
    "furious": ("anger", 1.0, "furious"),
    "suspicious": ("anger", 0.4, "suspicious"),
    "rejected": ("sadness", 0.8, "rejected"),
    "bored": ("bored", 1.0, "bored"),
    "tired": ("tired", 1.0, "tired"),
    "asleep": ("asleep", 1.0, "asleep"),
    "confused": ("confused", 1.0, "confused"),
    "amazed": ("surprise", 1.0, "amazed"),
    "excited": ("happiness", 1.0, "excited"),
}

# Generic hri names that change with intensity: (below 0.35, at or above 0.8).
_ESCALATION: Mapping[str, tuple[str, str]] = {
    "angry": ("annoyed", "furious"),
    "sad": ("disappointed", "despaired"),
    "scared": ("vulnerable", "horrified"),
    "surprised": ("surprised", "amazed"),
    "happy": ("happy", "excited"),
}

_BLEND_WIDTH = 0.15  # squared VAD distance at which a prototype's weight falls to 1/e


@dataclass(frozen=True, slots=True)
class FacialExpression:
    """The face for one emotion state: AUs, all 52 ARKit weights, and the hri_msgs view."""

    action_units: dict[str, float]
    blendshapes: dict[str, float]
    hri_expression: str
    valence: float
    arousal: float
    confidence: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "action_units": {k: round(v, 4) for k, v in self.action_units.items()},
            "blendshapes": {k: round(v, 4) for k, v in self.blendshapes.items()},
            "hri": self.hri_message(),
        }

    def hri_message(self) -> dict[str, Any]:
        """The fields of hri_msgs/Expression (without the header)."""
        return {
            "expression": self.hri_expression,
            "valence": round(self.valence, 4),
            "arousal": round(self.arousal, 4),
            "confidence": round(self.confidence, 4),
        }


def prototype_weights(vad: VAD) -> dict[str, float]:
    """Weights (summing to 1) of the Ekman prototypes by closeness to ``vad`` (a softmax of
    negative squared distance to each term's Russell & Mehrabian 1977 coordinates).

    >>> w = prototype_weights(EKMAN["anger"])
    >>> max(w, key=w.get)
    'anger'
    """
    scores = {name: -(point.distance(vad) ** 2) / _BLEND_WIDTH for name, point in EKMAN.items()}
    top = max(scores.values())
    exp = {name: math.exp(s - top) for name, s in scores.items()}
    total = sum(exp.values())
    return {name: e / total for name, e in exp.items()}


def action_units(vad: VAD, label: str | None = None, intensity: float = 1.0) -> dict[str, float]:
    """FACS AU intensities in [0, 1] for an emotion; see :func:`express`."""
    intensity = _unit(intensity, "intensity")
    mix: dict[str, float]
    key = _normal(label)
    if key is not None and key in LABELS:
        proto, gain, _ = LABELS[key]
        mix = {proto: gain}
    else:
        mix = prototype_weights(vad)
    aus: dict[str, float] = {}
    for proto, share in mix.items():
        for au, level in PROTOTYPES[proto].items():
            aus[au] = aus.get(au, 0.0) + share * level * intensity
    # Arousal widens the eyes (AU5) when high and lowers the lids (AU43) when low, on top of the
    # prototype: the same label looks livelier in an aroused state.
    if vad.arousal > 0.3:
        aus["AU5"] = aus.get("AU5", 0.0) + 0.3 * (vad.arousal - 0.3) * intensity
    elif vad.arousal < -0.3:
        aus["AU43"] = aus.get("AU43", 0.0) + 0.4 * (-vad.arousal - 0.3)
    return {au: min(1.0, level) for au, level in aus.items() if level > 1e-4}


def hri_expression(label: str | None, vad: VAD, intensity: float = 1.0) -> str:
    """The hri_msgs/Expression name for an emotion, stronger names for stronger intensity.

    >>> hri_expression("anger", EKMAN["anger"], 0.9), hri_expression("anger", EKMAN["anger"], 0.2)
    ('furious', 'annoyed')
    """
    key = _normal(label)
    if key is not None and key in LABELS:
        name = LABELS[key][2]
    else:
        ekman = max(prototype_weights(vad).items(), key=lambda kv: kv[1])[0]
        name = LABELS[ekman][2]
    if key not in HRI_EXPRESSIONS and name in _ESCALATION:
        low, high = _ESCALATION[name]
        if intensity < 0.35:
            name = low
        elif intensity >= 0.8 and (name != "happy" or vad.arousal > 0.3):
            name = high
    return name


def express(
    vad: VAD, label: str | None = None, intensity: float = 1.0, *, confidence: float = 1.0
) -> FacialExpression:
    """The face for an emotion: AUs, 52 ARKit weights, and the hri_msgs expression.

    Args:
        vad: the expressed affect.
        label: an emotion name from OCC, MELD, Ekman or hri_msgs; None blends by VAD.
        intensity: in [0, 1]; 0 is a neutral face whatever the label.
        confidence: how sure the agent is of its own state, passed to hri_msgs.

    >>> face = express(VAD(0.8, 0.5, 0.4), "joy", 0.8)
    >>> face.hri_expression, face.blendshapes["mouthSmileLeft"] > 0.5
    ('excited', True)
    """
    confidence = _unit(confidence, "confidence")
    aus = action_units(vad, label, intensity)
    return FacialExpression(
        action_units=aus,
        blendshapes=blendshapes_from_aus(aus),
        hri_expression=hri_expression(label, vad, intensity) if intensity > 0.05 else "neutral",
        valence=vad.valence,
        arousal=vad.arousal,
        confidence=confidence,
    )


def _normal(label: str | None) -> str | None:
    if label is None:
        return None
    return label.strip().lower().replace(" ", "_").replace("-", "_")


def _unit(x: float, name: str) -> float:
    if not isinstance(x, int | float) or math.isnan(x) or not 0.0 <= x <= 1.0:
        raise RobotsError(f"{name} must be a number in [0, 1], got {x!r}")
    return float(x)
