"""What a stored session keeps besides its turns, and how it comes back after a restart.

The agent's affect (the blend and the per-type feelings), its liking of others (a grudge) and
the facts a game set are saved with every turn and game event (agent.core); a resumed session
reads them back. A hand-edited or older database must not stop a session: entries that are not
valid are dropped, with a warning that counts them and never shows them.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from agent.config import Persona, check_facts
from agent.store import Store, StoredTurn
from agent.types import AgentEmotion, Strategy
from appraisal import VAD, AffectState
from appraisal.emotions import TYPES, EmotionState
from perception import AffectEstimate

if TYPE_CHECKING:
    from agent.dialogue import DialogueManager

log = logging.getLogger(__name__)

RESUMED_TURNS = 50
"""How many of a stored conversation's last turns a resumed session reads back as context."""


def resume(
    store: Store,
    session: str,
    *,
    state: AffectState,
    feelings: EmotionState,
    persona: Persona,
    dialogue: DialogueManager,
) -> tuple[AffectState, EmotionState, bool]:
    """Read a stored session back: its affect and feelings (resting at the given ones'
    baselines), the liking and facts into ``persona``, its last turns into ``dialogue``.

    Returns:
        The affect, the feelings, and whether the session had turns (the user returns).
    """
    saved = store.load_state(session)
    if saved is not None:
        state, feelings = restore(saved, state, feelings, persona)
    restored, strategies = turns(store.turns(session, limit=RESUMED_TURNS))
    dialogue.strategies.extend(strategies)
    dialogue.restore(restored)
    return state, feelings, bool(restored)


def write_exchange(
    store: Store,
    session: str,
    *,
    speaker: str,
    text: str,
    user_affect: AffectEstimate,
    agent_name: str,
    reply: str,
    strategy: Strategy,
    agent_emotion: AgentEmotion,
) -> None:
    """A user's turn and the agent's reply to it, in the order they were said."""
    store.add_turn(session, speaker, text, affect=user_affect.to_dict())
    store.add_turn(session, agent_name, reply, strategy=strategy.value,
                   agent_emotion=agent_emotion.to_dict())  # fmt: skip


def snapshot(state: AffectState, feelings: EmotionState, persona: Persona) -> dict[str, Any]:
    """The JSON-ready state of one session (``Store.save_state``)."""
    return {
        "emotion": state.emotion.to_dict(),
        "intensity": state.intensity,
        "mood": state.mood.to_dict(),
        "active": feelings.active(threshold=1e-4),
        "relations": dict(persona.relations),
        "facts": dict(persona.facts),
    }


def restore(
    saved: dict[str, Any], state: AffectState, feelings: EmotionState, persona: Persona
) -> tuple[AffectState, EmotionState]:
    """The stored affect and feelings (resting at ``state``'s baseline); the stored liking and
    facts are written into ``persona``, the session's own copy."""
    restored = AffectState(
        emotion=VAD.from_dict(saved["emotion"]),
        intensity=float(saved["intensity"]),
        mood=VAD.from_dict(saved["mood"]),
        baseline=state.baseline,
    )
    persona.relations.update(_relations(saved.get("relations", {})))
    persona.facts = _facts(saved.get("facts", {}), persona.facts)
    return restored, _feelings(saved.get("active", {}), feelings)


def turns(
    stored: Iterable[StoredTurn],
) -> tuple[list[tuple[str, str, AffectEstimate | None]], list[Strategy]]:
    """Stored turns as the dialogue manager reloads them, and the strategies used in them."""
    out: list[tuple[str, str, AffectEstimate | None]] = []
    strategies: list[Strategy] = []
    for turn in stored:
        estimate = None
        if turn.affect is not None:
            estimate = AffectEstimate(
                vad=VAD.from_dict(turn.affect["vad"]),
                categories=turn.affect.get("categories", {}),
                confidence=float(turn.affect.get("confidence", 0.0)),
                modality=str(turn.affect.get("modality", "text")),
            )
        out.append((turn.speaker, turn.text, estimate))
        if turn.strategy:
            try:
                strategies.append(Strategy.parse(turn.strategy))
            except ValueError:
                pass
    return out, strategies


def _feelings(saved: Any, rest: EmotionState) -> EmotionState:
    """The per-type intensities of a stored session; unknown types and values outside [0, 1]
    are dropped."""
    intensities = rest.intensities.copy()
    entries = saved if isinstance(saved, dict) else {"": saved}  # not a mapping: one bad entry
    dropped = 0
    for name, value in entries.items():
        ok = (name in TYPES and isinstance(value, int | float) and not isinstance(value, bool)
              and 0.0 <= value <= 1.0)
        if ok:
            intensities[TYPES.index(name)] = float(value)
        dropped += not ok
    if dropped:
        log.warning("stored emotion intensities: %d entries dropped as invalid", dropped)
    return EmotionState(intensities, rest.mood, rest.baseline)


def _relations(saved: Any) -> dict[str, float]:
    """The stored liking of others; entries that are not a name and a number in [-1, 1] are
    dropped."""
    entries = saved if isinstance(saved, dict) else {"": saved}  # not a mapping: one bad entry
    kept = {name: float(v) for name, v in entries.items()
            if name and isinstance(v, int | float) and not isinstance(v, bool)
            and -1.0 <= v <= 1.0}  # fmt: skip
    if len(kept) < len(entries):
        log.warning("stored relations: %d entries dropped as invalid", len(entries) - len(kept))
    return kept


def _facts(saved: Any, rest: dict[str, Any]) -> dict[str, Any]:
    """The stored facts over the persona file's own; invalid entries are dropped."""
    entries = saved if isinstance(saved, dict) else {"": saved}  # not a mapping: one bad entry
    facts, dropped = dict(rest), 0
    for name, value in entries.items():
        try:
            facts = check_facts({**facts, name: value})
        except ValueError:
            dropped += 1
    if dropped:
        log.warning("stored facts: %d entries dropped as invalid", dropped)
    return facts
