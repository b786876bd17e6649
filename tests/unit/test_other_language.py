"""A turn in a language the text model was not trained on is not read as if it were English
("estoy muy triste hoy" read as joy): its emotion is left unread, the agent feels nothing from
it, and the offline responder says it reads English only."""

from __future__ import annotations

from pathlib import Path

import pytest

from agent.assembly import UtteranceOnlyERC
from agent.core import AffectiveAgent
from agent.dialogue import DialogueManager
from agent.responders import Responder, ResponseRequest
from agent.types import Strategy, Utterance
from appraisal import VAD
from perception import AffectEstimate, DialogueTurn
from perception.language import other_language
from perception.text_lexicon import LexiconTextEmotion

pytestmark = pytest.mark.unit

FOREIGN = ["Mi perro murió ayer y estoy destrozado", "Ich habe meinen Job verloren",
           "eu estou muito cansado", "mon chien est mort hier soir et je suis triste",
           # short ones, lost among all 97 languages (0.57 for the French one)
           "mon chien est mort hier", "jestem bardzo smutny", "mijn vader is ziek"]  # fmt: skip
ENGLISH = ["I am 24 years old.", "hello I am ok how are you?", "kinda rough week tbh",
           "Tbh idk wat 2 do anymore", "I like cold weather", "lol ok"]  # fmt: skip


@pytest.mark.parametrize("text", FOREIGN)
def test_other_languages_are_told_from_english(text: str) -> None:
    assert other_language(text) is not None
    assert other_language(text, known=frozenset({"en", str(other_language(text))})) is None


@pytest.mark.parametrize("text", ENGLISH)
def test_short_and_informal_english_is_english(text: str) -> None:
    assert other_language(text) is None


def test_the_dialogue_leaves_a_foreign_turn_unread_only_for_an_english_only_model() -> None:
    english_only = DialogueManager(UtteranceOnlyERC(LexiconTextEmotion()), agent_name="Sage")
    read = english_only.perceive("user", "Mi perro murió ayer y estoy destrozado")
    assert english_only.unread_language == "es"
    assert read.confidence == 0.0 and read.label == "neutral"
    assert english_only.emotions_of("user") == [read]
    sad = english_only.perceive("user", "My dog died yesterday and I am devastated.")
    assert english_only.unread_language is None and sad.confidence > 0.0
    assert sad.vad.valence < 0.0

    any_language = UtteranceOnlyERC(LexiconTextEmotion())
    any_language.languages = None  # as a multilingual model's (an `hf` id): it reads it itself
    multilingual = DialogueManager(any_language, agent_name="Sage")
    multilingual.perceive("user", "Mi perro murió ayer y estoy destrozado")
    assert multilingual.unread_language is None


def test_the_offline_responder_says_it_reads_english_only() -> None:
    from agent.responder_phrases import OTHER_LANGUAGE_REPLIES

    calm = AffectEstimate(VAD(0.0, 0.0, 0.0), {"neutral": 1.0}, 0.0, "text")
    history: list[DialogueTurn] = []
    said = []
    for text in ("Mi perro murió ayer y estoy destrozado", "no entiendo, mi perro murió ayer",
                 "Estoy muy triste hoy porque mi perro murió"):
        history.append(DialogueTurn("user", text))
        said.append(Responder().respond(ResponseRequest(text, list(history), Strategy.QUESTION,
                                                        calm, None, "Sage", "warm")))
        history.append(DialogueTurn("Sage", said[-1]))
    assert said == [*OTHER_LANGUAGE_REPLIES, OTHER_LANGUAGE_REPLIES[-1]]  # in turn, then the last


def test_the_agent_feels_nothing_from_a_turn_it_cannot_read(tmp_path: Path) -> None:
    agent = AffectiveAgent.from_persona("sage", db_path=tmp_path / "a.db", text="lexicon")
    rest = agent.agent_emotion().intensity
    reply = agent.respond(Utterance("Estoy muy triste hoy porque mi perro murió"))
    assert any("language 'es'" in line for line in reply.trace)
    assert reply.agent_emotion.intensity <= rest + 1e-9 and "English" in reply.text
