"""A conversation with the offline responder, for the tests that read its replies in turn."""

from __future__ import annotations

from agent.responders import Responder, ResponseRequest
from agent.types import Strategy
from appraisal import VAD
from perception import AffectEstimate, DialogueTurn

SAD = AffectEstimate(VAD(-0.5, 0.2, -0.3), {"sadness": 0.8, "neutral": 0.2}, 0.8, "text", 0.0)


def talk(texts: list[str], strategy: Strategy = Strategy.QUESTION, *, asked_first: int = 0,
         affect: AffectEstimate = SAD) -> list[str]:
    """The replies to ``texts``, said in turn in one conversation with Sage: the first
    ``asked_first`` answered with questions (their replies are not returned), the rest with
    ``strategy``."""
    responder, history, replies = Responder(), [], []
    for k, text in enumerate(texts):
        history.append(DialogueTurn("user", text))
        out = responder.respond(ResponseRequest(
            user_text=text, history=list(history),
            strategy=Strategy.QUESTION if k < asked_first else strategy, user_affect=affect,
            persona_name="Sage"))  # fmt: skip
        history.append(DialogueTurn("Sage", out))
        if k >= asked_first:
            replies.append(out)
    return replies
