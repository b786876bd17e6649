"""One NPC session: its agent, its liking of others, and what one turn sends back, in order.

Everything here is synchronous and runs on the server's single agent thread (the agents, their
SQLite store and the models are not shared across threads); the server only moves frames.
"""

from __future__ import annotations

import logging
import re
import sqlite3
import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from pydantic import BaseModel

from agent.authored_lines import file_warnings
from agent.config import Persona, load_persona, shipped_personas
from agent.core import AffectiveAgent
from agent.errors import ConfigError
from agent.intents import hearer
from agent.server import protocol as p
from agent.store import Store
from agent.types import AgentEmotion, Utterance
from appraisal import VAD
from perception import AffectEstimate
from robots.expression import express
from robots.gestures import choose_gesture
from robots.idle import blink_rate_per_min
from robots.visemes import VisemeFrame, shifted, visemes_for_text, voiced_span

log = logging.getLogger(__name__)


class AgentFactory:
    """Builds one agent per session, sharing each persona's models, policy and responder."""

    def __init__(
        self, *, db_path: str | Path | None = None, persona_dir: str | Path | None = None,
        text_options: Mapping[str, Any] | None = None, **backend_overrides: Any,
    ) -> None:  # fmt: skip
        self.persona_dir = None if persona_dir is None else Path(persona_dir)
        if self.persona_dir is not None:
            for persona in check_persona_dir(self.persona_dir).values():
                # a studio's intents may hold up to 1,000 examples: embed them now, not while
                # the first player waits (agent.intents caches them for every session)
                hearer(persona.intents, persona.intent_similarity)
        self.store = Store(db_path) if db_path is not None else None
        self._memory_conn = (
            self.store.conn
            if self.store is not None
            else sqlite3.connect(":memory:", check_same_thread=False)
        )
        self._templates: dict[str, AffectiveAgent] = {}
        self._overrides = backend_overrides
        self._text_options = dict(text_options or {})

    def create(self, persona: str, session: str) -> AffectiveAgent:
        from agent.memory import MemoryGraph

        template = self._templates.get(persona)
        if template is None:
            template = AffectiveAgent.from_persona(self.persona_source(persona),
                                                   text_options=self._text_options,
                                                   **self._overrides)
            self._templates[persona] = template
        return AffectiveAgent(
            persona=template.persona.model_copy(deep=True),
            erc=template.dialogue.erc,
            policy=template.policy,
            responder=template.responder,
            safety=template.safety,
            store=self.store,
            session=session,
            memory=MemoryGraph(self._memory_conn, user=session),
            transition=template.transition,
            intents=template.intents,
        )

    def persona_source(self, name: str) -> str | Path:
        """The file of persona ``name``: the persona directory's first, then the shipped one.
        Only names are accepted, never paths, so a client cannot read other files."""
        if re.fullmatch(p.PERSONA_PATTERN, name) is None:
            raise ConfigError(f"persona names are letters, digits, '_' and '-', got {name!r}")
        if self.persona_dir is not None and (self.persona_dir / f"{name}.toml").is_file():
            return self.persona_dir / f"{name}.toml"
        if name in shipped_personas():
            return name
        known = sorted({*shipped_personas(), *(
            f.stem for f in (self.persona_dir.glob("*.toml") if self.persona_dir else ()))})
        raise ConfigError(f"no persona named {name!r}; this server has: {', '.join(known)}")

    def release(self, session: str) -> None:
        """Forget an ended session's memory when nothing is persisted (no ``db_path``)."""
        if self.store is None:
            with self._memory_conn:
                self._memory_conn.execute("DELETE FROM memory_mentions WHERE user = ?", (session,))


def check_persona_dir(directory: Path) -> dict[str, Persona]:
    """The personas a directory offers, by name; every file is read now, so a bad one stops the
    server at start with its name and problem instead of failing a player's ``hello`` later."""
    if not directory.is_dir():
        raise ConfigError(f"persona directory {directory} does not exist")
    found: dict[str, Persona] = {}
    for path in sorted(directory.glob("*.toml")):
        if re.fullmatch(p.PERSONA_PATTERN, path.stem) is None:
            raise ConfigError(f"{path}: hello names a persona by its file name, so the name may "
                              "hold only letters, digits, '_' and '-'")  # fmt: skip
        persona = load_persona(path)  # a ConfigError names the file and the field
        for warning in file_warnings(persona):
            log.warning("%s: %s", path, warning)
        found[path.stem] = persona
    if not found:
        raise ConfigError(f"persona directory {directory} holds no .toml persona files")
    return found


@dataclass
class NpcSession:
    """A connected NPC: the agent (whose persona holds its liking of others and the facts),
    pending perception, optional TTS."""

    agent: AffectiveAgent
    session_id: str
    tts: Any = None
    pending: list[AffectEstimate] = field(default_factory=list)
    turns: int = 0

    def new_turn_id(self, given: str | None) -> str:
        self.turns += 1
        return given or f"t{self.turns}"

    def perceive(self, msg: p.Perception) -> None:
        """Keep the engine's reading of the player for the next turn (the last 8 at most)."""
        vad = VAD(msg.vad.valence, msg.vad.arousal, msg.vad.dominance)
        label = msg.label or "neutral"
        estimate = AffectEstimate(vad, {label: 1.0}, msg.confidence, msg.modality, time.monotonic())
        self.pending = [*self.pending[-7:], estimate]

    def turn(self, text: str, speaker: str, turn_id: str) -> list[BaseModel | bytes]:
        """Answer one utterance: text, emotion, expression, visemes, [audio], turn_end."""
        t0 = time.perf_counter()
        estimates, self.pending = tuple(self.pending), []
        reply = self.agent.respond(Utterance(text=text, speaker=speaker, estimates=estimates))
        out: list[BaseModel | bytes] = [
            p.TextDelta(turn_id=turn_id, text=chunk) for chunk in _chunks(reply.text)
        ]
        out += self._render(turn_id, reply.agent_emotion, reply.text, reply.strategy.value)
        out.append(
            p.TurnEnd(
                turn_id=turn_id,
                strategy=reply.strategy.value,
                line=reply.line,
                user=p.UserAffect(
                    label=reply.user_affect.label,
                    valence=reply.user_affect.vad.valence,
                    arousal=reply.user_affect.vad.arousal,
                    confidence=reply.user_affect.confidence,
                    modality=reply.user_affect.modality,
                ),
                latency_ms=round((time.perf_counter() - t0) * 1000.0, 2),
            )
        )
        return out

    def set_facts(self, values: dict[str, str | int | float]) -> None:
        """Replace the named facts the NPC's lines say; ValueError (nothing changed) when the
        session would hold more than the persona file may."""
        self.agent.set_facts(values)

    def game_event(self, msg: p.GameEvent, turn_id: str) -> list[BaseModel | bytes]:
        """Appraise a game event (OCC) and show the NPC's reaction: emotion and expression, and
        the persona's authored line for the event when it has one (text, visemes, audio)."""
        t0 = time.perf_counter()
        reaction = self.agent.game_event(
            msg.event, desirability=msg.desirability, praiseworthiness=msg.praiseworthiness,
            actor=msg.actor, target=msg.target, likelihood=msg.likelihood,
        )  # fmt: skip
        emotion, causes, bark = reaction.emotion, list(reaction.causes), reaction.bark
        if bark is None:
            out = self._render(turn_id, emotion, None, None, causes=causes)
        else:
            out = [p.TextDelta(turn_id=turn_id, text=chunk) for chunk in _chunks(bark.text)]
            out += self._render(turn_id, emotion, bark.text, bark.strategy.value, causes=causes)
        out.append(
            p.TurnEnd(
                turn_id=turn_id,
                strategy=None if bark is None else bark.strategy.value,
                line=None if bark is None else bark.topic,
                latency_ms=round((time.perf_counter() - t0) * 1000.0, 2),
            )
        )
        return out

    def time_passed(self, seconds: float, turn_id: str) -> list[BaseModel | bytes]:
        """Let game time go by (``AffectiveAgent.pass_time``) and show what the NPC feels now."""
        t0 = time.perf_counter()
        emotion = self.agent.pass_time(seconds)
        out = self._render(turn_id, emotion, None, None, causes=[])
        out.append(p.TurnEnd(turn_id=turn_id, strategy=None, line=None,
                             latency_ms=round((time.perf_counter() - t0) * 1000.0, 2)))
        return out

    def _render(
        self,
        turn_id: str,
        emotion: AgentEmotion,
        text: str | None,
        strategy: str | None,
        *,
        causes: list[str] | None = None,
    ) -> list[BaseModel | bytes]:
        vad = emotion.vad
        face = express(vad, emotion.label, emotion.intensity)
        gesture = choose_gesture(label=emotion.label, strategy=strategy, vad=vad)
        causes = causes if causes is not None else [
            c.describe() for c in self.agent.state.causes
        ]  # fmt: skip
        out: list[BaseModel | bytes] = [
            p.Emotion(
                turn_id=turn_id,
                label=emotion.label,
                valence=vad.valence,
                arousal=vad.arousal,
                dominance=vad.dominance,
                intensity=emotion.intensity,
                mood=emotion.mood_label,
                causes=causes,
                active={k: round(v, 4) for k, v in emotion.active.items()},
                liking=round(self.agent.persona.relations.get("user", 0.5), 4),
            ),
            p.Expression(
                turn_id=turn_id,
                blendshapes={k: round(v, 4) for k, v in face.blendshapes.items()},
                hri=face.hri_message(),
                gesture=gesture.to_dict() if gesture is not None else None,
                idle={
                    "blink_rate_per_min": round(blink_rate_per_min(arousal=vad.arousal), 2),
                    "gaze_range_deg": 4.0,
                },
            ),
        ]
        if text is None:
            return out
        voice = self.agent.persona.voice
        if self.tts is not None:
            out += self._speak(turn_id, text, emotion)
        else:
            frames = visemes_for_text(text, rate_wpm=voice.rate_wpm, voice=voice.voice)
            end = frames[-1].start_s + frames[-1].duration_s if frames else 0.0
            out.append(_visemes(turn_id, frames, end, "rate"))
        return out

    def _speak(self, turn_id: str, text: str, emotion: AgentEmotion) -> list[BaseModel | bytes]:
        """Speech with visemes aligned sentence by sentence to the voiced part of each clip."""
        from voice.audio import AudioClip, concat
        from voice.prosody import prosody_for
        from voice.tts import split_sentences

        voice = self.agent.persona.voice
        prosody = prosody_for(emotion.vad, emotion.intensity)
        # One clip per sentence through the engine's per-sentence call, so each clip's text is
        # known and its visemes can be laid on its own voiced span.
        frames: list[VisemeFrame] = []
        clips: list[AudioClip] = []
        t = 0.0
        for sentence in split_sentences(text):
            clip = self.tts.synthesize_sentence(sentence, prosody)
            start, end = voiced_span(clip.samples, clip.sample_rate_hz)
            if end - start > 0.02:
                said = visemes_for_text(sentence, duration_s=end - start, voice=voice.voice)
                frames += shifted(said, t + start)
            pause = np.zeros(int(clip.sample_rate_hz * prosody.pause_ms / 1000.0), np.float32)
            clips.append(AudioClip(np.concatenate([clip.samples, pause]), clip.sample_rate_hz))
            t += clips[-1].duration_s
        audio = concat(clips)
        pcm = (np.clip(audio.samples, -1.0, 1.0) * 32767.0).astype("<i2").tobytes()
        chunk = audio.sample_rate_hz * 2 // 10  # 100 ms of 16-bit mono
        return [
            _visemes(turn_id, frames, audio.duration_s, "audio"),
            p.AudioStart(turn_id=turn_id, sample_rate_hz=audio.sample_rate_hz),
            *[pcm[i : i + chunk] for i in range(0, len(pcm), chunk)],
            p.AudioEnd(turn_id=turn_id, duration_ms=round(audio.duration_s * 1e3, 1)),
        ]


def _visemes(turn_id: str, frames: list[Any], duration_s: float, timing: str) -> p.Visemes:
    return p.Visemes(
        turn_id=turn_id,
        frames=[p.VisemeFrameModel(**f.to_dict()) for f in frames],
        duration_ms=round(duration_s * 1000.0, 1),
        timing=timing,  # type: ignore[arg-type]
    )


def _chunks(text: str, words: int = 6) -> list[str]:
    """The reply as text deltas of a few words (what an LLM stream would look like)."""
    parts = text.split(" ")
    return [
        " ".join(parts[i : i + words]) + (" " if i + words < len(parts) else "")
        for i in range(0, len(parts), words)
    ]


def new_session_id() -> str:
    return uuid.uuid4().hex[:16]
