"""LivePerception behind a conversation: BrainFlow's synthetic board feeds the agent's fusion."""

from __future__ import annotations

import time

import pytest

from agent.live_perception import LivePerception
from perception.errors import PerceptionError

pytestmark = pytest.mark.integration


def test_synthetic_board_estimates_reach_the_agent() -> None:
    pytest.importorskip("brainflow", reason='physio extra absent: pip install ".[physio]"')
    pytest.importorskip("neurokit2", reason='physio extra absent: pip install ".[physio]"')
    from agent.core import AffectiveAgent
    from agent.types import Utterance

    agent = AffectiveAgent.from_persona("sage", text="lexicon")
    with LivePerception(eeg="brainflow:synthetic", window_s=2.0) as live:
        deadline = time.monotonic() + 15
        while not live.estimates() and time.monotonic() < deadline:
            time.sleep(0.2)
        estimates = live.estimates()
        assert live.error is None
    assert estimates and estimates[0].modality == "physio"
    reply = agent.respond(Utterance("I'm fine, I guess.", estimates=estimates))
    fusion_lines = [line for line in reply.trace if line.startswith("fusion:")]
    assert fusion_lines and "physio" in fusion_lines[0]


@pytest.mark.parametrize("kwargs", [{}, {"eeg": "recording.edf"}, {"face": "clip.mp4"}])
def test_only_live_sources_are_taken(kwargs: dict[str, str]) -> None:
    with pytest.raises(PerceptionError):
        LivePerception(**kwargs)
