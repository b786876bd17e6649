"""Responders: turn a chosen strategy and the conversation into the agent's words.

Every responder speaks LangChain's chat-model interface (``BaseChatModel``), so any LangChain
chat model (OpenAI-compatible servers, llama.cpp, Ollama, Anthropic, ...) drops in. The offline
default, ``TemplateChatModel``, is a real chat model too: it reads the same system prompt an LLM
gets and composes an on-strategy reply from the user's own words, so ``affect chat`` runs with
no model server.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import (
    AIMessage,
    AIMessageChunk,
    BaseMessage,
    HumanMessage,
    SystemMessage,
)
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult

from agent.errors import AgentError
from agent.types import AgentEmotion, Strategy
from perception import AffectEstimate, DialogueTurn

MAX_REPLY_CHARS = 600
STRATEGY_GUIDE: dict[Strategy, str] = {
    Strategy.QUESTION: "Ask one open question that helps them say more about what happened.",
    Strategy.RESTATEMENT: "Restate what they said in your own words, briefly, to show you follow.",
    Strategy.REFLECTION: "Name the feeling you hear and say it makes sense.",
    Strategy.SELF_DISCLOSURE: "Briefly share a similar feeling of your own, then turn back.",
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


def build_messages(request: ResponseRequest, *, max_turns: int = 12) -> list[BaseMessage]:
    """The prompt every chat model gets: instructions with the strategy, then the dialogue."""
    feeling = request.user_affect.label
    lines = [
        f"You are {request.persona_name}, an emotionally supportive companion. "
        f"Style: {request.persona_style}. Reply in one to three short sentences.",
        f"Strategy: {request.strategy.value}. {STRATEGY_GUIDE[request.strategy]}",
        f"The user seems to feel {feeling} "
        f"(valence {request.user_affect.vad.valence:+.2f}, "
        f"arousal {request.user_affect.vad.arousal:+.2f}).",
    ]
    if request.agent_emotion is not None:
        lines.append(f"You feel {request.agent_emotion.label}; let it colour your tone gently.")
    if request.memory:
        lines.append("You remember: " + "; ".join(request.memory))
    lines.append("Never give medical, legal or self-harm instructions.")
    structured = {
        "strategy": request.strategy.value,
        "feeling": feeling,
        "valence": request.user_affect.vad.valence,
        "style": request.persona_style,
        "memory": list(request.memory),
    }
    messages: list[BaseMessage] = [
        SystemMessage(content="\n".join(lines), additional_kwargs={"affect": structured})
    ]
    past = list(request.history)
    if past and past[-1].text == request.user_text:
        past = past[:-1]
    for turn in past[-max_turns:]:
        if turn.speaker == request.persona_name:
            messages.append(AIMessage(content=turn.text))
        else:
            messages.append(HumanMessage(content=turn.text))
    messages.append(HumanMessage(content=request.user_text))
    return messages


def clean_reply(text: str) -> str:
    """Post-process model output: drop role prefixes and markup, bound the length."""
    text = re.sub(r"^\s*(assistant|ai|bot)\s*:\s*", "", text, flags=re.I)
    text = re.sub(r"<\|[^|]*\|>", "", text)  # chat-template tokens some servers leak
    text = " ".join(text.split())
    if len(text) > MAX_REPLY_CHARS:
        cut = text[:MAX_REPLY_CHARS]
        end = max(cut.rfind(". "), cut.rfind("! "), cut.rfind("? "))
        text = cut[: end + 1] if end > 80 else cut.rstrip() + "…"
    return text


class Responder:
    """Runs a LangChain chat model on the request's prompt and cleans what comes back."""

    def __init__(self, chat_model: BaseChatModel | None = None) -> None:
        self.chat_model = chat_model if chat_model is not None else TemplateChatModel()

    def respond(self, request: ResponseRequest) -> str:
        return "".join(self.stream(request)).strip() or self._empty(request)

    def stream(self, request: ResponseRequest) -> Iterator[str]:
        """Yield the reply in pieces as the model produces them (already cleaned per piece)."""
        messages = build_messages(request)
        try:
            buffered = ""
            for chunk in self.chat_model.stream(messages):
                piece = chunk.content if isinstance(chunk.content, str) else str(chunk.content)
                buffered += piece
                # Clean at sentence ends so role prefixes and tokens never reach the user.
                if re.search(r"[.!?]\s*$", buffered):
                    yield clean_reply(buffered) + " "
                    buffered = ""
            if buffered.strip():
                yield clean_reply(buffered)
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


# -- the offline default --------------------------------------------------------------------

_FEELING_WORDS = {
    "sadness": ("down", "heavy", "sad"),
    "anger": ("frustrated", "angry", "fed up"),
    "fear": ("worried", "anxious", "scared"),
    "disgust": ("put off", "disgusted", "fed up"),
    "surprise": ("caught off guard", "surprised", "thrown"),
    "joy": ("glad", "lighter", "good"),
    "neutral": ("unsettled", "uncertain", "thoughtful"),
}
_TEMPLATES: dict[Strategy, tuple[str, ...]] = {
    Strategy.QUESTION: (
        "What happened, if you want to tell me more about {topic}?",
        "How are you holding up with everything?",
        "When did this start to weigh on you?",
        "What has been the hardest part of {topic} so far?",
        "Who have you been able to talk to about this?",
        "What would help most right now, being listened to or thinking it through?",
    ),
    Strategy.RESTATEMENT: (
        "So {clause}; that is a lot to carry.",
        "If I follow you, {clause}.",
        "It sounds like {clause}, and it has been on your mind.",
        "You're saying {clause}.",
    ),
    Strategy.REFLECTION: (
        "It makes sense that you feel {feeling} after that.",
        "Feeling {feeling} is a very human response to what happened.",
        "I can hear how {feeling} this leaves you.",
        "Of course you feel {feeling}; anyone would in your place.",
        "That sounds painful, and feeling {feeling} about it is understandable.",
    ),
    Strategy.SELF_DISCLOSURE: (
        "I have felt {feeling} like that too, when things slipped out of my hands.",
        "Something similar once left me feeling {feeling}, so I recognise a little of this.",
        "I remember a time I felt {feeling} for days; it did ease, slowly.",
    ),
    Strategy.AFFIRMATION: (
        "You are handling something hard, and reaching out shows real strength.",
        "It's okay to feel this way; you are doing better than you think.",
        "You have got through difficult things before, and you are not alone in this one.",
        "Talking about it like this is a brave step.",
        "I'm glad you told me; what you feel matters.",
    ),
    Strategy.SUGGESTION: (
        "Maybe one small step could help, like writing down what worries you most.",
        "Could you take a short walk or call someone you trust this evening?",
        "It might help to pick one small thing about this you can do tomorrow.",
        "Try giving yourself a quiet hour tonight, and look at it again in the morning.",
    ),
    Strategy.INFORMATION: (
        "Many people go through this; feelings like these usually ease with time and support.",
        "Stress tends to narrow what we can see; sleep and a little distance often widen it again.",
        "Talking things through with someone is one of the best-studied ways to feel better.",
    ),
    Strategy.OTHERS: (
        "I'm really glad to hear that.",
        "Thank you for sharing this with me.",
        "I'm here whenever you want to talk again.",
        "That's good to hear; take care of yourself.",
    ),
}
_OPENERS = {
    "warm": ("", "Oh, ", "I hear you. ", ""),
    "plain": ("", "", "Okay. ", ""),
    "playful": ("", "Hey, ", "Well, ", ""),
    "formal": ("", "I understand. ", "", "Thank you for saying so. "),
}
_REFLECT = {
    "i": "you",
    "me": "you",
    "my": "your",
    "mine": "yours",
    "myself": "yourself",
    "am": "are",
    "i'm": "you're",
    "i've": "you've",
    "i'll": "you'll",
    "i'd": "you'd",
    "we": "you",
    "our": "your",
    "us": "you",
    "was": "were",
}
_TOPIC = re.compile(
    r"\b(?:my|our)\s+((?:new|old|best|little|big|own|ex)\s+)?(?!(?:own|self)\b)[a-z]{3,}\b", re.I
)


def reflect(text: str) -> str:
    """Swap first and second person ("I lost my job" -> "you lost your job")."""
    words = re.findall(r"[\w']+|[^\w\s]", text)
    out = [_REFLECT.get(w.lower(), w) for w in words]
    joined = " ".join(out)
    return re.sub(r"\s+([,.;!?])", r"\1", joined)


class TemplateChatModel(BaseChatModel):
    """Offline chat model: composes varied, on-strategy replies from the user's own words.

    It reads the structured request the prompt carries (``additional_kwargs["affect"]`` of the
    system message) or, from any other caller, the "Strategy:" line of the system prompt. It
    never repeats a reply already in the conversation.
    """

    @property
    def _llm_type(self) -> str:
        return "affect-template"

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        text = self.compose(messages)
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=text))])

    def _stream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> Iterator[ChatGenerationChunk]:
        for piece in re.findall(r"\S+\s*", self.compose(messages)):
            chunk = ChatGenerationChunk(message=AIMessageChunk(content=piece))
            if run_manager is not None:
                run_manager.on_llm_new_token(piece, chunk=chunk)
            yield chunk

    def compose(self, messages: Sequence[BaseMessage]) -> str:
        info = _request_info(messages)
        user = next((str(m.content) for m in reversed(messages) if isinstance(m, HumanMessage)), "")
        said = {str(m.content).strip() for m in messages if isinstance(m, AIMessage)}
        strategy = info["strategy"]
        feelings = _FEELING_WORDS.get(info["feeling"], _FEELING_WORDS["neutral"])
        match = _TOPIC.search(user)
        topic = reflect(match.group(0)) if match else "all this"
        clause = reflect(re.split(r"(?<=[.!?])\s|,|\band\b|\bbut\b", user.strip())[0]).rstrip(".!?")
        clause = clause[0].lower() + clause[1:] if clause else "this has been hard"
        opener = _OPENERS.get(info["style"], _OPENERS["warm"])
        seed = int(hashlib.sha256(f"{user}|{len(messages)}".encode()).hexdigest(), 16)
        templates = _TEMPLATES[strategy]
        candidates = []
        for k in range(len(templates) * len(opener) * len(feelings)):
            i = (seed + k) % len(templates)
            j = (seed // 7 + k // len(templates)) % len(opener)
            f = feelings[(seed // 11 + k) % len(feelings)]
            body = templates[i].format(topic=topic, clause=clause, feeling=f)
            lead = opener[j]
            if lead.endswith(", "):
                body = body if body.startswith("I ") else body[0].lower() + body[1:]
            text = lead + body
            candidates.append(text[0].upper() + text[1:])
        reply = next((c for c in candidates if c not in said), candidates[0])
        memory = info.get("memory") or []
        if memory and strategy in (Strategy.QUESTION, Strategy.REFLECTION) and seed % 3 == 0:
            reply += f" Last time you mentioned {memory[0]}."
        return reply


def _request_info(messages: Sequence[BaseMessage]) -> dict[str, Any]:
    info: dict[str, Any] = {"strategy": Strategy.REFLECTION, "feeling": "neutral", "style": "warm"}
    for m in messages:
        if not isinstance(m, SystemMessage):
            continue
        structured = m.additional_kwargs.get("affect")
        if isinstance(structured, dict):
            info.update(structured)
        else:
            found = re.search(r"Strategy:\s*([A-Za-z -]+?)[.\n]", str(m.content))
            if found:
                info["strategy"] = found.group(1)
    try:
        info["strategy"] = Strategy.parse(str(info["strategy"]))
    except ValueError:
        info["strategy"] = Strategy.REFLECTION
    return info
