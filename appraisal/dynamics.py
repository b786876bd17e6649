"""The agent's emotion and mood over time, as pure functions ``step(state, impulse, dt) -> state``.

The model is ALMA's layering (Gebhard 2005) in a deliberately small form:

- an *emotion* is a point in VAD space with an intensity in [0, 1] that decays with its own
  half-life; co-active emotions combine as their intensity-weighted centre (ALMA, GAMYGDALA);
- the *mood* is a slower VAD state, pulled toward each new emotion in proportion to its
  intensity and relaxing toward the personality's baseline (Mehrabian 1996) with a longer
  half-life;
- the *expressed* affect is the mood displaced toward the emotion by the emotion's intensity.

Every step records why it changed (:class:`Cause`), so the agent can explain itself.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

from appraisal.errors import AppraisalError
from appraisal.personality import BigFive, baseline_mood
from appraisal.vad import VAD
from appraisal.vocabularies import OCC, nearest_label


@dataclass(frozen=True, slots=True)
class Cause:
    """Why an impulse happened: the event, the goal or relation, and the personality terms."""

    event: str
    emotion: str
    intensity: float
    detail: dict[str, float | str] = field(default_factory=dict)

    def describe(self) -> str:
        extras = ", ".join(
            f"{k}={v:+.2f}" if isinstance(v, float) else f"{k}={v}" for k, v in self.detail.items()
        )
        return f"{self.emotion} ({self.intensity:.2f}) from {self.event}" + (
            f" [{extras}]" if extras else ""
        )


@dataclass(frozen=True, slots=True)
class Impulse:
    """An emotion elicited now: its VAD coordinates, intensity in [0, 1] and cause."""

    vad: VAD
    intensity: float
    cause: Cause

    def __post_init__(self) -> None:
        if math.isnan(self.intensity) or not 0.0 <= self.intensity <= 1.0:
            raise AppraisalError(f"impulse intensity must be in [0, 1], got {self.intensity!r}")


@dataclass(frozen=True, slots=True)
class DynamicsParams:
    """Time constants and gains of the emotion/mood dynamics.

    ``mood_gain`` is the fraction of the way the mood moves toward an emotion of intensity 1.
    """

    emotion_half_life_s: float = 20.0
    mood_half_life_s: float = 600.0
    mood_gain: float = 0.3

    def __post_init__(self) -> None:
        if self.emotion_half_life_s <= 0 or self.mood_half_life_s <= 0:
            raise AppraisalError("half-lives must be positive seconds")
        if not 0.0 <= self.mood_gain <= 1.0:
            raise AppraisalError(f"mood_gain must be in [0, 1], got {self.mood_gain!r}")

    @classmethod
    def for_personality(cls, traits: BigFive, **overrides: float) -> DynamicsParams:
        """Neurotic people's moods swing further and settle slower (ALMA's personality gains).

        The gain grows linearly with neuroticism from 0.2 to 0.4; emotional half-life grows
        with neuroticism too, so negative states linger.
        """
        n = traits.neuroticism
        base = cls(
            emotion_half_life_s=15.0 + 15.0 * n,
            mood_half_life_s=450.0 + 300.0 * n,
            mood_gain=0.2 + 0.2 * n,
        )
        return replace(base, **overrides) if overrides else base


@dataclass(frozen=True, slots=True)
class AffectState:
    """The agent's current emotion (VAD + intensity), mood and the baseline it relaxes to."""

    emotion: VAD
    intensity: float
    mood: VAD
    baseline: VAD
    causes: tuple[Cause, ...] = ()

    @classmethod
    def at_rest(cls, traits: BigFive) -> AffectState:
        base = baseline_mood(traits)
        return cls(emotion=base, intensity=0.0, mood=base, baseline=base)

    @property
    def expressed(self) -> VAD:
        """What the agent shows: the mood displaced toward the emotion by its intensity."""
        return self.mood.lerp(self.emotion, self.intensity)

    @property
    def label(self) -> str:
        """The OCC emotion nearest the expressed affect, or ``neutral`` when nothing is felt."""
        if self.intensity < 0.1:
            return "neutral"
        return nearest_label(self.emotion, OCC)


def decay_factor(dt_s: float, half_life_s: float) -> float:
    """The fraction left after ``dt_s`` seconds of exponential decay.

    >>> decay_factor(10.0, 10.0)
    0.5
    """
    if dt_s < 0 or math.isnan(dt_s):
        raise AppraisalError(f"dt must be a non-negative number of seconds, got {dt_s!r}")
    return 0.5 ** (dt_s / half_life_s)


def step(
    state: AffectState,
    impulse: Impulse | None,
    dt: float,
    params: DynamicsParams | None = None,
) -> AffectState:
    """Advance the affect state by ``dt`` seconds, then apply ``impulse`` if any.

    >>> s = AffectState.at_rest(BigFive())
    >>> sad = Impulse(OCC["distress"], 0.8, Cause("user_sad", "distress", 0.8))
    >>> step(s, sad, 0.0).expressed.valence < s.expressed.valence
    True
    """
    p = params or DynamicsParams()
    keep_emotion = decay_factor(dt, p.emotion_half_life_s)
    keep_mood = decay_factor(dt, p.mood_half_life_s)
    intensity = state.intensity * keep_emotion
    mood = state.baseline.lerp(state.mood, keep_mood)
    emotion = state.emotion
    causes: tuple[Cause, ...] = ()
    if impulse is not None and impulse.intensity > 0.0:
        total = intensity + impulse.intensity
        emotion = emotion.scale(intensity / total) + impulse.vad.scale(impulse.intensity / total)
        intensity = 1.0 - (1.0 - intensity) * (1.0 - impulse.intensity)
        mood = mood.lerp(impulse.vad, p.mood_gain * impulse.intensity)
        causes = (impulse.cause,)
    return AffectState(
        emotion=emotion,
        intensity=min(max(intensity, 0.0), 1.0),
        mood=mood,
        baseline=state.baseline,
        causes=causes,
    )
