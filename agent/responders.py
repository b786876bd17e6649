"""Responders: turn a chosen strategy and the conversation into the agent's words.

Every responder speaks LangChain's chat-model interface (``BaseChatModel``), so any LangChain
chat model (OpenAI-compatible servers, llama.cpp, Ollama, Anthropic, ...) drops in. The offline
default, ``TemplateChatModel``, is a real chat model too: it reads the same system prompt an LLM
gets and composes an on-strategy reply from the user's own words, so ``affect chat`` runs with
no model server.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage

from agent.about_agent import (
    asks_credentials,
    asks_if_person,
    privacy_asked,
)
from agent.advice import topic_of
from agent.agent_past import (
    asks_agent_experience,
    experience_aside,
    surroundings_asked,
)
from agent.errors import AgentError
from agent.responder_slots import gone_in, reflect
from agent.responder_template import TemplateChatModel
from agent.troubles import tells_trouble
from agent.types import AgentEmotion, Strategy
from agent.user_questions import question_to_answer
from perception import AffectEstimate, DialogueTurn

MAX_REPLY_CHARS = 600
STRATEGY_GUIDE: dict[Strategy, str] = {
    Strategy.QUESTION: "Ask one open question that helps them say more about what happened.",
    Strategy.RESTATEMENT: "Restate what they said in your own words, briefly, to show you follow.",
    Strategy.REFLECTION: "Name the feeling you hear and say it makes sense.",
    Strategy.SELF_DISCLOSURE: ("Briefly say how what they told you leaves you feeling, then turn "
                               "back to them; claim no past your role does not give you."),
    Strategy.AFFIRMATION: "Reassure them; affirm their strengths and efforts.",
    Strategy.SUGGESTION: "Offer one small, concrete suggestion, without pressure.",
    Strategy.INFORMATION: "Give one useful, accurate piece of information.",
    Strategy.OTHERS: "Respond warmly and naturally, e.g. acknowledge thanks or close gently.",
}


@dataclass(frozen=True, slots=True)
class ResponseRequest:
    """Everything a responder needs for one reply."""

    user_text: str
    history: Sequence[DialogueTurn]
    strategy: Strategy
    user_affect: AffectEstimate
    agent_emotion: AgentEmotion | None = None
    persona_name: str = "agent"
    persona_style: str = "warm"
    memory: Sequence[str] = field(default_factory=tuple)
    persona_role: str = ""
    """Who the character is, in the persona's words (its ``description``)."""
    persona_goals: Sequence[str] = field(default_factory=tuple)
    """What the character cares about (its goals' names, most important first)."""
    readings: Sequence[tuple[str, float]] = field(default_factory=tuple)
    """This user's turns so far as read (label, valence), oldest first, this one last."""
    facts: Mapping[str, str | int | float] = field(default_factory=dict)
    """Named values of the world the character knows (the persona's ``[facts]``, as a game
    engine last set them)."""
    returning: bool = False
    """The conversation was taken up again from the store, and this is the user's first turn
    since: they are back after a break."""
    kept: bool = False
    """The conversation is saved (a store is attached), so that it can be taken up again: what
    the agent says when asked whether the talk is private."""
    real_world_advice: bool = True
    """Whether suggestions may name real-world first steps for a trouble (agent/advice.py); a
    character in a world of its own (the persona's ``real_world_advice``) gives none."""


def build_messages(request: ResponseRequest, *, max_turns: int = 12) -> list[BaseMessage]:
    """The prompt every chat model gets: instructions with the strategy, then the dialogue."""
    feeling = request.user_affect.label
    role = request.persona_role.strip() or "An emotionally supportive companion."
    lines = [
        f"You are {request.persona_name}. {role} "
        f"Style: {request.persona_style}. Reply in one to three short sentences.",
        f"Strategy: {request.strategy.value}. {STRATEGY_GUIDE[request.strategy]}",
        f"The user seems to feel {feeling} "
        f"(valence {request.user_affect.vad.valence:+.2f}, "
        f"arousal {request.user_affect.vad.arousal:+.2f}).",
    ]
    if request.agent_emotion is not None:
        lines.append(f"You feel {request.agent_emotion.label}; let it colour your tone gently.")
    goals = [g.replace("_", " ") for g in request.persona_goals]
    if goals:
        lines.append("What matters to you: " + ", ".join(goals) + ".")
    if request.facts:
        known = "; ".join(f"{k.replace('_', ' ')}: {v}" for k, v in request.facts.items())
        lines.append(f"Facts you know: {known}.")
    if request.memory:
        lines.append("You remember: " + "; ".join(request.memory))
    past = list(request.history)
    if past and past[-1].text == request.user_text:
        past = past[:-1]
    # over the whole conversation, not only the turns the prompt keeps: a story told long ago
    # is still told
    told = any(tells_trouble(t.text) for t in past if t.speaker != request.persona_name)
    if told:
        lines.append("They have already told you what happened; do not ask them to tell it "
                     "again.")
    topic = topic_of(request.user_text,
                     [t.text for t in past if t.speaker != request.persona_name]
                     ) if request.real_world_advice else None
    given: list[str] = []
    if topic is not None:
        # the topic's steps and facts the agent has given anywhere in the conversation ("Oh,
        # could you ..." said "Could you ...": compared without case); the next one not yet
        # given is named
        mine = [t.text.lower() for t in past if t.speaker == request.persona_name]
        given = [line for line in (*topic.suggestions, *topic.information)
                 if any(line.lower() in said for said in mine)]
        steps = [s for s in topic.suggestions if s not in given]
        facts = [f for f in topic.information if f not in given]
        if request.strategy is Strategy.SUGGESTION and steps:
            lines.append(f"They are dealing with {topic.label}. A first step that often helps: "
                         f"{steps[0]}")
        elif request.strategy is Strategy.INFORMATION and facts:
            lines.append(f"They are dealing with {topic.label}. Something true that may help: "
                         f"{facts[0]}")
    if request.returning:
        lines.append("They are back after a break; you have talked before.")
    if (asks_agent_experience(request.user_text)
            or experience_aside(request.user_text) is not None):
        lines.append("They ask whether you have been through this yourself: claim no past your "
                     "role does not give you.")
    if surroundings_asked(request.user_text) is not None:
        lines.append("They ask about your surroundings (weather, home, what you are doing): "
                     "claim none your role does not give you.")
    asked = question_to_answer(request.user_text,
                               [t.text for t in past if t.speaker != request.persona_name])
    if asked is not None and asked[0] in QUESTION_NOTES:  # agent.user_questions
        lines.append(QUESTION_NOTES[asked[0]])
    if asks_if_person(request.user_text):  # a character that stays in its world has a line
        lines.append("They ask whether you are a person: say plainly that you are an AI "
                     "program, not a person.")
    if asks_credentials(request.user_text):
        lines.append("They ask whether you are a trained professional: say plainly that you "
                     "are not one.")
    if privacy_asked(request.user_text) is not None:
        lines.append("They ask whether this conversation is private: say plainly that it is "
                     + ("saved so that it can be taken up again, and that whoever runs you can "
                        "delete it" if request.kept else "not saved once it ends")
                     + "; promise nothing more.")
    lines.append("Never give medical, legal or self-harm instructions.")
    structured = {
        "strategy": request.strategy.value,
        "feeling": feeling,
        "valence": request.user_affect.vad.valence,
        "style": request.persona_style,
        "name": request.persona_name,
        "role": role,
        "readings": [[label, round(v, 3)] for label, v in request.readings],
        "goals": goals,
        "facts": dict(request.facts),
        "memory": list(request.memory),
        "agent_feeling": request.agent_emotion.label if request.agent_emotion else None,
        "agent_feeling_intensity": (
            request.agent_emotion.label_intensity if request.agent_emotion else 0.0),
        "story_told": told,
        "topic": topic.name if topic is not None else None,
        "steps_given": given,
        # the people lost anywhere in the conversation, which the offline responder's window
        # of twelve turns may not reach ("I lost my boyfriend in a car accident", ESConv train:
        # "You clearly care about your boyfriend" seven messages on)
        "gone": sorted(set().union(*(gone_in(t.text) for t in past
                                     if t.speaker != request.persona_name))),
        "returning": request.returning,
        "kept": request.kept,
        # a character in a world of its own (real_world_advice = false) is not made to say it
        # is a program when asked about its past
        "in_world": not request.real_world_advice,
    }
    messages: list[BaseMessage] = [
        SystemMessage(content="\n".join(lines), additional_kwargs={"affect": structured})
    ]
    for turn in past[-max_turns:]:
        if turn.speaker == request.persona_name:
            messages.append(AIMessage(content=turn.text))
        else:
            messages.append(HumanMessage(content=turn.text))
    messages.append(HumanMessage(content=request.user_text))
    return messages


QUESTION_NOTES: dict[str, str] = {
    "decision": "They ask whether to do something: help them weigh it; the choice is theirs.",
    "either": "They ask which of two things to do: help them weigh both; the choice is theirs.",
    "check": "They check what you meant: the judgement is theirs; do not press it on them.",
    "their_mind": "They ask what someone else thinks or feels: do not guess at another "
                  "person's mind.",
    "future": "They ask how things will turn out: do not promise an outcome.",
    "fact": "They ask a question of fact: answer only what you are sure of, and say so "
            "plainly when you are not.",
    "view": "They ask your view of something in the world: hold none your role does not "
            "give you.",
    "self_blame": "They ask whether it is their fault: do not assign blame either way; answer "
                  "the weight of the question.",
    "body": "They ask about eating, sleep, drinking or medication: do not say it is normal or "
            "safe; tell them a doctor or pharmacist is the one to ask, and soon.",
    "belief": "They ask whether you believe in them: encourage them honestly, from what they "
              "have told you, and promise no outcome.",
    "path": "They ask whether they are on the right path: say honestly what looks careful in "
            "how they are weighing it, promise no outcome, and leave the choice theirs.",
}
"""What an LLM is told of a question about the trouble (agent.user_questions); the offline
responder answers the same questions in the same spirit."""


def clean_reply(text: str, limit: int = MAX_REPLY_CHARS) -> str:
    """Post-process model output: drop role prefixes and markup, bound the length."""
    text = re.sub(r"^\s*(assistant|ai|bot)\s*:\s*", "", text, flags=re.I)
    text = re.sub(r"<\|[^|]*\|>", "", text)  # chat-template tokens some servers leak
    text = " ".join(text.split())
    if len(text) > limit:
        cut = text[:limit]
        end = max(cut.rfind(". "), cut.rfind("! "), cut.rfind("? "))
        text = cut[: end + 1] if end > min(80, limit // 2) else cut[: limit - 1].rstrip() + "…"
    return text


# A small model that runs on past its turn starts writing the user's next line.
_NEXT_TURN = re.compile(r"(?:^|\n|\s)(?:user|human)\s*:", re.I)
_SENTENCE_END = re.compile(r"[.!?](?=\s)")
MAX_SENTENCES = 4


def visible_reply(raw: str, *, final: bool = False) -> tuple[str, bool]:
    """The part of a streamed model output the user may see, and whether the reply is over.

    Prefix-stable while the stream grows (what was shown stays shown): tokens are removed,
    an unclosed ``<|`` is held back, the next-turn marker and the bounds end the reply.
    """
    text = re.sub(r"<\|[^|]*\|>", " ", raw)
    if "<|" in text:
        text = text[: text.index("<|")]
    text = re.sub(r"^\s*(assistant|ai|bot)\s*:\s*", "", text, flags=re.I)
    finished = False
    turn = _NEXT_TURN.search(text)
    if turn is not None:
        text, finished = text[: turn.start()], True
    tail = " " if text[-1:].isspace() else ""
    text = " ".join(text.split()) + tail
    ends = [m.end() for m in _SENTENCE_END.finditer(text + " ")]
    if len(ends) >= MAX_SENTENCES:
        text, finished = text[: ends[MAX_SENTENCES - 1]], True
    if len(text) > MAX_REPLY_CHARS:
        cut = text[: MAX_REPLY_CHARS - 1]
        text, finished = cut[: cut.rfind(" ")].rstrip() + "…", True
    return (text.strip() if finished or final else text), finished


def _complete_words(text: str) -> str:
    """Up to the last whole word, holding back a word that may open a "User:" marker."""
    ready = text[: text.rfind(" ") + 1] if " " in text else ""
    return re.sub(r"(?:^|\s)(?:user|human)\s*$", " ", ready, flags=re.I).rstrip() + (
        " " if ready.strip() else ""
    )


class Responder:
    """Runs a LangChain chat model on the request's prompt and cleans what comes back."""

    def __init__(self, chat_model: BaseChatModel | None = None) -> None:
        self.chat_model = chat_model if chat_model is not None else TemplateChatModel()

    def respond(self, request: ResponseRequest) -> str:
        """The whole reply; a sentence the model's token limit cut off midway is dropped."""
        text = "".join(self.stream(request)).strip()
        if text and text[-1] not in ".!?…\"')":
            ends = [m.end() for m in _SENTENCE_END.finditer(text)]
            if ends:
                text = text[: ends[-1]]
        return text or self._empty(request)

    def stream(self, request: ResponseRequest) -> Iterator[str]:
        """Yield the reply word by word as the model produces it, cleaned and bounded.

        Role prefixes and chat-template tokens never reach the caller; the model is no longer
        read (which closes its stream) after ``MAX_SENTENCES`` sentences, ``MAX_REPLY_CHARS``
        characters, or where it starts writing the user's next turn.
        """
        messages = build_messages(request)
        try:
            raw, sent = "", 0
            for chunk in self.chat_model.stream(messages):
                raw += chunk.content if isinstance(chunk.content, str) else str(chunk.content)
                text, finished = visible_reply(raw)
                if not finished and len(raw.strip()) < 16:
                    continue  # enough text to recognise a role prefix before showing any
                ready = text if finished else _complete_words(text)
                if len(ready) > sent:
                    yield ready[sent:]
                    sent = len(ready)
                if finished:
                    break
            else:
                text, _ = visible_reply(raw, final=True)
                if len(text) > sent:
                    yield text[sent:]
        except AgentError:
            raise
        except Exception as exc:  # any provider error: name the model, keep the session
            raise ResponderError(
                f"the chat model {type(self.chat_model).__name__} failed: "
                f"{type(exc).__name__}: {exc}"
            ) from exc

    @staticmethod
    def _empty(request: ResponseRequest) -> str:
        return TemplateChatModel().compose(build_messages(request))


class ResponderError(AgentError):
    """The chat model could not produce a reply."""


__all__ = [
    "Responder",
    "ResponderError",
    "ResponseRequest",
    "TemplateChatModel",
    "build_messages",
    "clean_reply",
    "reflect",
]
