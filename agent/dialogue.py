"""The dialogue manager: the conversation so far and every speaker's emotion across it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from agent.types import Strategy
from appraisal import VAD
from perception import AffectEstimate, ConversationEmotionRecognizer, DialogueTurn
from perception.language import load as load_language_id
from perception.language import other_language

MAX_HISTORY_TURNS = 200
"""Older turns live in the store; the live context keeps this many."""


@dataclass(frozen=True, slots=True)
class DialogueCheckpoint:
    """Copies of everything a turn changes in the dialogue manager (``DialogueManager.rewind``)."""

    turns: tuple[DialogueTurn, ...]
    affect: tuple[AffectEstimate | None, ...]
    strategies: tuple[Strategy, ...]
    by_speaker: tuple[tuple[str, tuple[AffectEstimate, ...]], ...]
    unread_language: str | None


@dataclass(frozen=True, slots=True)
class EmotionShift:
    """A speaker's emotion changed category between two of their turns."""

    speaker: str
    before: str
    after: str
    valence_change: float


class DialogueManager:
    """Keeps the turns, reads each one's emotion in context (ERC), and tracks shifts per speaker."""

    def __init__(self, erc: ConversationEmotionRecognizer, *, agent_name: str) -> None:
        self.erc = erc
        self.agent_name = agent_name
        self.turns: list[DialogueTurn] = []
        self.affect: list[AffectEstimate | None] = []
        self.strategies: list[Strategy] = []
        self._by_speaker: dict[str, list[AffectEstimate]] = defaultdict(list)
        self.unread_language: str | None = None
        """The language of the last perceived turn when the recognizer does not read it."""
        if getattr(erc, "languages", None) is not None:
            load_language_id()  # with the other models, not at the first turn

    def perceive(self, speaker: str, text: str) -> AffectEstimate:
        """Append a turn and read its emotion from it and the turns before it (never after).

        A turn in a language the recognizer was not trained on (``erc.languages``;
        perception.language) is not read: English-only models read "estoy muy triste hoy" as
        joy. Its estimate is neutral with confidence 0, so nothing is felt or fused from it,
        and ``unread_language`` names the language.
        """
        self.turns.append(DialogueTurn(speaker, text))
        known = getattr(self.erc, "languages", None)
        self.unread_language = other_language(text, known) if known is not None else None
        estimate = (self.erc.predict(self.turns) if self.unread_language is None
                    else AffectEstimate(VAD(0.0, 0.0, 0.0), {"neutral": 1.0}, 0.0, "text"))
        self.affect.append(estimate)
        self._by_speaker[speaker].append(estimate)
        self._trim()
        return estimate

    def add_agent_turn(self, text: str, strategy: Strategy) -> None:
        """The agent's own reply joins the context; its affect is the agent's, not perceived."""
        self.turns.append(DialogueTurn(self.agent_name, text))
        self.affect.append(None)
        self.strategies.append(strategy)
        self._trim()

    def restore(self, turns: Sequence[tuple[str, str, AffectEstimate | None]]) -> None:
        """Reload a stored conversation without re-reading it."""
        for speaker, text, estimate in turns:
            self.turns.append(DialogueTurn(speaker, text))
            self.affect.append(estimate)
            if estimate is not None:
                self._by_speaker[speaker].append(estimate)
        self._trim()

    def checkpoint(self) -> DialogueCheckpoint:
        """The conversation as it is now, to come back to after a draft (agent.core preview)."""
        return DialogueCheckpoint(
            tuple(self.turns),
            tuple(self.affect),
            tuple(self.strategies),
            tuple((k, tuple(v)) for k, v in self._by_speaker.items()),
            self.unread_language,
        )

    def rewind(self, mark: DialogueCheckpoint) -> None:
        """Back to ``mark``: turns, readings and strategies added since are forgotten."""
        self.turns = list(mark.turns)
        self.affect = list(mark.affect)
        self.strategies = list(mark.strategies)
        self._by_speaker.clear()
        self._by_speaker.update((k, list(v)) for k, v in mark.by_speaker)
        self.unread_language = mark.unread_language

    def emotions_of(self, speaker: str) -> list[AffectEstimate]:
        return list(self._by_speaker.get(speaker, ()))

    def shift(self, speaker: str) -> EmotionShift | None:
        """The speaker's latest emotion shift, if their last two turns differ in category."""
        seen = self._by_speaker.get(speaker, [])
        if len(seen) < 2 or seen[-1].label == seen[-2].label:
            return None
        return EmotionShift(
            speaker, seen[-2].label, seen[-1].label, seen[-1].vad.valence - seen[-2].vad.valence
        )

    def _trim(self) -> None:
        if len(self.turns) > MAX_HISTORY_TURNS:
            cut = len(self.turns) - MAX_HISTORY_TURNS
            del self.turns[:cut]
            del self.affect[:cut]
        for seen in self._by_speaker.values():
            if len(seen) > MAX_HISTORY_TURNS:
                del seen[: len(seen) - MAX_HISTORY_TURNS]
        if len(self.strategies) > MAX_HISTORY_TURNS:
            del self.strategies[: len(self.strategies) - MAX_HISTORY_TURNS]
