"""Speculative replies: a draft's audio is played only for the words it was drafted for."""

from __future__ import annotations

import asyncio

import numpy as np
import pytest

from agent.core import AffectiveAgent
from agent.pipeline import AudioOutFrame, ReplyFrame, UserTurnFrame, run_test
from agent.voice_draft import Speculation, draft_matches, same_prosody, start_draft
from agent.voice_loop import VoiceAssistant
from agent.voice_processors import ResponderProcessor, TTSProcessor
from voice.audio import AudioClip
from voice.prosody import Prosody
from voice.tts import TTSEngine

pytestmark = pytest.mark.unit
RATE = 16_000


class ToneTTS(TTSEngine):
    """A real, tiny engine (one 440 Hz beep per word) standing in for Piper: the draft logic,
    not the voice, is under test here."""

    name = "tone"

    def __init__(self) -> None:
        self.said: list[str] = []

    def synthesize_sentence(self, sentence: str, prosody: Prosody) -> AudioClip:
        self.said.append(sentence)
        t = np.arange(int(0.05 * RATE)) / RATE
        beep = (0.3 * np.sin(2 * np.pi * 440 * t)).astype(np.float32)
        return AudioClip(np.tile(beep, max(1, len(sentence.split()))), RATE)


def assistant() -> VoiceAssistant:
    agent = AffectiveAgent.from_persona("sage", text="lexicon")
    return VoiceAssistant(agent=agent, vad=None, asr=None, tts=ToneTTS())


def answer(a: VoiceAssistant, turn: UserTurnFrame) -> list:
    return asyncio.run(run_test([ResponderProcessor(a), TTSProcessor(a)], send=[turn]))


async def _draft(a: VoiceAssistant, text: str):
    reply = await a.on_agent_thread(a.preview, text, None)
    draft = start_draft(a, reply, text)
    await draft.first
    return draft


def test_a_slow_responder_never_stalls_the_audio_loop():
    from langchain_core.language_models.fake_chat_models import FakeListChatModel

    from agent.responders import Responder

    a = assistant()
    # A LangChain chat model that streams one character per 20 ms: an LLM's pace, offline.
    a.agent.responder = Responder(FakeListChatModel(responses=["That sounds really hard."],
                                                    sleep=0.02))

    async def run():
        ticks, done = 0, asyncio.Event()

        async def audio_loop():  # what the pipeline does between frames
            nonlocal ticks
            while not done.is_set():
                ticks += 1
                await asyncio.sleep(0.01)

        loop_task = asyncio.create_task(audio_loop())
        draft = asyncio.create_task(a.on_agent_thread(a.preview, "I failed my exam", None))
        answer = asyncio.create_task(a.on_agent_thread(a.answer, "I failed my exam.", None))
        results = await asyncio.gather(draft, answer)
        done.set()
        await loop_task
        return results, ticks

    (draft, reply), ticks = asyncio.run(run())
    assert draft.text == reply.text == "That sounds really hard."
    assert ticks >= 40  # two ~0.5 s replies: the loop kept running all the while
    assert len(a.agent.history) == 2  # the draft changed nothing; the answer came after it


def test_a_matching_draft_is_committed_and_its_audio_played_first():
    a = assistant()
    draft = asyncio.run(_draft(a, "I failed my exam"))
    assert len(a.agent.history) == 0  # drafting changed nothing
    out = answer(a, UserTurnFrame("I failed my exam.", 1.0, draft=draft))
    reply = next(f for f in out if isinstance(f, ReplyFrame))
    audio = [f for f in out if isinstance(f, AudioOutFrame)]
    assert reply.spoken is draft and reply.text == draft.reply.text
    assert audio[0].first and audio[0].samples is draft.first.result().samples
    assert any("drafted" in line for line in reply.reply.trace)
    assert len(a.agent.history) == 2  # committed once


def test_a_draft_for_other_words_is_never_played():
    a = assistant()
    stale = asyncio.run(_draft(a, "I want to give up on studying"))
    stale_audio = stale.first.result().samples
    out = answer(a, UserTurnFrame("Actually my friend helped me a lot.", 1.0, draft=stale))
    reply = next(f for f in out if isinstance(f, ReplyFrame))
    audio = [f for f in out if isinstance(f, AudioOutFrame)]
    assert reply.spoken is None and stale.discarded
    assert audio and all(f.samples is not stale_audio for f in audio)
    assert not any("drafted" in line for line in reply.reply.trace)


def test_a_resumed_pause_discards_its_draft():
    a = assistant()

    async def run():
        spec = Speculation(draft=await _draft(a, "I lost my job"))
        spec.drop()  # the user went on speaking
        return spec

    spec = asyncio.run(run())
    assert spec.dropped and spec.draft is not None and spec.draft.discarded
    assert not draft_matches(spec.draft, "I lost my job")


def test_prosody_tolerance_is_small():
    base = Prosody(pitch_semitones=1.0, rate=1.1)
    assert same_prosody(base, Prosody(pitch_semitones=1.2, rate=1.11))
    assert not same_prosody(base, Prosody(pitch_semitones=2.0, rate=1.1))
    assert not same_prosody(base, Prosody(pitch_semitones=1.0, rate=1.2))


def test_closing_the_assistant_ends_its_agent_thread_after_the_turn_it_runs():
    import threading

    a = assistant()

    async def on_agent(fn, *args):
        return await a.on_agent_thread(fn, *args)

    worker = asyncio.run(on_agent(threading.current_thread))
    assert worker.name.startswith("agent") and worker.is_alive()
    reply = asyncio.run(on_agent(a.answer, "I failed my exam.", None))
    a.close()
    assert not worker.is_alive()
    assert reply.text and len(a.agent.history) == 2  # the turn it ran is kept
    fresh = asyncio.run(on_agent(threading.current_thread))  # a new thread when asked again
    assert fresh is not worker and fresh.is_alive()
    a.close()
