"""Per-axis reliability: a voice moves the user's arousal without diluting the words' valence."""

from __future__ import annotations

import pytest

from appraisal import VAD
from perception.base import AffectEstimate
from perception.errors import PerceptionError
from perception.fusion import AXIS_RELIABILITY, AffectFusion

pytestmark = pytest.mark.unit


def fused(*estimates: AffectEstimate, **kwargs) -> VAD:
    fusion = AffectFusion(**kwargs)
    for e in estimates:
        fusion.add(e)
    return fusion.fuse(now=0.0).estimate.vad


TEXT = AffectEstimate(VAD(-0.6, 0.1, -0.2), confidence=0.7, modality="text", t=0.0)
# what the prosody estimator reports for an agitated voice: valence left at 0
VOICE = AffectEstimate(VAD(0.0, 0.8, 0.3), confidence=0.7, modality="speech", t=0.0)


def test_speech_does_not_dilute_text_valence_but_moves_arousal():
    alone = fused(TEXT)
    both = fused(TEXT, VOICE)
    flat = fused(TEXT, VOICE, axis_reliability={"speech": (1, 1, 1), "text": (1, 1, 1)})
    # before: equal confidences halved the text's valence
    assert flat.valence == pytest.approx(-0.3, abs=1e-6)
    assert both.valence <= 0.9 * alone.valence  # keeps >= 90 % of the words' valence
    # the voice still dominates arousal, more than an axis-blind average would let it
    assert both.arousal > flat.arousal > alone.arousal
    assert both.arousal > 0.5
    assert both.dominance > alone.dominance


def test_axis_contributions_say_who_set_each_axis():
    fusion = AffectFusion()
    fusion.add(TEXT)
    fusion.add(VOICE)
    out = fusion.fuse(now=0.0)
    v, a, _ = out.axis_contributions["speech"]
    assert v < 0.15 and a > 0.5
    assert out.contributions["speech"] == pytest.approx(0.5)  # evidence share is unchanged
    assert out.to_dict()["axis_contributions"]["text"]["valence"] > 0.85


def test_a_modality_reads_only_the_axes_it_is_reliable_on():
    face = AffectEstimate(VAD(0.7, -0.5, 0.0), confidence=0.9, modality="face", t=0.0)
    physio = AffectEstimate(VAD(-0.2, 0.9, 0.0), confidence=0.9, modality="physio", t=0.0)
    vad = fused(face, physio)
    assert vad.valence > 0.4  # the face's sign, barely touched by the heart rate
    assert vad.arousal > 0.3  # the heart rate's arousal wins over the face's


def test_speech_valence_weight_is_below_its_arousal_weight_by_default():
    v, a, _ = AXIS_RELIABILITY["speech"]
    assert v < 0.5 * a


def test_bad_axis_reliability_is_refused_clearly():
    with pytest.raises(PerceptionError, match="valence, arousal, dominance"):
        AffectFusion(axis_reliability={"speech": (0.1, 1.0)})
    with pytest.raises(PerceptionError, match="in \\[0, 1\\]"):
        AffectFusion(axis_reliability={"speech": (0.1, 2.0, 0.5)})


def test_the_agent_hears_an_agitated_voice_without_losing_what_the_words_said():
    from agent.core import AffectiveAgent
    from agent.types import Utterance

    said = "I failed my exam and I feel terrible."

    def agent():
        return AffectiveAgent.from_persona("sage", text="lexicon", clock=lambda: 100.0)

    words = agent().respond(Utterance(said, t=100.0)).user_affect.vad
    voice = AffectEstimate(VAD(0.0, 0.8, 0.3), confidence=0.8, modality="speech", t=100.0)
    both = agent().respond(Utterance(said, t=100.0, estimates=(voice,))).user_affect.vad
    assert words.valence < -0.2
    assert both.valence <= 0.85 * words.valence  # still clearly negative, barely diluted
    assert both.arousal > words.arousal + 0.2  # the voice's agitation is heard
