"""PELD transition maths and the shipped response-emotion selector."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from agent.emotion_transition import LABELS, ResponseEmotionSelector, encode
from appraisal import MELD, VAD, AffectState, AppraisalError, BigFive, baseline_mood
from appraisal.transition import TransitionWeights, personality_vad, transition
from perception import AffectEstimate, DialogueTurn

pytestmark = pytest.mark.unit


def _weights(rng: np.random.Generator, *, personality: bool) -> TransitionWeights:
    k, d = len(LABELS), 14
    return TransitionWeights(
        labels=LABELS, A=rng.normal(size=(3, d)), a0=rng.normal(size=3),
        W=rng.normal(size=(3, 3)) if personality else np.zeros((3, 3)),
        B=rng.normal(size=(k, k + d)), b=rng.normal(size=k),
        anchors=np.array([MELD[x].as_array() for x in LABELS]), scale=np.ones(k),
    )


def _inputs(traits: list[float]) -> dict[str, np.ndarray]:
    return encode(["neutral", "anger"], ["Hi there.", "Get out!"],
                  ["I failed the exam.", "Why would you say that?"], np.array([traits, traits]))


def test_neuroticism_sign_follows_the_psychology_not_the_peld_code() -> None:
    # PELD's code puts neuroticism into Mehrabian's *stability* coefficients (+.19 P, -.57 A);
    # neuroticism is negative affectivity, so it must lower pleasure and raise arousal.
    calm, anxious = personality_vad(np.array([[0.5, 0.5, 0.5, 0.5, 0.0],
                                              [0.5, 0.5, 0.5, 0.5, 1.0]]))
    assert anxious[0] < calm[0] and anxious[1] > calm[1]
    traits = BigFive(0.2, 0.7, 0.9, 0.4, 0.6)
    row = personality_vad(np.array([traits.as_list()]))[0]
    assert np.allclose(row, baseline_mood(traits).as_array())


def test_without_personality_traits_change_nothing() -> None:
    w = _weights(np.random.default_rng(0), personality=False)
    a = transition(w, **_inputs([0.1, 0.1, 0.1, 0.1, 0.1]))
    b = transition(w, **_inputs([0.9, 0.9, 0.9, 0.9, 0.9]))
    assert np.allclose(a.probabilities, b.probabilities)
    assert not w.uses_personality


def test_personality_gain_scales_the_variation() -> None:
    w = _weights(np.random.default_rng(1), personality=True)
    low = transition(w, **_inputs([0.1, 0.1, 0.1, 0.1, 0.9]))
    high = transition(w, **_inputs([0.9, 0.9, 0.9, 0.9, 0.1]))
    assert np.allclose(low.delta, high.delta)  # the context's variation is the same ...
    assert not np.allclose(low.gain, high.gain)  # ... personality scales it differently
    for out in (low, high):
        assert np.allclose(out.probabilities.sum(1), 1.0)
        assert np.all(np.abs(out.target) <= 1.0)


def test_weights_round_trip_and_refuse_bad_shapes(tmp_path: Path) -> None:
    w = _weights(np.random.default_rng(2), personality=True)
    w.save(tmp_path / "w.npz")
    back = TransitionWeights.load(tmp_path / "w.npz")
    assert back.labels == w.labels and np.array_equal(back.W, w.W)
    with pytest.raises(AppraisalError, match="shape"):
        TransitionWeights(labels=LABELS, A=w.A, a0=w.a0, W=np.zeros((2, 2)), B=w.B, b=w.b,
                          anchors=w.anchors, scale=w.scale)
    with pytest.raises(AppraisalError, match="OCEAN"):
        personality_vad(np.array([[0.5, 0.5, 2.0, 0.5, 0.5]]))


@pytest.fixture(scope="module")
def selector() -> ResponseEmotionSelector:
    return ResponseEmotionSelector.load()


def _user(valence: float, label: str) -> AffectEstimate:
    return AffectEstimate(VAD(valence, 0.0, 0.0), {label: 0.9}, confidence=0.9)


def test_shipped_selector_gives_an_impulse_that_explains_itself(selector) -> None:  # type: ignore[no-untyped-def]
    traits = BigFive(agreeableness=0.8)
    history = [DialogueTurn("agent", "How was your day?"),
               DialogueTurn("user", "I lost my job and I feel awful.")]
    impulse = selector.select(user_affect=_user(-0.7, "sadness"),
                              agent_state=AffectState.at_rest(traits), traits=traits,
                              history=history)
    assert impulse is not None and 0.0 < impulse.intensity <= 1.0
    detail = impulse.cause.detail
    assert detail["preceding"] == "neutral" and "sadness" in impulse.cause.event
    assert "transition" in detail or "delta_valence" in detail
    # A liked user's distress does not make the agent feel good.
    assert impulse.vad.valence <= 0.0


def test_selector_answers_a_liked_users_joy_warmly(selector) -> None:  # type: ignore[no-untyped-def]
    traits = BigFive(agreeableness=0.8)
    history = [DialogueTurn("user", "I got the job, I'm so happy!")]
    impulse = selector.select(user_affect=_user(0.8, "joy"),
                              agent_state=AffectState.at_rest(traits), traits=traits,
                              history=history)
    assert impulse is not None and impulse.vad.valence > 0.0


def test_selector_with_no_history_selects_nothing(selector) -> None:  # type: ignore[no-untyped-def]
    assert selector.select(user_affect=_user(0.0, "neutral"),
                           agent_state=AffectState.at_rest(BigFive()), traits=BigFive(),
                           history=[]) is None


def test_missing_weights_say_how_to_build_them(tmp_path: Path) -> None:
    from agent.errors import AgentError

    with pytest.raises(AgentError, match="affect train transition"):
        ResponseEmotionSelector.load(tmp_path)
