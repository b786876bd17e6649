"""Personality directions, decay back to baseline, and bounds under any input."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from appraisal import OCC, AffectState, BigFive, Cause, DynamicsParams, Impulse, baseline_mood, step
from appraisal.occ import Event, Goal, OCCAppraiser
from appraisal.population import Population

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("low,high", [(0.1, 0.9), (0.3, 0.6), (0.0, 1.0)])
def test_extraversion_raises_baseline_pleasure(low: float, high: float) -> None:
    # Mehrabian (1996): P = .21 E + .59 A - .19 N, so dP/dE = .21 x 2 on the [0, 1] scale.
    lo = baseline_mood(BigFive(extraversion=low)).valence
    hi = baseline_mood(BigFive(extraversion=high)).valence
    assert hi - lo == pytest.approx(0.42 * (high - low))


def _swing(neuroticism: float) -> tuple[float, float]:
    """Distress intensity and the drop in expressed valence after the same bad news.

    Both agents start from the same neutral state: a neurotic agent's baseline is already
    lower (Mehrabian), so from its own baseline it has less room to fall toward distress; the
    swing that personality controls is the response to the same event from the same state.
    """
    traits = BigFive(neuroticism=neuroticism)
    agent = OCCAppraiser(traits=traits, goals=[Goal("job", 0.7)])
    state = AffectState.at_rest(BigFive())
    params = DynamicsParams.for_personality(traits)
    before = state.expressed.valence
    impulses = agent.appraise(Event("fired", {"job": -1.0}))
    for impulse in impulses:
        state = step(state, impulse, 0.0, params)
    (distress,) = [i for i in impulses if i.cause.emotion == "distress"]
    return distress.intensity, before - state.expressed.valence


def test_neuroticism_gives_larger_negative_swings() -> None:
    calm_intensity, calm_drop = _swing(0.1)
    anxious_intensity, anxious_drop = _swing(0.9)
    assert anxious_intensity > calm_intensity
    assert anxious_drop > calm_drop > 0


def test_neuroticism_lowers_the_threshold_of_negative_emotions() -> None:
    # A faint threat is below a stable agent's fear threshold but felt by a neurotic one.
    def fear(n: float) -> int:
        agent = OCCAppraiser(traits=BigFive(neuroticism=n), goals=[Goal("safe", 0.3)])
        return len(agent.appraise(Event("noise", {"safe": -0.5}, likelihood=0.2)))

    assert fear(0.0) == 0 and fear(1.0) == 1


def test_agreeableness_raises_pity_and_damps_gloating() -> None:
    def feel(a: float, like: float) -> float:
        agent = OCCAppraiser(traits=BigFive(agreeableness=a), goals=[Goal("g", 1.0, owner="o")],
                             relations={"o": like})
        (imp,) = agent.appraise(Event("o_hurt", {"g": -1.0}))
        return imp.intensity

    assert feel(0.9, 0.6) > feel(0.1, 0.6)  # pity
    assert feel(0.9, -0.6) < feel(0.1, -0.6)  # gloating


@pytest.mark.parametrize("neuroticism", [0.0, 0.5, 1.0])
def test_back_within_5_percent_after_5_half_lives(neuroticism: float) -> None:
    traits = BigFive(neuroticism=neuroticism)
    params = DynamicsParams.for_personality(traits)
    state = AffectState.at_rest(traits)
    hit = Impulse(OCC["fear"], 1.0, Cause("ambush", "fear", 1.0))
    state = step(state, hit, 0.0, params)
    mood_gap = state.mood.distance(state.baseline)
    assert mood_gap > 0.1 and state.intensity == 1.0
    after_emotion = step(state, None, 5 * params.emotion_half_life_s, params)
    assert after_emotion.intensity <= 0.05
    after_mood = step(state, None, 5 * params.mood_half_life_s, params)
    assert after_mood.mood.distance(state.baseline) <= 0.05 * mood_gap
    expressed_gap = after_mood.expressed.distance(after_mood.baseline)
    assert expressed_gap <= 0.05 * state.expressed.distance(state.baseline)


trait = st.floats(min_value=0.0, max_value=1.0, allow_nan=False)
unit = st.floats(min_value=-1.0, max_value=1.0, allow_nan=False)
event = st.builds(
    lambda c1, c2, p, who, praise: Event(
        "e", {"a": c1, "b": c2}, likelihood=p, agent=who, praiseworthiness=praise
    ),
    unit, unit, st.sampled_from([0.0, 0.3, 0.8, 1.0]),
    st.sampled_from([None, "self", "o"]), st.one_of(st.none(), unit),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(trait, min_size=5, max_size=5), unit, st.lists(event, min_size=1, max_size=8),
       st.lists(st.floats(min_value=0, max_value=1e4, allow_nan=False), min_size=8, max_size=8))
def test_bounds_hold_for_any_personality_and_events(traits, like, events, dts) -> None:  # type: ignore[no-untyped-def]
    big5 = BigFive(*traits)
    agent = OCCAppraiser(traits=big5, goals=[Goal("a", 1.0), Goal("b", -0.6, owner="o")],
                         relations={"o": like})
    state = AffectState.at_rest(big5)
    params = DynamicsParams.for_personality(big5)
    pop = Population.from_traits(np.array([traits]))
    for ev, dt in zip(events, dts, strict=False):
        impulses = agent.appraise(ev) or [None]
        for k, impulse in enumerate(impulses):
            assert impulse is None or 0.0 <= impulse.intensity <= 1.0
            state = step(state, impulse, dt if k == 0 else 0.0, params)
            vad = np.zeros((1, 3)) if impulse is None else impulse.vad.as_array()[None]
            ii = np.zeros(1) if impulse is None else np.array([impulse.intensity])
            pop.step(dt if k == 0 else 0.0, impulse_vad=vad, impulse_intensity=ii)
            for point in (state.emotion, state.mood, state.expressed):
                assert np.all(np.abs(point.as_array()) <= 1.0)
            assert 0.0 <= state.intensity <= 1.0
            assert np.all(np.abs(pop.expressed()) <= 1.0) and 0.0 <= pop.intensity[0] <= 1.0
