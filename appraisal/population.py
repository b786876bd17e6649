"""A vectorised engine for many agents: the semantics of :func:`appraisal.dynamics.step` on arrays.

Game servers run thousands of NPCs; calling ``step`` once per agent costs microseconds of
Python each. Here every quantity of the single-agent model is one numpy array over agents, and
one :meth:`Population.step` advances all of them with a few dozen vector operations. VAD
blocks are stored as ``(3, N)`` (one contiguous row per axis), so each operation runs over N
contiguous numbers instead of N triples; ``emotion``/``mood``/``baseline`` are ``(N, 3)`` views.
The maths is the same as ``step`` line for line (decay toward the
baseline, intensity-weighted blend of the emotion, probabilistic-or of intensities, mood
pulled toward the new emotion), which ``tests/unit/test_appraisal_population.py`` checks to
1e-6 on random scenarios.

Traces: an array can't hold a :class:`~appraisal.dynamics.Cause` per agent cheaply, so each
agent keeps the integer id of the last impulse that moved it (``cause_id``; -1 = none), an
index into the caller's own table of events.

>>> import numpy as np
>>> pop = Population.from_traits(np.full((3, 5), 0.5))
>>> pop.step(1.0, impulse_vad=np.tile([-0.4, -0.2, -0.5], (3, 1)),
...          impulse_intensity=np.array([0.0, 0.5, 1.0]))
>>> [round(float(x), 2) for x in pop.intensity]
[0.0, 0.5, 1.0]
"""

from __future__ import annotations

import numpy as np

from appraisal.dynamics import AffectState, DynamicsParams
from appraisal.errors import AppraisalError
from appraisal.personality import MEHRABIAN
from appraisal.vad import VAD

_LN2 = float(np.log(2.0))


def baseline_moods(traits: np.ndarray) -> np.ndarray:
    """Baseline PAD moods of ``(N, 5)`` Big Five traits in [0, 1] (O, C, E, A, N order)."""
    t = _check_traits(traits)
    return np.clip((2.0 * t - 1.0) @ MEHRABIAN.T, -1.0, 1.0)


def _check_traits(traits: np.ndarray) -> np.ndarray:
    t = np.asarray(traits, dtype=np.float64)
    if t.ndim != 2 or t.shape[1] != 5:
        raise AppraisalError(f"traits must have shape (agents, 5) in OCEAN order, got {t.shape}")
    if not np.all((t >= 0.0) & (t <= 1.0)):
        raise AppraisalError("every Big Five trait must be a number in [0, 1] (no NaN)")
    return t


class Population:
    """Affect state of ``N`` agents as arrays; ``emotion``/``mood``/``baseline`` are (N, 3) views.

    Args (keyword-only): ``emotion``, ``mood``, ``baseline`` as (N, 3) VAD arrays; ``intensity``,
    ``emotion_half_life_s``, ``mood_half_life_s``, ``mood_gain`` as (N,) arrays.
    """

    def __init__(
        self,
        *,
        emotion: np.ndarray,
        intensity: np.ndarray,
        mood: np.ndarray,
        baseline: np.ndarray,
        emotion_half_life_s: np.ndarray,
        mood_half_life_s: np.ndarray,
        mood_gain: np.ndarray,
    ) -> None:
        n = len(intensity)
        self._emotion = _columns(emotion, n, "emotion")
        self._mood = _columns(mood, n, "mood")
        self._baseline = _columns(baseline, n, "baseline")
        self.intensity = _vector(intensity, n, "intensity")
        self.emotion_half_life_s = _vector(emotion_half_life_s, n, "emotion_half_life_s")
        self.mood_half_life_s = _vector(mood_half_life_s, n, "mood_half_life_s")
        self.mood_gain = _vector(mood_gain, n, "mood_gain")
        if np.any(self.emotion_half_life_s <= 0) or np.any(self.mood_half_life_s <= 0):
            raise AppraisalError("half-lives must be positive seconds")
        # Decay rates -ln2 / half-life, so a step costs one multiply and one exp per agent.
        self._rate_e = -_LN2 / self.emotion_half_life_s
        self._rate_m = -_LN2 / self.mood_half_life_s
        self.cause_id = np.full(n, -1, dtype=np.int64)
        # Scratch buffers reused by every step: temporaries of this size would otherwise be
        # allocated (and page-faulted in) a dozen times per step.
        self._v = np.empty((3, n))
        self._t3 = np.empty((3, n))
        self._t1 = np.empty(n)
        self._w = np.empty(n)

    @property
    def size(self) -> int:
        return int(self.intensity.shape[0])

    @property
    def emotion(self) -> np.ndarray:
        return self._emotion.T

    @property
    def mood(self) -> np.ndarray:
        return self._mood.T

    @property
    def baseline(self) -> np.ndarray:
        return self._baseline.T

    @classmethod
    def from_traits(cls, traits: np.ndarray) -> Population:
        """Agents at rest, with the personality-derived parameters of ``DynamicsParams``."""
        t = _check_traits(traits)
        base = baseline_moods(t)
        n = t[:, 4]
        # Same linear laws as DynamicsParams.for_personality (a unit test holds them equal).
        return cls(
            emotion=base,
            intensity=np.zeros(len(t)),
            mood=base,
            baseline=base,
            emotion_half_life_s=15.0 + 15.0 * n,
            mood_half_life_s=450.0 + 300.0 * n,
            mood_gain=0.2 + 0.2 * n,
        )

    @classmethod
    def from_states(
        cls, states: list[AffectState], params: list[DynamicsParams]
    ) -> Population:
        """Pack single-agent states and their parameters into arrays."""
        if len(states) != len(params):
            raise AppraisalError("give one DynamicsParams per AffectState")
        return cls(
            emotion=np.array([s.emotion.as_array() for s in states]).reshape(-1, 3),
            intensity=np.array([s.intensity for s in states], dtype=np.float64),
            mood=np.array([s.mood.as_array() for s in states]).reshape(-1, 3),
            baseline=np.array([s.baseline.as_array() for s in states]).reshape(-1, 3),
            emotion_half_life_s=np.array([p.emotion_half_life_s for p in params]),
            mood_half_life_s=np.array([p.mood_half_life_s for p in params]),
            mood_gain=np.array([p.mood_gain for p in params]),
        )

    def state(self, i: int) -> AffectState:
        """Agent ``i`` as a single-agent :class:`AffectState` (without its cause)."""
        return AffectState(
            emotion=VAD.from_array(self._emotion[:, i]),
            intensity=float(self.intensity[i]),
            mood=VAD.from_array(self._mood[:, i]),
            baseline=VAD.from_array(self._baseline[:, i]),
        )

    def expressed(self) -> np.ndarray:
        """(N, 3): what each agent shows, the mood displaced toward the emotion by intensity."""
        out = self._mood + (self._emotion - self._mood) * self.intensity
        return np.clip(out, -1.0, 1.0, out=out).T

    def step(
        self,
        dt: float | np.ndarray,
        impulse_vad: np.ndarray | None = None,
        impulse_intensity: np.ndarray | None = None,
        cause_id: np.ndarray | int | None = None,
    ) -> None:
        """Advance every agent by ``dt`` seconds, then apply impulses where intensity > 0.

        Args:
            dt: seconds, a scalar or one per agent, each >= 0.
            impulse_vad: ``(N, 3)`` VAD of each agent's impulse (ignored where intensity is 0).
            impulse_intensity: ``(N,)`` in [0, 1]; 0 means no impulse for that agent.
            cause_id: the event id recorded for agents that received an impulse.
        """
        dt_arr = np.asarray(dt, dtype=np.float64)
        if not dt_arr.min() >= 0.0:  # also false for NaN
            raise AppraisalError("dt must be non-negative seconds (no NaN)")
        t1, t3, w, v = self._t1, self._t3, self._w, self._v
        np.exp(np.multiply(dt_arr, self._rate_e, out=t1), out=t1)
        self.intensity *= t1
        # baseline.lerp(mood, keep): the mood relaxes toward the baseline.
        np.exp(np.multiply(dt_arr, self._rate_m, out=t1), out=t1)
        self._mood -= self._baseline
        self._mood *= t1
        self._mood += self._baseline
        if impulse_intensity is None:
            return
        if impulse_vad is None:
            raise AppraisalError("impulse_intensity given without impulse_vad")
        ii = np.asarray(impulse_intensity, dtype=np.float64)
        vad = np.asarray(impulse_vad, dtype=np.float64)
        if ii.shape != self.intensity.shape or vad.shape != (self.size, 3):
            raise AppraisalError(
                f"impulses must have shapes ({self.size},) and ({self.size}, 3); "
                f"got {ii.shape} and {vad.shape}"
            )
        if not (ii.min() >= 0.0 and ii.max() <= 1.0):
            raise AppraisalError("impulse intensities must be in [0, 1] (no NaN)")
        np.clip(vad.T, -1.0, 1.0, out=v)
        # Weight of the new emotion in the intensity-weighted blend; exactly 0 without impulse.
        np.add(self.intensity, ii, out=t1)
        w.fill(0.0)
        np.divide(ii, t1, out=w, where=t1 > 0.0)
        np.subtract(v, self._emotion, out=t3)
        t3 *= w
        self._emotion += t3
        # 1 - (1 - I)(1 - i), the probabilistic or, expanded to run in place.
        np.multiply(self.intensity, ii, out=t1)
        self.intensity += ii
        self.intensity -= t1
        np.multiply(self.mood_gain, ii, out=t1)
        np.subtract(v, self._mood, out=t3)
        t3 *= t1
        self._mood += t3
        np.clip(self._emotion, -1.0, 1.0, out=self._emotion)
        np.clip(self._mood, -1.0, 1.0, out=self._mood)
        np.clip(self.intensity, 0.0, 1.0, out=self.intensity)
        if cause_id is not None:
            hit = ii > 0.0
            self.cause_id[hit] = np.asarray(cause_id)[hit] if np.ndim(cause_id) else cause_id


def _columns(x: np.ndarray, n: int, name: str) -> np.ndarray:
    a = np.asarray(x, dtype=np.float64)
    if a.shape != (n, 3):
        raise AppraisalError(f"{name} must have shape ({n}, 3), got {a.shape}")
    return np.ascontiguousarray(a.T)


def _vector(x: np.ndarray, n: int, name: str) -> np.ndarray:
    a = np.array(x, dtype=np.float64)
    if a.shape != (n,):
        raise AppraisalError(f"{name} must have shape ({n},), got {a.shape}")
    return a
