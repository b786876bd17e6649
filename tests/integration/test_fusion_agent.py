"""The agent fuses a face estimate with the words and tells the dialogue manager when they clash."""

from __future__ import annotations

import pytest

from agent.core import AffectiveAgent
from agent.types import Utterance
from appraisal import VAD
from perception.base import AffectEstimate

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def agent() -> AffectiveAgent:
    return AffectiveAgent.from_persona("sage", text="lexicon", clock=lambda: 100.0)


def smiling_face(t: float, confidence: float = 0.95) -> AffectEstimate:
    probs = {"joy": 0.95, "neutral": 0.05}
    return AffectEstimate.from_categories(probs, modality="face", confidence=confidence, t=t)


def test_smiling_face_over_negative_words_is_named(agent: AffectiveAgent) -> None:
    agent.reset()
    reply = agent.respond(Utterance("I hate this, everything is awful and terrible.", t=100.0,
                                    estimates=(smiling_face(99.8),)))
    trace = "\n".join(reply.trace)
    assert "fusion: " in trace and "face" in trace
    assert "modalities disagree: face reads positive" in trace


def test_stale_face_barely_counts(agent: AffectiveAgent) -> None:
    agent.reset()
    words = "I hate this, everything is awful and terrible."
    fresh = agent.respond(Utterance(words, t=100.0, estimates=(smiling_face(99.9),)))
    agent.reset()
    stale = agent.respond(Utterance(words, t=100.0, estimates=(smiling_face(60.0),)))
    share = {line.split(":")[0]: line for line in fresh.trace}
    assert "fusion" in share
    fresh_v = [ln for ln in fresh.trace if ln.startswith("user:")][0]
    stale_v = [ln for ln in stale.trace if ln.startswith("user:")][0]
    valence = lambda line: float(line.split("valence ")[1].split()[0])  # noqa: E731
    assert valence(stale_v) < valence(fresh_v)


def test_physio_arousal_is_fused_without_a_nan(agent: AffectiveAgent) -> None:
    agent.reset()
    physio = AffectEstimate(VAD(0.0, 0.9, 0.0), confidence=0.5, modality="physio", t=99.0)
    reply = agent.respond(Utterance("ok", t=100.0, estimates=(physio,)))
    assert any("physio" in line for line in reply.trace if line.startswith("fusion"))
