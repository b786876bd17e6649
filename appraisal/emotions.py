"""Per-type emotion intensities, each decaying on its own half-life, for one agent or many.

``appraisal.dynamics`` keeps one blended emotion; game characters often need to know that an NPC
is *both* afraid and grateful, and that its fear fades faster than its gratitude. Here each of
the 24 OCC/ALMA emotion types has its own intensity in [0, 1] and half-life (FAtiMA keeps a
decay rate per emotion type; Dias et al. 2014):

- an impulse of type k raises I_k by the probabilistic or, I_k <- 1 - (1 - I_k)(1 - i);
- between impulses I_k <- I_k * 0.5 ** (dt / half_life_k);
- the felt emotion is the intensity-weighted centre of the active types in VAD (ALMA,
  Gebhard 2005; GAMYGDALA), its intensity the probabilistic or of all I_k;
- the mood relaxes to the Mehrabian baseline and is pulled toward each new emotion by
  gain x intensity, as in :func:`appraisal.dynamics.step`.

Personality: negative types last 15 + 15 N seconds and positive ones 15 + 15 E (neuroticism is
the tendency for negative affect to persist, extraversion for positive affect; Watson & Clark
1984); the mood's half-life and gain follow ``DynamicsParams.for_personality``.

``EmotionPopulation`` is the same model on ``(24, N)`` arrays, tested equal to
:func:`step_emotions` to 1e-6.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from appraisal.dynamics import Cause, DynamicsParams, Impulse
from appraisal.errors import AppraisalError
from appraisal.occ import NEGATIVE
from appraisal.personality import BigFive, baseline_mood
from appraisal.population import baseline_moods
from appraisal.vad import VAD
from appraisal.vocabularies import OCC, OCC_OF_MELD, nearest_label

TYPES: tuple[str, ...] = tuple(OCC)
TABLE = np.array([OCC[t].as_array() for t in TYPES])  # (24, 3), ALMA's table
_IS_NEGATIVE = np.array([t in NEGATIVE for t in TYPES])


@dataclass(frozen=True)
class EmotionParams:
    """Half-life of each emotion type (24,), and the mood's half-life and gain."""

    half_life_s: np.ndarray
    mood_half_life_s: float = 600.0
    mood_gain: float = 0.3

    @classmethod
    def for_personality(cls, traits: BigFive) -> EmotionParams:
        mood = DynamicsParams.for_personality(traits)
        half = np.where(_IS_NEGATIVE, 15.0 + 15.0 * traits.neuroticism,
                        15.0 + 15.0 * traits.extraversion)
        return cls(half, mood.mood_half_life_s, mood.mood_gain)


@dataclass(frozen=True)
class EmotionState:
    """Intensities of the 24 types, the mood, its baseline, and the causes of the last step."""

    intensities: np.ndarray
    mood: VAD
    baseline: VAD
    causes: tuple[Cause, ...] = field(default=())

    @classmethod
    def at_rest(cls, traits: BigFive) -> EmotionState:
        base = baseline_mood(traits)
        return cls(np.zeros(len(TYPES)), base, base)

    @property
    def intensity(self) -> float:
        return float(1.0 - np.prod(1.0 - self.intensities))

    @property
    def emotion(self) -> VAD:
        """The intensity-weighted centre of the active types (the mood when none is active)."""
        total = float(self.intensities.sum())
        if total <= 0.0:
            return self.mood
        return VAD.from_array(self.intensities @ TABLE / total)

    @property
    def expressed(self) -> VAD:
        return self.mood.lerp(self.emotion, self.intensity)

    @property
    def dominant(self) -> str:
        k = int(np.argmax(self.intensities))
        return TYPES[k] if self.intensities[k] >= 0.1 else "neutral"

    def active(self, threshold: float = 0.05) -> dict[str, float]:
        return {t: float(i) for t, i in zip(TYPES, self.intensities, strict=True) if i >= threshold}


def type_of(impulse: Impulse) -> int | None:
    """The emotion type an impulse belongs to: its cause's OCC name, the OCC type of a MELD
    label (``OCC_OF_MELD``; None for surprise and neutral, which have none), else the type
    nearest its VAD coordinates."""
    name = impulse.cause.emotion
    if name in OCC:
        return TYPES.index(name)
    if name in OCC_OF_MELD:
        occ = OCC_OF_MELD[name]
        return None if occ is None else TYPES.index(occ)
    return TYPES.index(nearest_label(impulse.vad, OCC))


def step_emotions(
    state: EmotionState, impulses: Sequence[Impulse], dt: float, params: EmotionParams
) -> EmotionState:
    """Decay every type for ``dt`` seconds, then apply ``impulses`` in order (an impulse with no
    OCC type, such as surprise, changes neither the intensities nor the mood)."""
    if not dt >= 0.0:
        raise AppraisalError(f"dt must be a non-negative number of seconds, got {dt!r}")
    intensities = state.intensities * 0.5 ** (dt / params.half_life_s)
    keep = 0.5 ** (dt / params.mood_half_life_s)
    mood = state.baseline.lerp(state.mood, keep)
    for impulse in impulses:
        k = type_of(impulse)
        if k is None:
            continue
        intensities[k] = 1.0 - (1.0 - intensities[k]) * (1.0 - impulse.intensity)
        mood = mood.lerp(VAD.from_array(TABLE[k]), params.mood_gain * impulse.intensity)
    return EmotionState(np.clip(intensities, 0.0, 1.0), mood, state.baseline,
                        tuple(i.cause for i in impulses))


class EmotionPopulation:
    """The per-type model for N agents: intensities (24, N), mood and baseline (3, N)."""

    def __init__(self, *, traits: np.ndarray) -> None:
        t = np.asarray(traits, dtype=np.float64)
        if t.ndim != 2 or t.shape[1] != 5 or not np.all((t >= 0) & (t <= 1)):
            raise AppraisalError("traits must be an (N, 5) array of OCEAN scores in [0, 1]")
        n = len(t)
        self._baseline = np.ascontiguousarray(baseline_moods(t).T)
        self._mood = self._baseline.copy()
        self.intensities = np.zeros((len(TYPES), n))
        half = np.where(_IS_NEGATIVE[:, None], 15.0 + 15.0 * t[:, 4], 15.0 + 15.0 * t[:, 2])
        self._rate = -np.log(2.0) / half  # (24, N)
        self._rate_mood = -np.log(2.0) / (450.0 + 300.0 * t[:, 4])
        self.mood_gain = 0.2 + 0.2 * t[:, 4]

    @property
    def mood(self) -> np.ndarray:
        return self._mood.T

    def emotion(self) -> np.ndarray:
        """(N, 3) intensity-weighted centre of each agent's active types (mood if none)."""
        total = self.intensities.sum(axis=0)
        centre = TABLE.T @ self.intensities / np.where(total > 0, total, 1.0)
        return np.where(total > 0, centre, self._mood).T

    def step(self, dt: float, impulse_type: np.ndarray | None = None,
             impulse_intensity: np.ndarray | None = None) -> None:
        """Decay all agents; then agent j gets an impulse of type ``impulse_type[j]`` (-1: none)."""
        if not dt >= 0.0:
            raise AppraisalError(f"dt must be non-negative seconds, got {dt!r}")
        self.intensities *= np.exp(dt * self._rate)
        keep = np.exp(dt * self._rate_mood)
        self._mood = self._baseline + (self._mood - self._baseline) * keep
        if impulse_type is None or impulse_intensity is None:
            return
        kinds = np.asarray(impulse_type)
        ii = np.asarray(impulse_intensity, dtype=np.float64)
        n = self.intensities.shape[1]
        if kinds.shape != (n,) or ii.shape != (n,) or not (ii.min() >= 0 and ii.max() <= 1):
            raise AppraisalError(f"impulses must be ({n},) types in -1..23 and ({n},) "
                                 "intensities in [0, 1]")
        if kinds.min() < -1 or kinds.max() >= len(TYPES):
            raise AppraisalError(f"impulse types must be -1 (none) or 0..{len(TYPES) - 1}")
        hit = np.nonzero(kinds >= 0)[0]
        k, i = kinds[hit], ii[hit]
        self.intensities[k, hit] = 1.0 - (1.0 - self.intensities[k, hit]) * (1.0 - i)
        target = TABLE[k].T  # (3, hits)
        self._mood[:, hit] += (target - self._mood[:, hit]) * (self.mood_gain[hit] * i)
        np.clip(self._mood, -1.0, 1.0, out=self._mood)
        np.clip(self.intensities, 0.0, 1.0, out=self.intensities)
