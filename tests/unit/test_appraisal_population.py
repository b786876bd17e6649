"""The vectorised population engine agrees with the single-agent ``step``."""

from __future__ import annotations

import numpy as np
import pytest

from appraisal import VAD, AffectState, AppraisalError, BigFive, Cause, DynamicsParams, Impulse
from appraisal import step as single_step
from appraisal.personality import baseline_mood
from appraisal.population import Population, baseline_moods

pytestmark = pytest.mark.unit


def _random_state(rng: np.random.Generator) -> tuple[AffectState, DynamicsParams]:
    traits = BigFive(*rng.uniform(0, 1, 5))
    params = DynamicsParams(
        emotion_half_life_s=float(rng.uniform(1, 60)),
        mood_half_life_s=float(rng.uniform(60, 900)),
        mood_gain=float(rng.uniform(0, 1)),
    )
    state = AffectState(
        emotion=VAD(*rng.uniform(-1, 1, 3)),
        intensity=float(rng.uniform(0, 1)) * float(rng.integers(0, 2)),
        mood=VAD(*rng.uniform(-1, 1, 3)),
        baseline=baseline_mood(traits),
    )
    return state, params


def test_engines_agree_on_1000_random_scenarios() -> None:
    rng = np.random.default_rng(4)
    n, steps = 1000, 6
    pairs = [_random_state(rng) for _ in range(n)]
    states = [s for s, _ in pairs]
    params = [p for _, p in pairs]
    pop = Population.from_states(states, params)
    for k in range(steps):
        dt = rng.uniform(0, 120, n) * (rng.uniform(size=n) > 0.2)
        vad = rng.uniform(-1.2, 1.2, (n, 3))  # partly outside the cube: both engines clip
        intensity = rng.uniform(0, 1, n) * (rng.uniform(size=n) > 0.4)
        for i in range(n):
            impulse = None
            if intensity[i] > 0:
                cause = Cause(f"event_{k}", "test", float(intensity[i]))
                impulse = Impulse(VAD(*vad[i]), float(intensity[i]), cause)
            states[i] = single_step(states[i], impulse, float(dt[i]), params[i])
        pop.step(dt, impulse_vad=vad, impulse_intensity=intensity, cause_id=k)
        for i in range(n):
            s = states[i]
            assert np.allclose(pop.emotion[i], s.emotion.as_array(), atol=1e-6, rtol=0)
            assert np.allclose(pop.mood[i], s.mood.as_array(), atol=1e-6, rtol=0)
            assert abs(pop.intensity[i] - s.intensity) <= 1e-6
            assert np.allclose(pop.expressed()[i], s.expressed.as_array(), atol=1e-6, rtol=0)


def test_from_traits_matches_single_agent_personality() -> None:
    rng = np.random.default_rng(1)
    traits = rng.uniform(0, 1, (50, 5))
    pop = Population.from_traits(traits)
    for i, row in enumerate(traits):
        big5 = BigFive(*row)
        p = DynamicsParams.for_personality(big5)
        assert np.allclose(pop.baseline[i], baseline_mood(big5).as_array(), atol=1e-12)
        assert pop.emotion_half_life_s[i] == pytest.approx(p.emotion_half_life_s)
        assert pop.mood_half_life_s[i] == pytest.approx(p.mood_half_life_s)
        assert pop.mood_gain[i] == pytest.approx(p.mood_gain)
    assert np.allclose(baseline_moods(traits), pop.baseline)


def test_cause_ids_mark_only_agents_that_were_moved() -> None:
    pop = Population.from_traits(np.full((3, 5), 0.5))
    pop.step(0.0, impulse_vad=np.zeros((3, 3)), impulse_intensity=np.array([0.0, 0.3, 0.0]),
             cause_id=7)
    assert pop.cause_id.tolist() == [-1, 7, -1]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"dt": -1.0}, "non-negative"),
        ({"dt": 1.0, "impulse_intensity": np.ones(2)}, "without impulse_vad"),
        ({"dt": 1.0, "impulse_vad": np.zeros((2, 3)), "impulse_intensity": np.ones(3)}, "shapes"),
        ({"dt": 1.0, "impulse_vad": np.zeros((2, 3)), "impulse_intensity": np.full(2, 2.0)},
         r"\[0, 1\]"),
    ],
)
def test_bad_inputs_raise_clear_errors(kwargs: dict, message: str) -> None:
    pop = Population.from_traits(np.full((2, 5), 0.5))
    with pytest.raises(AppraisalError, match=message):
        pop.step(**kwargs)


def test_bad_traits_are_refused() -> None:
    with pytest.raises(AppraisalError, match="shape"):
        Population.from_traits(np.zeros((3, 4)))
    with pytest.raises(AppraisalError, match=r"\[0, 1\]"):
        Population.from_traits(np.full((1, 5), 1.5))
