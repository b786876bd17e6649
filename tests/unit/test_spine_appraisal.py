"""The spine's emotion maths: VAD bounds, Mehrabian baseline, decay and impulse directions."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from appraisal import (
    OCC,
    VAD,
    AffectState,
    AppraisalError,
    BigFive,
    Cause,
    DynamicsParams,
    Impulse,
    baseline_mood,
    step,
)

pytestmark = pytest.mark.unit

unit_float = st.floats(min_value=-5, max_value=5, allow_nan=False)


@given(unit_float, unit_float, unit_float)
def test_vad_always_in_cube(v: float, a: float, d: float) -> None:
    point = VAD(v, a, d)
    assert all(-1.0 <= x <= 1.0 for x in point.as_array())


def test_vad_refuses_nan() -> None:
    with pytest.raises(ValueError, match="NaN"):
        VAD(math.nan, 0, 0)


def test_mehrabian_coefficients() -> None:
    # Only extraversion at its maximum (bipolar +1): P = .21, A = 0, D = .60 (Mehrabian 1996).
    traits = BigFive(extraversion=1.0)
    mood = baseline_mood(traits)
    assert mood.valence == pytest.approx(0.21)
    assert mood.arousal == pytest.approx(0.0)
    assert mood.dominance == pytest.approx(0.60)


@pytest.mark.parametrize(
    ("trait", "axis", "sign"),
    [
        ("extraversion", "valence", +1),
        ("agreeableness", "valence", +1),
        ("neuroticism", "valence", -1),
        ("neuroticism", "arousal", +1),
        ("extraversion", "dominance", +1),
        ("agreeableness", "dominance", -1),
    ],
)
def test_personality_shifts_baseline_as_cited(trait: str, axis: str, sign: int) -> None:
    low = getattr(baseline_mood(BigFive(**{trait: 0.2})), axis)
    high = getattr(baseline_mood(BigFive(**{trait: 0.8})), axis)
    assert (high - low) * sign > 0


@pytest.mark.parametrize("bad", [7.0, -0.1, math.nan])
def test_bigfive_rejects_out_of_range(bad: float) -> None:
    with pytest.raises(AppraisalError, match="extraversion"):
        BigFive(extraversion=bad)


def _sad(intensity: float = 0.8) -> Impulse:
    return Impulse(OCC["distress"], intensity, Cause("bad_news", "distress", intensity))


def test_distress_lowers_valence_and_decay_returns_to_baseline() -> None:
    params = DynamicsParams(emotion_half_life_s=10.0, mood_half_life_s=30.0)
    rest = AffectState.at_rest(BigFive())
    hit = step(rest, _sad(), 0.0, params)
    assert hit.expressed.valence < rest.expressed.valence - 0.2
    later = step(hit, None, 5 * 30.0, params)
    gap_before = hit.expressed.distance(rest.baseline)
    gap_after = later.expressed.distance(rest.baseline)
    assert gap_after <= 0.05 * gap_before + 1e-9


@given(
    st.lists(
        st.tuples(
            st.sampled_from(sorted(OCC)),
            st.floats(0, 1),
            st.floats(0, 1000),
        ),
        max_size=20,
    )
)
def test_state_stays_bounded(events: list[tuple[str, float, float]]) -> None:
    state = AffectState.at_rest(BigFive(neuroticism=0.9))
    for name, intensity, dt in events:
        state = step(state, Impulse(OCC[name], intensity, Cause("e", name, intensity)), dt)
        assert 0.0 <= state.intensity <= 1.0
        for point in (state.expressed, state.mood, state.emotion):
            assert all(-1.0 <= x <= 1.0 for x in point.as_array())


def test_negative_dt_is_refused() -> None:
    with pytest.raises(AppraisalError, match="dt"):
        step(AffectState.at_rest(BigFive()), None, -1.0)
