"""A short support conversation through the real agent with its embedded defaults: the offline
responder neither asks for a story already told nor passes over a step the user weighs."""

from __future__ import annotations

import pytest

from agent.core import AffectiveAgent
from agent.types import Utterance

pytestmark = pytest.mark.integration

CONVERSATION = (
    "My boss yelled at me in front of everyone today.",
    "I just feel so small.",
    "I dont know what to do.",
    "Maybe I should talk to HR?",
    "Thanks. That helps.",
)


def test_a_weighed_step_is_answered_and_the_told_story_not_asked_for() -> None:
    pytest.importorskip("torch", reason="the embedded text and policy models need the text extra")
    ticks = iter(range(0, 10_000, 5))
    agent = AffectiveAgent.from_persona("sage", clock=lambda: float(next(ticks)))
    replies = [agent.respond(Utterance(text)).text for text in CONVERSATION]
    weighing = replies[3]
    assert "What happened" not in weighing and "HR" in weighing, replies
    assert not any("What happened" in r or "start to weigh on you" in r for r in replies[1:]), (
        replies)
