"""The Valence-Arousal-Dominance value type that every floor speaks."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np


def _clip(x: float) -> float:
    if math.isnan(x):
        raise ValueError("VAD component is NaN; drop the sample or lower its confidence instead")
    return -1.0 if x < -1.0 else 1.0 if x > 1.0 else float(x)


@dataclass(frozen=True, slots=True)
class VAD:
    """A point in Valence (pleasure), Arousal, Dominance space, each axis in [-1, 1].

    Values outside the cube are clipped on construction, so every VAD that exists is valid.

    >>> VAD(0.5, 2.0, -0.1)
    VAD(valence=0.5, arousal=1.0, dominance=-0.1)
    >>> (VAD(0.2, 0.0, 0.0) + VAD(0.1, 0.1, 0.0)).valence
    0.30000000000000004
    """

    valence: float = 0.0
    arousal: float = 0.0
    dominance: float = 0.0

    def __post_init__(self) -> None:
        object.__setattr__(self, "valence", _clip(float(self.valence)))
        object.__setattr__(self, "arousal", _clip(float(self.arousal)))
        object.__setattr__(self, "dominance", _clip(float(self.dominance)))

    @classmethod
    def neutral(cls) -> VAD:
        return cls(0.0, 0.0, 0.0)

    @classmethod
    def from_array(cls, values: Iterable[float]) -> VAD:
        v, a, d = (float(x) for x in values)
        return cls(v, a, d)

    @classmethod
    def from_dict(cls, values: Mapping[str, float]) -> VAD:
        return cls(values["valence"], values["arousal"], values["dominance"])

    def as_array(self) -> np.ndarray:
        return np.array([self.valence, self.arousal, self.dominance], dtype=np.float64)

    def to_dict(self) -> dict[str, float]:
        return {"valence": self.valence, "arousal": self.arousal, "dominance": self.dominance}

    def __add__(self, other: VAD) -> VAD:
        return VAD(
            self.valence + other.valence,
            self.arousal + other.arousal,
            self.dominance + other.dominance,
        )

    def __sub__(self, other: VAD) -> VAD:
        return VAD(
            self.valence - other.valence,
            self.arousal - other.arousal,
            self.dominance - other.dominance,
        )

    def scale(self, k: float) -> VAD:
        return VAD(self.valence * k, self.arousal * k, self.dominance * k)

    def lerp(self, other: VAD, t: float) -> VAD:
        """Move a fraction ``t`` in [0, 1] of the way toward ``other``."""
        t = min(max(t, 0.0), 1.0)
        return VAD(
            self.valence + (other.valence - self.valence) * t,
            self.arousal + (other.arousal - self.arousal) * t,
            self.dominance + (other.dominance - self.dominance) * t,
        )

    def distance(self, other: VAD) -> float:
        return float(np.linalg.norm(self.as_array() - other.as_array()))

    def norm(self) -> float:
        return float(np.linalg.norm(self.as_array()))

    def octant(self) -> str:
        """Mehrabian's mood octant name (e.g. ``+P+A+D`` is "exuberant")."""
        return MOOD_OCTANTS[(self.valence >= 0, self.arousal >= 0, self.dominance >= 0)]


# Mehrabian (1996) names of the eight PAD octants, as used by ALMA (Gebhard 2005) for mood.
MOOD_OCTANTS: dict[tuple[bool, bool, bool], str] = {
    (True, True, True): "exuberant",
    (False, False, False): "bored",
    (True, True, False): "dependent",
    (False, False, True): "disdainful",
    (True, False, True): "relaxed",
    (False, True, False): "anxious",
    (True, False, False): "docile",
    (False, True, True): "hostile",
}
