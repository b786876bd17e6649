"""A vectorised engine for many agents: the semantics of :func:`appraisal.dynamics.step` on arrays.

Game servers run thousands of NPCs; calling ``step`` once per agent costs microseconds of
Python each. Here every quantity of the single-agent model is one numpy array with the agent
on the first axis, and one :meth:`Population.step` advances all of them with a few dozen
vector operations. The maths is the same as ``step`` line for line (decay toward the
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

from dataclasses import dataclass

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


@dataclass
class Population:
    """Affect state of ``N`` agents as arrays; rows are agents, columns V, A, D."""

    emotion: np.ndarray  # (N, 3)
    intensity: np.ndarray  # (N,)
    mood: np.ndarray  # (N, 3)
    baseline: np.ndarray  # (N, 3)
    emotion_half_life_s: np.ndarray  # (N,)
    mood_half_life_s: np.ndarray  # (N,)
    mood_gain: np.ndarray  # (N,)
    cause_id: np.ndarray  # (N,) int64, -1 when nothing has moved the agent yet

    @property
    def size(self) -> int:
        return int(self.intensity.shape[0])

    @classmethod
    def from_traits(cls, traits: np.ndarray) -> Population:
        """Agents at rest, with the personality-derived parameters of ``DynamicsParams``."""
        t = _check_traits(traits)
        base = baseline_moods(t)
        n = t[:, 4]
        # Same linear laws as DynamicsParams.for_personality (kept in step by a unit test).
        return cls(
            emotion=base.copy(),
            intensity=np.zeros(len(t)),
            mood=base.copy(),
            baseline=base,
            emotion_half_life_s=15.0 + 15.0 * n,
            mood_half_life_s=450.0 + 300.0 * n,
            mood_gain=0.2 + 0.2 * n,
            cause_id=np.full(len(t), -1, dtype=np.int64),
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
            cause_id=np.full(len(states), -1, dtype=np.int64),
        )

    def state(self, i: int) -> AffectState:
        """Agent ``i`` as a single-agent :class:`AffectState` (without its cause)."""
        return AffectState(
            emotion=VAD.from_array(self.emotion[i]),
            intensity=float(self.intensity[i]),
            mood=VAD.from_array(self.mood[i]),
            baseline=VAD.from_array(self.baseline[i]),
        )

    def expressed(self) -> np.ndarray:
        """What each agent shows: mood displaced toward the emotion by its intensity."""
        k = self.intensity[:, None]
        return np.clip(self.mood + (self.emotion - self.mood) * k, -1.0, 1.0)

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
        # 0.5 ** (dt / half_life) written as exp(-dt ln2 / half_life): one exp, no pow.
        keep_e = np.exp(dt_arr * (-_LN2 / self.emotion_half_life_s))
        keep_m = np.exp(dt_arr * (-_LN2 / self.mood_half_life_s))
        self.intensity *= keep_e
        # baseline.lerp(mood, keep): the mood relaxes toward the baseline.
        self.mood -= self.baseline
        self.mood *= keep_m[:, None]
        self.mood += self.baseline
        if impulse_intensity is None:
            return
        if impulse_vad is None:
            raise AppraisalError("impulse_intensity given without impulse_vad")
        ii = np.asarray(impulse_intensity, dtype=np.float64)
        vad = np.asarray(impulse_vad, dtype=np.float64)
        if ii.shape != self.intensity.shape or vad.shape != self.emotion.shape:
            raise AppraisalError(
                f"impulses must have shapes ({self.size},) and ({self.size}, 3); "
                f"got {ii.shape} and {vad.shape}"
            )
        if not (ii.min() >= 0.0 and ii.max() <= 1.0):
            raise AppraisalError("impulse intensities must be in [0, 1] (no NaN)")
        vad = np.clip(vad, -1.0, 1.0)
        # Weight of the new emotion in the intensity-weighted blend; exactly 0 without impulse.
        total = self.intensity + ii
        total[total == 0.0] = 1.0
        w_new = ii / total
        self.emotion += (vad - self.emotion) * w_new[:, None]
        self.intensity = 1.0 - (1.0 - self.intensity) * (1.0 - ii)
        self.mood += (vad - self.mood) * (self.mood_gain * ii)[:, None]
        np.clip(self.emotion, -1.0, 1.0, out=self.emotion)
        np.clip(self.mood, -1.0, 1.0, out=self.mood)
        np.clip(self.intensity, 0.0, 1.0, out=self.intensity)
        if cause_id is not None:
            self.cause_id = np.where(ii > 0.0, cause_id, self.cause_id)
