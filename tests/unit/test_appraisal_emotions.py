"""Per-type emotion intensities: own half-lives, co-activation, personality, array engine."""

from __future__ import annotations

import numpy as np
import pytest

from appraisal import MELD, OCC, AppraisalError, BigFive, Cause, Impulse
from appraisal.emotions import (
    TYPES,
    EmotionParams,
    EmotionPopulation,
    EmotionState,
    step_emotions,
    type_of,
)

pytestmark = pytest.mark.unit


def _impulse(kind: str, intensity: float) -> Impulse:
    return Impulse(OCC[kind], intensity, Cause(f"test_{kind}", kind, intensity))


def test_each_type_decays_on_its_own_half_life() -> None:
    traits = BigFive(neuroticism=0.9, extraversion=0.1)
    params = EmotionParams.for_personality(traits)
    state = step_emotions(EmotionState.at_rest(traits),
                          [_impulse("fear", 0.8), _impulse("gratitude", 0.8)], 0.0, params)
    fear, grat = TYPES.index("fear"), TYPES.index("gratitude")
    assert params.half_life_s[fear] > params.half_life_s[grat]
    later = step_emotions(state, [], float(params.half_life_s[fear]), params)
    assert later.intensities[fear] == pytest.approx(0.4)
    assert later.intensities[grat] < 0.4  # the shorter-lived gratitude has faded further
    assert later.dominant == "fear"


def test_co_active_emotions_blend_in_vad() -> None:
    params = EmotionParams.for_personality(BigFive())
    state = step_emotions(EmotionState.at_rest(BigFive()),
                          [_impulse("joy", 0.5), _impulse("fear", 0.5)], 0.0, params)
    assert set(state.active()) == {"joy", "fear"}
    centre = state.emotion.as_array()
    assert np.allclose(centre, (OCC["joy"].as_array() + OCC["fear"].as_array()) / 2)
    assert state.intensity == pytest.approx(1 - 0.5 * 0.5)


def test_neurotic_distress_lingers() -> None:
    def left(n: float) -> float:
        traits = BigFive(neuroticism=n)
        params = EmotionParams.for_personality(traits)
        s = step_emotions(EmotionState.at_rest(traits), [_impulse("distress", 1.0)], 0.0, params)
        return float(step_emotions(s, [], 30.0, params).intensities[TYPES.index("distress")])

    assert left(0.9) > left(0.1)


def test_back_within_5_percent_after_5_half_lives() -> None:
    traits = BigFive(neuroticism=0.7)
    params = EmotionParams.for_personality(traits)
    hit = step_emotions(EmotionState.at_rest(traits),
                        [_impulse("anger", 1.0), _impulse("hope", 0.6)], 0.0, params)
    gap = hit.mood.distance(hit.baseline)
    later = step_emotions(hit, [], 5 * max(float(params.half_life_s.max()),
                                           params.mood_half_life_s), params)
    assert later.intensities.max() <= 0.05
    assert later.mood.distance(later.baseline) <= 0.05 * gap


def test_unknown_labels_fall_back_to_the_nearest_type() -> None:
    odd = Impulse(OCC["anger"], 0.5, Cause("e", "rage", 0.5))
    k = type_of(odd)
    assert k is not None and TYPES[k] in ("anger", "hate")


@pytest.mark.parametrize(("meld", "occ"), [("sadness", "distress"), ("disgust", "disliking"),
                                            ("joy", "joy"), ("surprise", None),
                                            ("neutral", None)])  # fmt: skip
def test_meld_labels_take_their_occ_type_and_surprise_has_none(meld: str, occ: str | None
                                                                ) -> None:
    rest = EmotionState.at_rest(BigFive())
    params = EmotionParams.for_personality(BigFive())
    state = step_emotions(rest, [Impulse(MELD[meld], 0.7, Cause("e", meld, 0.7))], 0.0, params)
    assert state.active() == ({} if occ is None else {occ: pytest.approx(0.7)})
    if occ is None:
        assert state.mood == rest.mood


def test_engines_agree_on_1000_random_scenarios() -> None:
    rng = np.random.default_rng(11)
    n = 1000
    traits = rng.uniform(0, 1, (n, 5))
    pop = EmotionPopulation(traits=traits)
    singles = [EmotionState.at_rest(BigFive(*t)) for t in traits]
    params = [EmotionParams.for_personality(BigFive(*t)) for t in traits]
    for _ in range(5):
        dt = float(rng.uniform(0, 60))
        kinds = np.where(rng.uniform(size=n) < 0.6, rng.integers(0, len(TYPES), n), -1)
        ii = rng.uniform(0, 1, n)
        for j in range(n):
            imp = [_impulse(TYPES[kinds[j]], float(ii[j]))] if kinds[j] >= 0 else []
            singles[j] = step_emotions(singles[j], imp, dt, params[j])
        pop.step(dt, kinds, ii)
        emotion = pop.emotion()
        for j in range(n):
            assert np.allclose(pop.intensities[:, j], singles[j].intensities, atol=1e-6, rtol=0)
            assert np.allclose(pop.mood[j], singles[j].mood.as_array(), atol=1e-6, rtol=0)
            assert np.allclose(emotion[j], singles[j].emotion.as_array(), atol=1e-6, rtol=0)


def test_bad_impulses_are_refused() -> None:
    pop = EmotionPopulation(traits=np.full((2, 5), 0.5))
    with pytest.raises(AppraisalError, match="types"):
        pop.step(1.0, np.array([0, 99]), np.array([0.5, 0.5]))
    with pytest.raises(AppraisalError, match="non-negative"):
        pop.step(-1.0)
