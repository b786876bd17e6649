"""Fusion: confidence weighting, staleness fade, disagreement, and NaN safety."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from appraisal import VAD
from perception.base import AffectEstimate
from perception.errors import PerceptionError
from perception.fusion import AffectFusion

pytestmark = pytest.mark.unit


def est(v: float, conf: float, modality: str, t: float = 0.0, a: float = 0.0) -> AffectEstimate:
    return AffectEstimate(VAD(v, a, 0.0), confidence=conf, modality=modality, t=t)


def test_high_confidence_modality_dominates_low_confidence_one() -> None:
    fusion = AffectFusion()
    fusion.add(est(0.8, 0.95, "face"))
    fusion.add(est(-0.8, 0.10, "text"))
    fused = fusion.fuse(now=0.0)
    assert fused.contributions["face"] > 0.85
    assert fused.contributions["text"] < 0.15
    assert fused.estimate.vad.valence > 0.5
    assert fused.estimate.modality == "fused"
    assert math.isclose(sum(fused.contributions.values()), 1.0)


def test_swapping_confidences_swaps_the_sign() -> None:
    fusion = AffectFusion()
    fusion.add(est(0.8, 0.10, "face"))
    fusion.add(est(-0.8, 0.95, "text"))
    assert fusion.fuse(now=0.0).estimate.vad.valence < -0.5


def test_stale_estimate_fades_and_fresh_one_takes_over() -> None:
    fusion = AffectFusion(half_life_s={"face": 2.0, "text": 30.0})
    fusion.add(est(0.9, 0.9, "face", t=0.0))
    fusion.add(est(-0.5, 0.5, "text", t=0.0))
    early = fusion.fuse(now=0.0)
    late = fusion.fuse(now=20.0)  # 10 face half-lives later
    assert early.contributions["face"] > early.contributions["text"]
    assert "face" not in late.contributions or late.contributions["face"] < 0.01
    assert late.estimate.vad.valence < -0.4
    assert late.estimate.confidence < early.estimate.confidence


def test_fade_is_monotone_in_age() -> None:
    fusion = AffectFusion()
    fusion.add(est(0.6, 0.8, "physio", t=0.0))
    confidences = [fusion.fuse(now=float(t)).estimate.confidence for t in range(0, 60, 5)]
    assert all(a > b for a, b in zip(confidences, confidences[1:], strict=False))
    # One half-life halves the weight.
    half = fusion.fuse(now=fusion.half_life("physio")).estimate.confidence
    assert math.isclose(half, 0.4, rel_tol=1e-6)


def test_many_frames_do_not_outvote_one_sentence_by_count() -> None:
    fusion = AffectFusion()
    for i in range(60):
        fusion.add(est(0.5, 0.5, "face", t=i / 30))
    fusion.add(est(-0.5, 0.5, "text", t=2.0))
    fused = fusion.fuse(now=2.0)
    assert 0.3 < fused.contributions["face"] < 0.7


def test_disagreement_names_both_modalities() -> None:
    fusion = AffectFusion()
    fusion.add(est(0.7, 0.8, "face"))
    fusion.add(est(-0.6, 0.8, "text"))
    fused = fusion.fuse(now=0.0)
    assert fused.disagreement is not None
    assert "face reads positive" in fused.disagreement and "text" in fused.disagreement


def test_agreeing_modalities_report_no_disagreement_and_gain_confidence() -> None:
    fusion = AffectFusion()
    fusion.add(est(0.6, 0.5, "face"))
    fusion.add(est(0.5, 0.5, "text"))
    fused = fusion.fuse(now=0.0)
    assert fused.disagreement is None
    assert fused.estimate.confidence == pytest.approx(0.75)


def test_nan_stream_never_produces_nan() -> None:
    fusion = AffectFusion()
    fusion.add(est(0.4, 0.7, "text", t=0.0))
    for t in (math.nan, math.inf, -math.inf):
        assert fusion.add(est(0.9, 0.9, "eeg", t=t)) is False
    assert fusion.dropped == 3
    fused = fusion.fuse(now=1.0)
    values = [*fused.estimate.vad.as_array(), fused.estimate.confidence]
    assert all(math.isfinite(x) for x in values)
    assert "eeg" not in fused.contributions


def test_nan_confidence_cannot_even_be_built() -> None:
    with pytest.raises(PerceptionError):
        est(0.1, math.nan, "eeg")


def test_empty_fusion_is_neutral_with_zero_confidence() -> None:
    fused = AffectFusion().fuse(now=5.0)
    assert fused.estimate.vad == VAD.neutral()
    assert fused.estimate.confidence == 0.0
    assert fused.contributions == {}


def test_bad_inputs_are_refused_clearly() -> None:
    with pytest.raises(PerceptionError, match="AffectEstimate"):
        AffectFusion().add({"valence": 0.3})  # type: ignore[arg-type]
    with pytest.raises(PerceptionError, match="half-life"):
        AffectFusion(half_life_s={"face": 0.0})
    with pytest.raises(PerceptionError, match="finite"):
        AffectFusion().fuse(now=math.nan)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.floats(-1, 1),
            st.floats(0, 1),
            st.sampled_from(["face", "text", "eeg", "physio", "speech"]),
            st.floats(-100, 100),
        ),
        max_size=20,
    ),
    st.floats(-100, 200),
)
def test_fused_values_stay_in_range(items: list, now: float) -> None:
    fusion = AffectFusion()
    for v, c, m, t in items:
        fusion.add(est(v, c, m, t=t))
    fused = fusion.fuse(now=now)
    assert all(-1.0 <= x <= 1.0 for x in fused.estimate.vad.as_array())
    assert 0.0 <= fused.estimate.confidence <= 1.0
    if fused.contributions:
        assert math.isclose(sum(fused.contributions.values()), 1.0)
