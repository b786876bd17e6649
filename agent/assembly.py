"""How an agent is put together from a persona: its recognizers, policy, responder, safety,
store, memory and transition model, each from the backend table (agent.backends)."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from agent import backends
from agent.config import Persona
from agent.errors import AgentError
from agent.store import Store
from perception import (
    AffectEstimate,
    ConversationEmotionRecognizer,
    DialogueTurn,
    TextEmotionRecognizer,
)

log = logging.getLogger(__name__)


class UtteranceOnlyERC(ConversationEmotionRecognizer):
    """Reads only the last turn with a text recognizer: the context-free fallback of ERC."""

    name = "utterance"

    def __init__(self, text: TextEmotionRecognizer) -> None:
        self.text = text
        self.languages = text.languages

    def predict(self, history: Sequence[DialogueTurn]) -> AffectEstimate:
        return self.text.predict(history[-1].text)


def parts(
    p: Persona, *, db_path: str | Path | None, backend_overrides: Mapping[str, str],
    text_options: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The keyword arguments of ``AffectiveAgent`` besides the persona, session and clock,
    with backends from the persona or ``backend_overrides`` (capability -> backend name).
    ``text_options`` go to the text backend that takes them (``quantize``, ``runtime``: how
    the sentence encoder reads; the ERC shares its encoder)."""
    from agent.intents import hearer
    from agent.responders import Responder
    from agent.safety import SafetyCheck
    from agent.strategy import load_policy

    choice = {**p.backends, **backend_overrides}
    text = backends.create("text", choice.get("text", "auto"), text_options)
    erc_name = choice.get("erc", "auto")
    text_name = choice.get("text", "auto")
    if erc_name == "auto" and text_name != "auto":
        # An explicit text backend picks the ERC built on the same model, or none: an
        # `auto` ERC would otherwise read with a different model than the one asked for.
        erc_name = text_name if text_name in backends.BACKENDS.get("erc", {}) else "utterance"
    erc: ConversationEmotionRecognizer
    if erc_name == "utterance" or "erc" not in backends.BACKENDS:
        erc = UtteranceOnlyERC(text)
    elif erc_name != "auto" or _any_available("erc"):
        erc = backends.create("erc", erc_name, text=text)
    else:
        erc = UtteranceOnlyERC(text)
    responder_name = choice.get("responder", "template")
    chat_model = None
    if responder_name != "template":
        chat_model = backends.create("responder", responder_name)
    store = Store(db_path) if db_path is not None else None
    memory = None
    try:
        from agent.memory import MemoryGraph

        # Any one thread may drive the agent (the voice pipeline gives it a thread of its
        # own); its calls never overlap, so the connection need not be thread-bound.
        conn = (store.conn if store is not None
                else sqlite3.connect(":memory:", check_same_thread=False))
        memory = MemoryGraph(conn)
    except ImportError:  # pragma: no cover - memory is part of the core install
        memory = None
    return {
        "erc": erc,
        "policy": load_policy(choice.get("policy", "auto")),
        "responder": Responder(chat_model),
        "safety": SafetyCheck(),
        "store": store,
        "memory": memory,
        "transition": _load_transition(liking=p.relations.get("user", 0.5)),
        "intents": hearer(p.intents, p.intent_similarity),
    }


def _any_available(capability: str) -> bool:
    return any(
        spec.embedded and backends.available(capability, name)
        for name, spec in backends.BACKENDS.get(capability, {}).items()
    )


def _load_transition(*, liking: float) -> Any:
    """The trained PELD transition selector when its module and weights are present."""
    try:
        from agent.emotion_transition import ResponseEmotionSelector
    except ImportError:
        return None
    try:
        selector = ResponseEmotionSelector.load()
    except (AgentError, OSError, ValueError) as exc:
        log.info(
            "emotion transition model not loaded (%s); using empathic appraisal", type(exc).__name__
        )
        return None
    selector.liking = liking
    return selector
