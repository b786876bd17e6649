"""The turn API's values: what goes into ``AffectiveAgent.respond`` and what comes out."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from appraisal import VAD
from perception import AffectEstimate

MAX_PASSED_S = 7 * 24 * 3600.0
"""The most time one ``AffectiveAgent.pass_time`` (a ``time_passed`` message, ``/wait``) lets go
by at once: a week."""


class Strategy(StrEnum):
    """The 8 emotional-support strategies of ESConv (Liu et al., ACL 2021)."""

    QUESTION = "Question"
    RESTATEMENT = "Restatement or Paraphrasing"
    REFLECTION = "Reflection of feelings"
    SELF_DISCLOSURE = "Self-disclosure"
    AFFIRMATION = "Affirmation and Reassurance"
    SUGGESTION = "Providing Suggestions"
    INFORMATION = "Information"
    OTHERS = "Others"

    @classmethod
    def parse(cls, name: str) -> Strategy:
        """Accept ESConv's spellings, including the tsv files' "Questions" and "Other"."""
        aliases = {"Questions": "Question", "Other": "Others"}
        name = aliases.get(name.strip(), name.strip())
        for member in cls:
            if member.value.lower() == name.lower() or member.name.lower() == name.lower():
                return member
        raise ValueError(f"unknown strategy {name!r}; one of: {', '.join(m.value for m in cls)}")


@dataclass(frozen=True, slots=True)
class Utterance:
    """What a user said (or typed), with optional extra perception from other modalities."""

    text: str
    speaker: str = "user"
    t: float | None = None
    """Seconds on the agent's clock; None means "now"."""
    estimates: tuple[AffectEstimate, ...] = ()
    """Face, voice or physio estimates observed with this utterance, fused with the text's."""


@dataclass(frozen=True, slots=True)
class AgentEmotion:
    """The agent's own affect after a turn: expressed emotion, its label and intensity, mood,
    and every OCC emotion type it feels at once (``active``: type -> intensity, each decaying
    on its own half-life; appraisal.emotions)."""

    vad: VAD
    label: str
    intensity: float
    mood: VAD
    mood_label: str
    active: dict[str, float] = field(default_factory=dict)

    @property
    def label_intensity(self) -> float:
        """How strongly the named emotion itself is felt (its ledger entry; the blend's
        intensity when the ledger has none, as for an emotion built by hand)."""
        return self.active.get(self.label, self.intensity)

    def to_dict(self) -> dict[str, Any]:
        return {
            "vad": self.vad.to_dict(),
            "label": self.label,
            "intensity": round(self.intensity, 4),
            "mood": {"vad": self.mood.to_dict(), "label": self.mood_label},
            "active": {k: round(v, 4) for k, v in self.active.items()},
        }


@dataclass(frozen=True, slots=True)
class Reply:
    """Everything one turn produced, with the reasons and the time each stage took."""

    text: str
    strategy: Strategy
    user_affect: AffectEstimate
    agent_emotion: AgentEmotion
    trace: tuple[str, ...] = ()
    timings_ms: dict[str, float] = field(default_factory=dict)
    safety: str | None = None
    """The crisis category that overrode the responder, if any."""
    line: str | None = None
    """The topic of the persona's authored line that answered, if one did."""
    extras: dict[str, Any] = field(default_factory=dict)
    """Renderer hints (prosody, expression) added by optional stages."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "strategy": self.strategy.value,
            "user_affect": self.user_affect.to_dict(),
            "agent_emotion": self.agent_emotion.to_dict(),
            "trace": list(self.trace),
            "timings_ms": {k: round(v, 3) for k, v in self.timings_ms.items()},
            "safety": self.safety,
            "line": self.line,
            **self.extras,
        }
